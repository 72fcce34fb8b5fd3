import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth";
import {
  actionFiles,
  asSentByBrowser,
  exportName,
  importAction,
  importRoute,
  routes,
  type ActionFn,
  type RouteFn,
} from "@/lib/authz/discovery";
import { asking, resetStubs } from "@/lib/authz/stubs";
import { addMember, makeAsset, makeGeneration, makeQueuedGeneration, makeTeam, makeUser, storeAssetFile, type Team } from "@/lib/authz/fixtures";
import { createApiKey } from "@/lib/data/api-keys";
import { createInvitation } from "@/lib/data/invitations";
import { signedFilePath } from "@/lib/data/signed-files";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { png } from "@/lib/images/testing/fixtures";
import { stopQueue } from "@/lib/jobs/queue";
import { closeListener } from "@/lib/live/listener";
import { CONTROL_CHARACTER_MESSAGE } from "@/lib/validations/text";

/**
 * The fuzz suite, in the authorization suite's style: every server action and every route handler
 * gets malformed input (wrong types, huge strings, control characters, bad ids, bad headers and
 * bodies), one field at a time, from the most powerful caller (a workspace owner) so the input
 * reaches as far into the code as it can. Every answer must be a refusal with a message (an
 * action's `ok: false` + message, a route's 4xx + JSON error message) or a harmless success, never
 * "something went wrong on our side" or a 5xx. A new action or route without a row here fails.
 *
 * As in lib/authz/authz.test.ts, only who is asking is stubbed, plus Next's request context.
 */

// No worker runs here: the images API answers 202 at once instead of waiting for images.
vi.hoisted(() => {
  process.env.API_WAIT_MS = "0";
});
// The stubs are defined once, in lib/authz/stubs.ts (shared with the authorization suite).
vi.mock("@/lib/auth", async () => (await import("@/lib/authz/stubs")).authStub());
vi.mock("next-auth", async () => (await import("@/lib/authz/stubs")).nextAuthStub());
vi.mock("next/headers", async () => (await import("@/lib/authz/stubs")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("@/lib/authz/stubs")).nextCacheStub());

afterAll(async () => {
  await stopQueue();
  await closeListener();
  await db.$disconnect();
});

beforeEach(() => {
  resetStubs();
});

// ---------- the world each row starts from ----------

interface World {
  team: Team;
  slug: string;
  owner: Viewer;
  editor: Viewer;
}

async function makeWorld(): Promise<World> {
  const team = await makeTeam();
  const editor = await makeUser("editor");
  await addMember(team, editor, "EDITOR");
  return { team, slug: team.workspace.slug, owner: team.members.OWNER, editor };
}

const image = async (w: World) => {
  const g = await makeGeneration(w.team.workspace.id, w.owner.id);
  return { generationId: g.id, imageId: g.images[0]!.id, assetId: g.images[0]!.assetId };
};
const collection = (w: World) =>
  db.collection.create({ data: { workspaceId: w.team.workspace.id, createdById: w.owner.id, name: "Board" }, select: { id: true } });
const shareLink = async (w: World) =>
  db.shareLink.create({
    data: {
      token: randomBytes(24).toString("base64url"),
      workspaceId: w.team.workspace.id,
      createdById: w.owner.id,
      target: "GENERATION",
      generationId: (await image(w)).generationId,
    },
    select: { id: true, token: true },
  });

const invitation = async (w: World) => {
  const created = await createInvitation(w.owner, w.team.as("OWNER"), { role: "VIEWER", expiresInDays: 7, multiUse: false });
  if (!created.ok) throw new Error(created.message);
  return created.value;
};

const apiKey = async (w: World) => {
  const made = await createApiKey(w.owner, w.team.as("OWNER"), { name: "fuzz", role: "OWNER" });
  if (!made.ok) throw new Error(made.message);
  return { id: made.value.id, headers: { authorization: `Bearer ${made.value.token}` } };
};

// ---------- the malformed values ----------

const HUGE = "x".repeat(200_000);
/** Values that are wrong for any field: types, sizes, control characters, ids that are not ids. */
const BAD_VALUES: unknown[] = [
  undefined,
  null,
  42,
  -1,
  1e308,
  true,
  [],
  ["a", "b"],
  {},
  { nested: { deep: "x" } },
  "",
  " ",
  HUGE,
  "a\u0000b",
  "\u0000",
  "\uD800",
  "\u001b[31m",
  "%00",
  "%E0%A4%A",
  "../../etc/passwd",
  "' OR '1'='1",
  "0".repeat(65),
  "🐈".repeat(3000),
];

// ---------- actions: one row per file, a well-formed input to start from ----------

type ActionRow = (w: World) => Promise<Record<string, unknown>>;

const actionRows: Record<string, ActionRow> = {
  "sign-in": async (w) => ({ email: w.owner.email, password: "not checked: Auth.js is stubbed", callbackUrl: "/w" }),
  "sign-up": async () => ({ name: "New", email: `fuzz-${randomUUID()}@example.test`, password: "a long enough passphrase", callbackUrl: "/w" }),
  "sign-out": async () => ({}),
  "set-locale": async () => ({ locale: "zh-CN" }),
  "sign-in-with-provider": async () => ({ provider: "github", callbackUrl: "/w" }),
  "create-generation": async (w) => ({
    workspace: w.slug,
    prompt: "fuzz",
    size: "1024x1024",
    n: 1,
    model: "gpt-image-2-all",
    references: [{ assetId: (await makeAsset(w.team.workspace.id, w.owner.id)).id, label: "a" }],
    idempotencyKey: randomUUID(),
    parentId: (await image(w)).generationId,
  }),
  "retry-generation": async (w) => ({ workspace: w.slug, generationId: (await makeGeneration(w.team.workspace.id, w.owner.id, "f", "FAILED")).id }),
  "reuse-image": async (w) => ({ workspace: w.slug, imageId: (await image(w)).imageId }),
  "cancel-generation": async (w) => ({ workspace: w.slug, generationId: (await makeQueuedGeneration(w.team.workspace.id, w.owner.id)).id }),
  "favorite-image": async (w) => ({ workspace: w.slug, imageId: (await image(w)).imageId, favorite: true }),
  "delete-generation": async (w) => ({ workspace: w.slug, generationId: (await image(w)).generationId }),
  "delete-image": async (w) => ({ workspace: w.slug, imageId: (await image(w)).imageId }),
  "delete-images": async (w) => ({ workspace: w.slug, imageIds: [(await image(w)).imageId] }),
  "create-collection": async (w) => ({ workspace: w.slug, name: "Picks", imageIds: [(await image(w)).imageId] }),
  "rename-collection": async (w) => ({ workspace: w.slug, collectionId: (await collection(w)).id, name: "Renamed" }),
  "delete-collection": async (w) => ({ workspace: w.slug, collectionId: (await collection(w)).id }),
  "add-to-collection": async (w) => ({ workspace: w.slug, collectionId: (await collection(w)).id, imageIds: [(await image(w)).imageId] }),
  "remove-from-collection": async (w) => ({ workspace: w.slug, collectionId: (await collection(w)).id, imageIds: [(await image(w)).imageId] }),
  "create-share-link": async (w) => ({
    workspace: w.slug,
    target: "GENERATION",
    generationId: (await image(w)).generationId,
    showReferences: "on",
    password: "a share password",
    expiresIn: "7",
  }),
  "revoke-share-link": async (w) => ({ workspace: w.slug, linkId: (await shareLink(w)).id }),
  "unlock-share-link": async (w) => ({ token: (await shareLink(w)).token, password: "anything at all" }),
  "remix-shared": async (w) => ({ token: (await shareLink(w)).token, generationId: (await image(w)).generationId }),
  "create-workspace": async () => ({ name: "Brand team", slug: `brand-${randomBytes(4).toString("hex")}` }),
  "rename-workspace": async (w) => ({ workspace: w.slug, name: "Renamed" }),
  "delete-workspace": async (w) => ({ workspace: w.slug, confirm: `${w.slug}-not-quite` }),
  "transfer-ownership": async (w) => ({ workspace: w.slug, userId: w.editor.id }),
  "invite-member": async (w) => ({ workspace: w.slug, role: "VIEWER", email: "invitee@example.test", expiresInDays: "7", multiUse: "on" }),
  "revoke-invitation": async (w) => ({ workspace: w.slug, invitationId: (await invitation(w)).id }),
  "accept-invitation": async (w) => ({ token: (await invitation(w)).token }),
  "remove-member": async (w) => ({ workspace: w.slug, userId: w.editor.id }),
  "change-role": async (w) => ({ workspace: w.slug, userId: w.editor.id, role: "VIEWER" }),
  "leave-workspace": async (w) => ({ workspace: w.slug }),
  "set-daily-quota": async (w) => ({ workspace: w.slug, dailyQuota: "5" }),
  "set-member-cap": async (w) => ({ workspace: w.slug, userId: w.editor.id, dailyCap: "3" }),
  "create-api-key": async (w) => ({ workspace: w.slug, name: "CI script", role: "EDITOR" }),
  "revoke-api-key": async (w) => ({ workspace: w.slug, keyId: (await apiKey(w)).id }),
  "suspend-user": async (w) => ({ email: w.editor.email, suspended: "true" }),
  "suspend-workspace": async (w) => ({ workspaceId: w.team.workspace.id, suspended: "true" }),
  "pin-reference": async (w) => ({ workspace: w.slug, assetId: (await makeAsset(w.team.workspace.id, w.owner.id)).id, name: "Logo" }),
  "unpin-reference": async (w) => ({ workspace: w.slug, assetId: (await makeAsset(w.team.workspace.id, w.owner.id)).id }),
  "add-comment": async (w) => ({ workspace: w.slug, generationId: (await image(w)).generationId, body: "Nice" }),
  "set-review": async (w) => ({ workspace: w.slug, generationId: (await image(w)).generationId, status: "APPROVED" }),
};

/** Every malformed variant of a well-formed input: each field in turn, then the whole input. */
function* actionVariants(keys: string[]): Generator<[string, (valid: Record<string, unknown>) => Record<string, unknown>]> {
  for (const key of keys) {
    for (const [i, bad] of BAD_VALUES.entries()) yield [`${key} = bad[${i}]`, (valid) => ({ ...valid, [key]: bad })];
  }
  yield ["an unexpected field", (valid) => ({ ...valid, $where: { OR: [] }, role: "OWNER", userId: "someone-else" })];
  yield ["nothing at all", () => ({})];
}

/** What a malformed input got back, or why it counts as a crash. */
async function callAction(fn: ActionFn, input: Record<string, unknown>): Promise<string | null> {
  let result: { ok: boolean; problem?: { code: string } } | undefined;
  try {
    result = await fn(undefined, input);
  } catch (e) {
    if (typeof e === "object" && e !== null && "digest" in e && String(e.digest).startsWith("NEXT_REDIRECT")) return null;
    return `threw ${e instanceof Error ? e.message.slice(0, 120) : String(e)}`;
  }
  if (!result || result.ok) return null;
  if (!result.problem?.code) return "refused without a code";
  return result.problem.code === "unexpected" ? "crashed: unexpected" : null;
}

// ---------- routes: one row per route and method ----------

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
interface RouteRow {
  path: string;
  params: Record<string, string>;
  query?: Record<string, string>;
  /** Sent with every variant (an API key, a content type); a bad-headers variant may override one. */
  headers?: Record<string, string>;
  body?: () => Promise<BodyInit>;
}
/** Auth.js's own handlers: the library's, tested by its authors and, for sign-in, by e2e/sign-in-limit.spec.ts. */
const AUTHJS = "Auth.js";

const upload = async () => {
  const form = new FormData();
  form.append("file", new File([new Uint8Array(await png())], "ref.png", { type: "image/png" }));
  return form;
};

const routeRows: Record<string, Partial<Record<Method, ((w: World) => Promise<RouteRow>) | typeof AUTHJS>>> = {
  "auth/[...nextauth]": { GET: AUTHJS, POST: AUTHJS },
  "files/[assetId]": {
    GET: async (w) => {
      const { assetId } = await image(w);
      await storeAssetFile(assetId);
      return { path: `/api/files/${assetId}`, params: { assetId }, query: { download: "1" } };
    },
  },
  "s/[token]/files/[assetId]": {
    GET: async (w) => {
      const { token } = await shareLink(w);
      const { assetId } = await image(w);
      return { path: `/api/s/${token}/files/${assetId}`, params: { token, assetId } };
    },
  },
  events: { GET: async () => ({ path: "/api/events", params: {} }) },
  "me/gallery": { GET: async () => ({ path: "/api/me/gallery", params: {}, query: { cursor: "1.abc", q: "cat", size: "1024x1024" } }) },
  health: { GET: async () => ({ path: "/api/health", params: {} }) },
  ready: { GET: async () => ({ path: "/api/ready", params: {} }) },
  metrics: { GET: async () => ({ path: "/api/metrics", params: {}, headers: { authorization: "Bearer fuzz" } }) },
  "v1/images/generations": {
    POST: async (w) => ({
      path: "/api/v1/images/generations",
      params: {},
      headers: { ...(await apiKey(w)).headers, "content-type": "application/json" },
      body: async () => JSON.stringify({ prompt: "through the API", n: 1, size: "1024x1024", response_format: "url" }),
    }),
  },
  "v1/images/generations/[id]": {
    GET: async (w) => ({
      path: `/api/v1/images/generations/${(await image(w)).generationId}`,
      params: { id: (await image(w)).generationId },
      query: { response_format: "url" },
      headers: (await apiKey(w)).headers,
    }),
  },
  "v1/files/[assetId]/[signature]": {
    GET: async (w) => {
      const { assetId } = await image(w);
      await storeAssetFile(assetId);
      const signature = signedFilePath(assetId).split("/").at(-1)!;
      return { path: signedFilePath(assetId), params: { assetId, signature } };
    },
  },
  "w/[workspace]/activity": { GET: async (w) => ({ path: `/api/w/${w.slug}/activity`, params: { workspace: w.slug }, query: { cursor: "1.abc" } }) },
  "w/[workspace]/gallery": {
    GET: async (w) => ({ path: `/api/w/${w.slug}/gallery`, params: { workspace: w.slug }, query: { after: "latest", cursor: "1.abc", q: "x", member: w.owner.id } }),
  },
  "w/[workspace]/generations": { GET: async (w) => ({ path: `/api/w/${w.slug}/generations`, params: { workspace: w.slug }, query: { ids: "a,b" } }) },
  "w/[workspace]/generations/[generationId]": {
    GET: async (w) => {
      const { generationId } = await image(w);
      return { path: `/api/w/${w.slug}/generations/${generationId}`, params: { workspace: w.slug, generationId } };
    },
  },
  "w/[workspace]/generations/[generationId]/discussion": {
    GET: async (w) => {
      const { generationId } = await image(w);
      return { path: `/api/w/${w.slug}/generations/${generationId}/discussion`, params: { workspace: w.slug, generationId } };
    },
  },
  "w/[workspace]/library": { GET: async (w) => ({ path: `/api/w/${w.slug}/library`, params: { workspace: w.slug } }) },
  "w/[workspace]/usage": { GET: async (w) => ({ path: `/api/w/${w.slug}/usage`, params: { workspace: w.slug } }) },
  "w/[workspace]/usage/export": { GET: async (w) => ({ path: `/api/w/${w.slug}/usage/export`, params: { workspace: w.slug } }) },
  "w/[workspace]/uploads": { POST: async (w) => ({ path: `/api/w/${w.slug}/uploads`, params: { workspace: w.slug }, body: upload }) },
  "w/[workspace]/zip": {
    GET: async (w) => {
      const { imageId, assetId } = await image(w);
      await storeAssetFile(assetId);
      return { path: `/api/w/${w.slug}/zip`, params: { workspace: w.slug }, query: { ids: imageId } };
    },
  },
};

const BAD_PATH_VALUES = ["\u0000", "a\u0000b", "%00", "%E0%A4%A", "../../etc", " ", HUGE.slice(0, 10_000), "🐈", "\uD800", "'"];
const BAD_QUERY_VALUES = ["\u0000", "%E0%A4%A", HUGE.slice(0, 50_000), "-1", "1e999", "\uD800", "[]", "a,,,,b", ","];
/** Header values a client can send (a header cannot hold NUL, CR or LF, so fetch refuses those itself). */
const BAD_HEADERS: Record<string, string>[] = [
  { "x-file-name": "%E0%A4%A" },
  { "x-file-name": "a%00b.png" },
  { "x-file-name": "%" + "41".repeat(4000) },
  { "content-length": "abc" },
  { "content-length": "-1" },
  { "content-length": "1e99" },
  { "if-none-match": '"' + "ÿ".repeat(3000) + '"' },
  { range: "bytes=9999999999-0" },
  { cookie: "share_file_proof=%E0%A4%A; share_proof=\u00ff; authjs.session-token=garbage" },
  { authorization: "Bearer %E0%A4%A" },
  { accept: "*/*;q=abc" },
  { "x-forwarded-for": "not an address, ::::" },
  { origin: "null" },
  { "sec-fetch-site": "cross-site" },
];

interface Sent {
  label: string;
  url: URL;
  params: Record<string, string>;
  headers?: Record<string, string>;
  body?: "valid" | "garbage" | "none" | "json";
  /** For "json": a value put in each field of the row's JSON body in turn (a JSON body only). */
  json?: unknown;
}

function* routeVariants(row: RouteRow): Generator<Sent> {
  const url = (query: Record<string, string> = row.query ?? {}, path = row.path) => {
    const u = new URL(path, "http://localhost");
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    return u;
  };
  for (const name of Object.keys(row.params)) {
    for (const [i, bad] of BAD_PATH_VALUES.entries()) {
      yield { label: `param ${name} = bad[${i}]`, url: url(), params: { ...row.params, [name]: bad } };
    }
  }
  for (const key of [...Object.keys(row.query ?? {}), "cursor", "page"]) {
    for (const [i, bad] of BAD_QUERY_VALUES.entries()) {
      yield { label: `query ${key} = bad[${i}]`, url: url({ ...row.query, [key]: bad }), params: row.params };
    }
  }
  const raw = new URL(row.path, "http://localhost");
  raw.search = "?cursor=%E0%A4%A&ids=%ZZ&q=%00";
  yield { label: "undecodable query", url: raw, params: row.params };
  for (const [i, headers] of BAD_HEADERS.entries()) yield { label: `headers bad[${i}]`, url: url(), params: row.params, headers };
  if (row.body) {
    for (const [i, bad] of BAD_VALUES.entries()) {
      yield { label: `JSON body field bad[${i}]`, url: url(), params: row.params, body: "json", json: bad };
    }
  }
  if (row.body) {
    yield { label: "garbage body", url: url(), params: row.params, body: "garbage" };
    yield { label: "no body", url: url(), params: row.params, body: "none" };
    for (const [i, headers] of BAD_HEADERS.entries()) yield { label: `body + headers bad[${i}]`, url: url(), params: row.params, headers, body: "valid" };
  }
}

async function send(method: Method, handler: RouteFn, row: RouteRow, sent: Sent): Promise<string | null> {
  const headers = { ...row.headers, ...sent.headers };
  let body: BodyInit | undefined;
  if (sent.body === "garbage") {
    body = randomBytes(4096);
    headers["content-type"] ??= "multipart/form-data; boundary=nope";
  } else if (sent.body === "json") {
    body = await row.body?.();
    if (typeof body !== "string") return null;
    const valid = JSON.parse(body) as Record<string, unknown>;
    const failures: string[] = [];
    for (const key of Object.keys(valid)) {
      const request = await asSentByBrowser(sent.url, method, JSON.stringify({ ...valid, [key]: sent.json }), headers);
      const failure = await answer(handler, request, sent.params);
      if (failure) failures.push(`${key}: ${failure}`);
    }
    return failures.length ? failures.join("; ") : null;
  } else if (sent.body !== "none" && sent.body !== undefined) {
    body = await row.body?.();
  }
  return answer(handler, await asSentByBrowser(sent.url, method, body, headers), sent.params);
}

async function answer(handler: RouteFn, request: Parameters<RouteFn>[0], params: Record<string, string>): Promise<string | null> {
  let response: Response;
  try {
    response = await handler(request, { params: Promise.resolve(params) });
  } catch (e) {
    return `threw ${e instanceof Error ? e.message.slice(0, 120) : String(e)}`;
  }
  // A stream (the live events) stays open until its reader goes: read its status, then let go.
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) await response.body?.cancel();
  if (response.status >= 500) return `answered ${response.status}`;
  if (response.status >= 400) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: unknown } } | null;
    if (typeof body?.error?.message !== "string" || body.error.message === "") return `answered ${response.status} without a message`;
  }
  return null;
}

// ---------- the suite ----------

describe("fuzz table", () => {
  it("every action file has a row", () => {
    expect(Object.keys(actionRows).sort()).toEqual(actionFiles);
  });

  it("every route has a row, for every method it exports", async () => {
    expect(Object.keys(routeRows).sort()).toEqual(routes);
    for (const route of routes) {
      const exported = Object.keys(await importRoute(route)).filter((k) => ["GET", "POST", "PUT", "PATCH", "DELETE"].includes(k));
      expect(exported.sort(), route).toEqual(Object.keys(routeRows[route] ?? {}).sort());
    }
  });
});

describe("server actions under malformed input: a refusal with a message, never a crash", () => {
  for (const [file, valid] of Object.entries(actionRows)) {
    it(file, async () => {
      const fn = (await importAction(file))[exportName(file)] as ActionFn;
      // One world per action; each variant starts from a fresh valid input (new rows to act on), so
      // a variant that happens to succeed does not change what the next one meets.
      const w = await makeWorld();
      const failures: string[] = [];
      for (const [label, variant] of actionVariants(Object.keys(await valid(w)))) {
        const input = variant(await valid(w));
        asking.viewer = w.owner;
        const failure = await callAction(fn, input);
        asking.viewer = null;
        if (failure) failures.push(`${label}: ${failure}`);
      }
      expect(failures).toEqual([]);
    });
  }
});

describe("route handlers under malformed input: 4xx with a message, never a 5xx", () => {
  for (const [route, methods] of Object.entries(routeRows)) {
    for (const [method, build] of Object.entries(methods) as [Method, RouteRow | typeof AUTHJS][]) {
      if (build === AUTHJS) continue;
      it(`${method} /api/${route}`, async () => {
        const handler = (await importRoute(route))[method] as RouteFn;
        const w = await makeWorld();
        const row = await (build as unknown as (w: World) => Promise<RouteRow>)(w);
        const failures: string[] = [];
        for (const sent of routeVariants(row)) {
          asking.viewer = w.owner;
          const failure = await send(method, handler, row, sent);
          asking.viewer = null;
          if (failure) failures.push(`${sent.label}: ${failure}`);
        }
        expect(failures).toEqual([]);
      });
    }
  }
});

// ---------- the attacks of issue #8, one by one (each answered 201/500/an open redirect before) ----------

describe("reproduced attacks", () => {
  const uploadAs = async (w: World, headers: Record<string, string>, fileName = "ref.png") => {
    const form = new FormData();
    form.append("file", new File([new Uint8Array(await png())], fileName, { type: "image/png" }));
    const handler = (await importRoute("w/[workspace]/uploads")).POST as RouteFn;
    const request = await asSentByBrowser(new URL(`/api/w/${w.slug}/uploads`, "http://localhost:3000"), "POST", form, headers);
    asking.viewer = w.owner;
    const response = await handler(request, { params: Promise.resolve({ workspace: w.slug }) });
    asking.viewer = null;
    return { status: response.status, body: (await response.json()) as { error?: { message: string } } };
  };
  const storedReferences = (w: World) => db.asset.count({ where: { workspaceId: w.team.workspace.id, kind: "REFERENCE" } });

  it("an upload with a session cookie from another site's page is refused (403) and nothing is stored", async () => {
    const w = await makeWorld();
    const cross = await uploadAs(w, { origin: "https://evil.example" });
    expect(cross.status).toBe(403);
    expect(cross.body.error?.message).toMatch(/another site/);
    expect(await storedReferences(w)).toBe(0);
    expect((await uploadAs(w, { "sec-fetch-site": "cross-site" })).status).toBe(403);
    expect(await storedReferences(w)).toBe(0);
    // The app's own page still uploads.
    expect((await uploadAs(w, { origin: new URL(env.APP_URL).origin })).status).toBe(201);
    expect(await storedReferences(w)).toBe(1);
  });

  it("X-File-Name with bad percent-encoding is a 400 with a message, not a 500", async () => {
    const w = await makeWorld();
    const answer = await uploadAs(w, { "x-file-name": "%E0%A4%A" }, "");
    expect(answer.status).toBe(400);
    expect(answer.body.error?.message).toMatch(/X-File-Name/);
  });

  it("a file name holding U+0000 is a 400 with a message, not a 500", async () => {
    const w = await makeWorld();
    const answer = await uploadAs(w, {}, "ref\u0000.png");
    expect(answer.status).toBe(400);
    expect(answer.body.error?.message).toContain(CONTROL_CHARACTER_MESSAGE);
    expect(await storedReferences(w)).toBe(0);
  });

  it("a prompt holding U+0000 gets a field message, not 'something went wrong'", async () => {
    const w = await makeWorld();
    const fn = (await importAction("create-generation")).createGenerationAction as ActionFn;
    asking.viewer = w.owner;
    const result = (await fn(undefined, {
      workspace: w.slug,
      prompt: "a cat\u0000",
      size: "1024x1024",
      n: 1,
      idempotencyKey: randomUUID(),
    })) as { ok: boolean; fieldProblems?: Record<string, { code: string }[]> };
    asking.viewer = null;
    expect(result.ok).toBe(false);
    expect(result.fieldProblems?.prompt).toEqual([{ code: "field.controlCharacters" }]);
    expect(await db.generation.count({ where: { workspaceId: w.team.workspace.id } })).toBe(0);
  });

  it.each(["/\t/evil.example", "//evil.example", "/\\evil.example", "https://evil.example/", "javascript:alert(1)"])(
    "sign-in with callbackUrl %j lands on the app, not elsewhere",
    async (callbackUrl) => {
      const w = await makeWorld();
      const fn = (await importAction("sign-in")).signInAction as ActionFn;
      const digest = await fn(undefined, { email: w.owner.email, password: "stubbed", callbackUrl }).then(
        () => null,
        (e: unknown) => String((e as { digest?: unknown }).digest),
      );
      // NEXT_REDIRECT;<type>;<url>;<status>;
      expect(digest?.split(";")[2]).toBe("/w");
    },
  );
});
