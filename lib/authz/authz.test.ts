import { randomBytes, randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth";
import {
  addMember,
  makeAsset,
  makeGeneration,
  makeQueuedGeneration,
  makePersonalWorkspace,
  makeTeam,
  makeUser,
  storeAssetFile,
  type Team,
} from "@/lib/authz/fixtures";
import { asking, authHandlers, resetStubs, signInCalls } from "@/lib/authz/stubs";
import { actionFiles, asSentByBrowser, call, exportName, importAction, importRoute, routes, type ActionFn, type CallResult, type RouteFn } from "@/lib/authz/discovery";
import { createApiKey } from "@/lib/data/api-keys";
import { createInvitation } from "@/lib/data/invitations";
import { getDailyUsage } from "@/lib/data/quota";
import { signedFilePath } from "@/lib/data/signed-files";
import { db } from "@/lib/db";
import { png } from "@/lib/images/testing/fixtures";
import { stopQueue } from "@/lib/jobs/queue";
import { closeListener } from "@/lib/live/listener";

/**
 * The authorization suite: every server action in lib/actions and every route handler under
 * app/api, called as a signed-out visitor, a signed-in non-member and each role, one test per
 * cell of the table below, against the real database. Only *who is asking* is stubbed (the
 * session behind lib/auth), plus the two pieces of Next's request context that do not exist
 * outside a request: the cookie jar (empty) and path revalidation (a no-op).
 *
 * A new action file or route without a row here fails "every … has a row": decide who may call
 * it, write the row, and the cells test it.
 */

// The suite runs no worker: the images API answers 202 (an id to poll) at once instead of waiting.
vi.hoisted(() => {
  process.env.API_WAIT_MS = "0";
});
// The stubs are defined once, in lib/authz/stubs.ts (shared with the fuzz suite).
vi.mock("@/lib/auth", async () => (await import("@/lib/authz/stubs")).authStub());
vi.mock("next-auth", async () => (await import("@/lib/authz/stubs")).nextAuthStub());
vi.mock("next/headers", async () => (await import("@/lib/authz/stubs")).nextHeadersStub());
vi.mock("next/cache", async () => (await import("@/lib/authz/stubs")).nextCacheStub());

afterAll(async () => {
  await stopQueue();
  await closeListener();
  await db.$disconnect();
});

// ---------- who asks ----------

const CALLERS = ["signed out", "non-member", "VIEWER", "EDITOR", "ADMIN", "OWNER"] as const;
type Caller = (typeof CALLERS)[number];

/** A fresh team per cell (actions change things): one member per role, plus an outsider. */
interface World {
  team: Team;
  slug: string;
  /** Another editor: "someone else's" generation, upload or link belongs to them. */
  author: Viewer;
  /** A second admin, for "touch an admin" cases. */
  peerAdmin: Viewer;
  caller: Caller;
  /** Who is asking, or null when signed out. */
  viewer: Viewer | null;
  /** The caller's own user id when they could own things here; the author's otherwise. */
  selfOrAuthor: string;
}

async function makeWorld(caller: Caller): Promise<World> {
  const team = await makeTeam();
  const [author, peerAdmin] = await Promise.all([makeUser("author"), makeUser("peer")]);
  await Promise.all([addMember(team, author, "EDITOR"), addMember(team, peerAdmin, "ADMIN")]);
  const viewer = caller === "signed out" ? null : caller === "non-member" ? team.outsider : team.members[caller];
  const member = caller !== "signed out" && caller !== "non-member";
  return { team, slug: team.workspace.slug, author, peerAdmin, caller, viewer, selfOrAuthor: member && viewer ? viewer.id : author.id };
}

// ---------- the table ----------

type Allowed = "ok" | "no";

/** One row of the table, in CALLERS order: signed out, non-member, viewer, editor, admin, owner. */
function row(cells: string): Record<Caller, Allowed> {
  const parts = cells.trim().split(/\s+/);
  if (parts.length !== CALLERS.length || parts.some((p) => p !== "ok" && p !== "no")) throw new Error(`bad row: ${cells}`);
  return Object.fromEntries(CALLERS.map((c, i) => [c, parts[i]])) as Record<Caller, Allowed>;
}

interface ActionCase {
  /** Which variant of the action, when one action has several rules (own vs someone else's). */
  scenario?: string;
  expect: Record<Caller, Allowed>;
  input: (w: World) => Promise<Record<string, unknown>>;
  /** What must (or must not) have changed, given whether the call was allowed (and where it sent the caller). */
  check?: (w: World, allowed: boolean, input: Record<string, unknown>, result: CallResult) => Promise<void>;
}

const roleOf = async (w: World, userId: string) =>
  (await db.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId: w.team.workspace.id } }, select: { role: true } }))
    ?.role ?? null;

const capOf = async (w: World, userId: string) =>
  (await db.membership.findUniqueOrThrow({ where: { userId_workspaceId: { userId, workspaceId: w.team.workspace.id } } })).dailyCap;

const apiKeyOf = async (w: World, userId: string) =>
  (await db.apiKey.create({ data: { workspaceId: w.team.workspace.id, userId, name: "k", role: "EDITOR", tokenHash: randomUUID(), prefix: "atl_x" } }))
    .id;

const keyRevoked = async (id: unknown) => (await db.apiKey.findUniqueOrThrow({ where: { id: String(id) } })).revokedAt !== null;

/** What a script sends: a key of the caller's own role in this workspace; a made-up one for a non-member. */
async function bearer(w: World): Promise<Record<string, string>> {
  if (w.caller === "signed out") return {};
  if (w.caller === "non-member") return { authorization: `Bearer atl_${randomBytes(32).toString("base64url")}` };
  const made = await createApiKey(w.viewer!, w.team.as(w.caller), { name: "authz", role: w.caller });
  if (!made.ok) throw new Error(made.message);
  return { authorization: `Bearer ${made.value.token}` };
}

const image = async (w: World, userId: string) => {
  const g = await makeGeneration(w.team.workspace.id, userId);
  return { generationId: g.id, imageId: g.images[0]!.id, assetId: g.images[0]!.assetId };
};

const collection = (w: World) =>
  db.collection.create({ data: { workspaceId: w.team.workspace.id, createdById: w.author.id, name: "Moodboard" }, select: { id: true } });

const shareToken = () => randomBytes(24).toString("base64url");

const shareLink = (w: World, createdById: string, generationId: string) =>
  db.shareLink.create({
    data: { token: shareToken(), workspaceId: w.team.workspace.id, createdById, target: "GENERATION", generationId },
    select: { id: true, token: true },
  });

const generationGone = async (id: unknown, allowed: boolean) =>
  expect(await db.generation.count({ where: { id: String(id) } })).toBe(allowed ? 0 : 1);

const imageGone = async (ids: unknown[], allowed: boolean) =>
  expect(await db.generationImage.count({ where: { id: { in: ids.map(String) } } })).toBe(allowed ? 0 : ids.length);

const actionCases: Record<string, ActionCase[]> = {
  // ----- accounts (public by design) -----
  "sign-in": [
    {
      expect: row("ok ok ok ok ok ok"),
      input: async (w) => ({ email: w.author.email, password: "not checked: Auth.js is stubbed here" }),
    },
  ],
  "sign-up": [
    {
      expect: row("ok ok ok ok ok ok"),
      input: async () => ({ name: "New Person", email: `new-${randomUUID()}@example.test`, password: "a long enough passphrase" }),
      check: async (_w, allowed, input) => expect(await db.user.count({ where: { email: String(input.email) } })).toBe(allowed ? 1 : 0),
    },
  ],
  "sign-out": [{ expect: row("ok ok ok ok ok ok"), input: async () => ({}) }],
  // Anyone may choose a language; a signed-in caller's choice is stored on their account.
  "set-locale": [
    {
      expect: row("ok ok ok ok ok ok"),
      input: async () => ({ locale: "zh-CN" }),
      check: async (w) => {
        if (w.viewer) expect((await db.user.findUniqueOrThrow({ where: { id: w.viewer.id } })).locale).toBe("zh-CN");
      },
    },
  ],
  // Auth.js is stubbed: the effect (a redirect to the provider) is not observable here.
  "sign-in-with-provider": [
    {
      scenario: "back to a page of the app",
      expect: row("ok ok ok ok ok ok"),
      input: async () => ({ provider: "github", callbackUrl: "/w/new" }),
      check: async () => expect(signInCalls).toEqual([["github", { redirectTo: "/w/new" }]]),
    },
    {
      scenario: "a return path off the site",
      expect: row("ok ok ok ok ok ok"),
      input: async () => ({ provider: "github", callbackUrl: "https://evil.example/w" }),
      check: async () => expect(signInCalls).toEqual([["github", { redirectTo: "/w" }]]),
    },
  ],

  // ----- generations -----
  "create-generation": [
    {
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, prompt: "authz", size: "1024x1024", n: 1, references: [], idempotencyKey: randomUUID() }),
      check: async (w, allowed) => expect((await getDailyUsage(w.team.workspace)).used).toBe(allowed ? 1 : 0),
    },
  ],
  "retry-generation": [
    {
      scenario: "own failed generation",
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, generationId: (await makeGeneration(w.team.workspace.id, w.selfOrAuthor, "f", "FAILED")).id }),
      check: async (_w, allowed, input) =>
        expect((await db.generation.findUniqueOrThrow({ where: { id: String(input.generationId) } })).status).toBe(allowed ? "QUEUED" : "FAILED"),
    },
  ],
  "cancel-generation": [
    {
      scenario: "own queued generation",
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, generationId: (await makeQueuedGeneration(w.team.workspace.id, w.selfOrAuthor)).id }),
      check: async (_w, allowed, input) =>
        expect(await db.generation.findUniqueOrThrow({ where: { id: String(input.generationId) } })).toMatchObject(
          allowed ? { status: "FAILED", errorCode: "cancelled" } : { status: "QUEUED", cancelledAt: null },
        ),
    },
  ],

  // ----- gallery -----
  "reuse-image": [
    {
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, imageId: (await image(w, w.author.id)).imageId }),
      check: async (w, allowed) =>
        expect(await db.asset.count({ where: { workspaceId: w.team.workspace.id, kind: "REFERENCE" } })).toBe(allowed ? 1 : 0),
    },
  ],
  "favorite-image": [
    {
      expect: row("no no ok ok ok ok"),
      input: async (w) => ({ workspace: w.slug, imageId: (await image(w, w.author.id)).imageId, favorite: true }),
      check: async (w, allowed, input) =>
        expect(await db.favorite.count({ where: { generationImageId: String(input.imageId) } })).toBe(allowed ? 1 : 0),
    },
  ],
  "delete-generation": [
    {
      scenario: "own",
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, generationId: (await image(w, w.selfOrAuthor)).generationId }),
      check: async (_w, allowed, input) => generationGone(input.generationId, allowed),
    },
    {
      scenario: "another member's",
      expect: row("no no no no ok ok"),
      input: async (w) => ({ workspace: w.slug, generationId: (await image(w, w.author.id)).generationId }),
      check: async (_w, allowed, input) => generationGone(input.generationId, allowed),
    },
  ],
  "delete-image": [
    {
      scenario: "own",
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, imageId: (await image(w, w.selfOrAuthor)).imageId }),
      check: async (_w, allowed, input) => imageGone([input.imageId], allowed),
    },
    {
      scenario: "another member's",
      expect: row("no no no no ok ok"),
      input: async (w) => ({ workspace: w.slug, imageId: (await image(w, w.author.id)).imageId }),
      check: async (_w, allowed, input) => imageGone([input.imageId], allowed),
    },
  ],
  "delete-images": [
    {
      scenario: "own",
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, imageIds: [(await image(w, w.selfOrAuthor)).imageId, (await image(w, w.selfOrAuthor)).imageId] }),
      check: async (_w, allowed, input) => imageGone(input.imageIds as unknown[], allowed),
    },
    {
      scenario: "another member's",
      expect: row("no no no no ok ok"),
      input: async (w) => ({ workspace: w.slug, imageIds: [(await image(w, w.author.id)).imageId] }),
      check: async (_w, allowed, input) => imageGone(input.imageIds as unknown[], allowed),
    },
  ],
  "create-collection": [
    {
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, name: "Picks", imageIds: [(await image(w, w.author.id)).imageId] }),
      check: async (w, allowed) => expect(await db.collection.count({ where: { workspaceId: w.team.workspace.id } })).toBe(allowed ? 1 : 0),
    },
  ],
  "rename-collection": [
    {
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, collectionId: (await collection(w)).id, name: "Renamed" }),
      check: async (_w, allowed, input) =>
        expect((await db.collection.findUniqueOrThrow({ where: { id: String(input.collectionId) } })).name).toBe(allowed ? "Renamed" : "Moodboard"),
    },
  ],
  "delete-collection": [
    {
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, collectionId: (await collection(w)).id }),
      check: async (_w, allowed, input) => expect(await db.collection.count({ where: { id: String(input.collectionId) } })).toBe(allowed ? 0 : 1),
    },
  ],
  "add-to-collection": [
    {
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, collectionId: (await collection(w)).id, imageIds: [(await image(w, w.author.id)).imageId] }),
      check: async (_w, allowed, input) =>
        expect(await db.collectionItem.count({ where: { collectionId: String(input.collectionId) } })).toBe(allowed ? 1 : 0),
    },
  ],
  "remove-from-collection": [
    {
      expect: row("no no no ok ok ok"),
      input: async (w) => {
        const { id } = await collection(w);
        const { imageId } = await image(w, w.author.id);
        await db.collectionItem.create({ data: { collectionId: id, generationImageId: imageId } });
        return { workspace: w.slug, collectionId: id, imageIds: [imageId] };
      },
      check: async (_w, allowed, input) =>
        expect(await db.collectionItem.count({ where: { collectionId: String(input.collectionId) } })).toBe(allowed ? 0 : 1),
    },
  ],

  // ----- sharing -----
  // Instance administration: nobody in the table is in ADMIN_EMAILS (lib/data/admin.test.ts covers an administrator).
  "suspend-user": [
    {
      expect: row("no no no no no no"),
      input: async (w) => ({ email: w.author.email, suspended: "true" }),
      check: async (w) => expect((await db.user.findUniqueOrThrow({ where: { id: w.author.id } })).suspendedAt).toBeNull(),
    },
  ],
  "suspend-workspace": [
    {
      expect: row("no no no no no no"),
      input: async (w) => ({ workspaceId: w.team.workspace.id, suspended: "true" }),
      check: async (w) => expect((await db.workspace.findUniqueOrThrow({ where: { id: w.team.workspace.id } })).suspendedAt).toBeNull(),
    },
  ],
  "create-api-key": [
    {
      scenario: "acting as the maker's own role",
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, name: "nightly", role: w.caller === "OWNER" || w.caller === "ADMIN" ? w.caller : "EDITOR" }),
      check: async (w, allowed) => expect(await db.apiKey.count({ where: { workspaceId: w.team.workspace.id } })).toBe(allowed ? 1 : 0),
    },
    {
      scenario: "with more power than the maker",
      expect: row("no no no no no ok"),
      input: async (w) => ({ workspace: w.slug, name: "too strong", role: "OWNER" }),
      check: async (w, allowed) => expect(await db.apiKey.count({ where: { workspaceId: w.team.workspace.id } })).toBe(allowed ? 1 : 0),
    },
  ],
  "revoke-api-key": [
    {
      scenario: "own key",
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, keyId: await apiKeyOf(w, w.selfOrAuthor) }),
      check: async (_w, allowed, input) => expect(await keyRevoked(input.keyId)).toBe(allowed),
    },
    {
      scenario: "another member's key",
      expect: row("no no no no ok ok"),
      input: async (w) => ({ workspace: w.slug, keyId: await apiKeyOf(w, w.author.id) }),
      check: async (_w, allowed, input) => expect(await keyRevoked(input.keyId)).toBe(allowed),
    },
  ],
  "create-share-link": [
    {
      scenario: "own generation",
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, target: "GENERATION", generationId: (await image(w, w.selfOrAuthor)).generationId }),
      check: async (w, allowed) => expect(await db.shareLink.count({ where: { workspaceId: w.team.workspace.id } })).toBe(allowed ? 1 : 0),
    },
    {
      scenario: "another member's generation",
      expect: row("no no no no ok ok"),
      input: async (w) => ({ workspace: w.slug, target: "GENERATION", generationId: (await image(w, w.author.id)).generationId }),
      check: async (w, allowed) => expect(await db.shareLink.count({ where: { workspaceId: w.team.workspace.id } })).toBe(allowed ? 1 : 0),
    },
    {
      scenario: "the whole gallery",
      expect: row("no no no no ok ok"),
      input: async (w) => ({ workspace: w.slug, target: "WORKSPACE" }),
      check: async (w, allowed) =>
        expect(await db.shareLink.count({ where: { workspaceId: w.team.workspace.id, target: "WORKSPACE" } })).toBe(allowed ? 1 : 0),
    },
  ],
  "revoke-share-link": [
    {
      scenario: "own link",
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, linkId: (await shareLink(w, w.selfOrAuthor, (await image(w, w.selfOrAuthor)).generationId)).id }),
      check: async (_w, allowed, input) =>
        expect((await db.shareLink.findUniqueOrThrow({ where: { id: String(input.linkId) } })).revokedAt !== null).toBe(allowed),
    },
    {
      scenario: "another member's link",
      expect: row("no no no no ok ok"),
      input: async (w) => ({ workspace: w.slug, linkId: (await shareLink(w, w.author.id, (await image(w, w.author.id)).generationId)).id }),
      check: async (_w, allowed, input) =>
        expect((await db.shareLink.findUniqueOrThrow({ where: { id: String(input.linkId) } })).revokedAt !== null).toBe(allowed),
    },
  ],
  "unlock-share-link": [
    {
      scenario: "a live link (public: the token is the key)",
      expect: row("ok ok ok ok ok ok"),
      input: async (w) => ({ token: (await shareLink(w, w.author.id, (await image(w, w.author.id)).generationId)).token, password: "anything" }),
      // Every caller's attempt counts against the link's password limit.
      check: async (_w, _allowed, input) =>
        expect((await db.rateLimit.findUnique({ where: { key: `share-unlock:${String(input.token)}` } }))?.count).toBe(1),
    },
  ],
  "remix-shared": [
    {
      scenario: "into one's own personal studio, references shown",
      expect: row("no ok ok ok ok ok"),
      input: async (w) => {
        if (w.viewer) await makePersonalWorkspace(w.viewer.id);
        const { generationId } = await image(w, w.author.id);
        const reference = await makeAsset(w.team.workspace.id, w.author.id, "REFERENCE");
        await db.generationReference.create({ data: { generationId, assetId: reference.id, position: 0 } });
        const link = await shareLink(w, w.author.id, generationId);
        await db.shareLink.update({ where: { id: link.id }, data: { showReferences: true } });
        return { token: link.token };
      },
      // Allowed: one REFERENCE row in the caller's personal studio (same stored file), and the
      // Create page there, prefilled with it. Refused: no row anywhere, no redirect.
      check: async (w, allowed, _input, result) => {
        const shown = await db.generationReference.findFirstOrThrow({
          where: { generation: { workspaceId: w.team.workspace.id } },
          select: { asset: { select: { storageKey: true } } },
        });
        const copies = await db.asset.findMany({
          where: { storageKey: shown.asset.storageKey, workspaceId: { not: w.team.workspace.id } },
          select: { id: true, userId: true, kind: true, workspace: { select: { slug: true, personal: true } } },
        });
        if (!allowed) {
          expect(copies).toEqual([]);
          expect(result.redirect).toBeUndefined();
          return;
        }
        expect(copies).toEqual([{ id: expect.any(String), userId: w.viewer!.id, kind: "REFERENCE", workspace: { slug: expect.any(String), personal: true } }]);
        const target = new URL(result.redirect!, "http://localhost");
        expect(target.pathname).toBe(`/w/${copies[0]!.workspace.slug}/create`);
        expect(target.searchParams.get("refs")).toBe(copies[0]!.id);
        expect(target.searchParams.get("prompt")).toBe("a test generation");
      },
    },
  ],

  // ----- team workspaces -----
  "create-workspace": [
    {
      expect: row("no ok ok ok ok ok"),
      input: async () => ({ name: "Brand team", slug: `brand-${randomBytes(4).toString("hex")}` }),
      check: async (_w, allowed, input) => expect(await db.workspace.count({ where: { slug: String(input.slug) } })).toBe(allowed ? 1 : 0),
    },
  ],
  "rename-workspace": [
    {
      expect: row("no no no no no ok"),
      input: async (w) => ({ workspace: w.slug, name: "Renamed" }),
      check: async (w, allowed) =>
        expect((await db.workspace.findUniqueOrThrow({ where: { id: w.team.workspace.id } })).name).toBe(allowed ? "Renamed" : "Test team"),
    },
  ],
  "delete-workspace": [
    {
      expect: row("no no no no no ok"),
      input: async (w) => ({ workspace: w.slug, confirm: w.slug }),
      check: async (w, allowed) => expect(await db.workspace.count({ where: { id: w.team.workspace.id } })).toBe(allowed ? 0 : 1),
    },
  ],
  "transfer-ownership": [
    {
      expect: row("no no no no no ok"),
      input: async (w) => ({ workspace: w.slug, userId: w.author.id }),
      check: async (w, allowed) => expect(await roleOf(w, w.author.id)).toBe(allowed ? "OWNER" : "EDITOR"),
    },
  ],
  "invite-member": [
    {
      scenario: "as editor or viewer",
      expect: row("no no no no ok ok"),
      input: async (w) => ({ workspace: w.slug, role: "VIEWER", expiresInDays: "7" }),
      check: async (w, allowed) => expect(await db.invitation.count({ where: { workspaceId: w.team.workspace.id } })).toBe(allowed ? 1 : 0),
    },
    {
      scenario: "as admin",
      expect: row("no no no no no ok"),
      input: async (w) => ({ workspace: w.slug, role: "ADMIN", expiresInDays: "7" }),
      check: async (w, allowed) => expect(await db.invitation.count({ where: { workspaceId: w.team.workspace.id } })).toBe(allowed ? 1 : 0),
    },
  ],
  "revoke-invitation": [
    {
      expect: row("no no no no ok ok"),
      input: async (w) => {
        const created = await createInvitation(w.team.members.OWNER, w.team.as("OWNER"), { role: "EDITOR", expiresInDays: 7, multiUse: false });
        if (!created.ok) throw new Error(created.message);
        return { workspace: w.slug, invitationId: created.value.id };
      },
      check: async (_w, allowed, input) =>
        expect((await db.invitation.findUniqueOrThrow({ where: { id: String(input.invitationId) } })).revokedAt !== null).toBe(allowed),
    },
  ],
  "accept-invitation": [
    {
      scenario: "a viewer link (members keep their role)",
      expect: row("no ok ok ok ok ok"),
      input: async (w) => {
        const created = await createInvitation(w.team.members.OWNER, w.team.as("OWNER"), { role: "VIEWER", expiresInDays: 7, multiUse: false });
        if (!created.ok) throw new Error(created.message);
        return { token: created.value.token };
      },
      check: async (w, allowed) => {
        if (w.caller === "non-member") expect(await roleOf(w, w.team.outsider.id)).toBe(allowed ? "VIEWER" : null);
        if (w.caller === "EDITOR") expect(await roleOf(w, w.team.members.EDITOR.id)).toBe("EDITOR");
      },
    },
  ],
  "remove-member": [
    {
      scenario: "an editor",
      expect: row("no no no no ok ok"),
      input: async (w) => ({ workspace: w.slug, userId: w.author.id }),
      check: async (w, allowed) => expect(await roleOf(w, w.author.id)).toBe(allowed ? null : "EDITOR"),
    },
    {
      scenario: "an admin",
      expect: row("no no no no no ok"),
      input: async (w) => ({ workspace: w.slug, userId: w.peerAdmin.id }),
      check: async (w, allowed) => expect(await roleOf(w, w.peerAdmin.id)).toBe(allowed ? null : "ADMIN"),
    },
  ],
  "change-role": [
    {
      scenario: "editor to viewer",
      expect: row("no no no no ok ok"),
      input: async (w) => ({ workspace: w.slug, userId: w.author.id, role: "VIEWER" }),
      check: async (w, allowed) => expect(await roleOf(w, w.author.id)).toBe(allowed ? "VIEWER" : "EDITOR"),
    },
    {
      scenario: "editor to admin",
      expect: row("no no no no no ok"),
      input: async (w) => ({ workspace: w.slug, userId: w.author.id, role: "ADMIN" }),
      check: async (w, allowed) => expect(await roleOf(w, w.author.id)).toBe(allowed ? "ADMIN" : "EDITOR"),
    },
    {
      scenario: "admin to editor",
      expect: row("no no no no no ok"),
      input: async (w) => ({ workspace: w.slug, userId: w.peerAdmin.id, role: "EDITOR" }),
      check: async (w, allowed) => expect(await roleOf(w, w.peerAdmin.id)).toBe(allowed ? "EDITOR" : "ADMIN"),
    },
  ],
  "leave-workspace": [
    {
      scenario: "the sole owner may not",
      expect: row("no no ok ok ok no"),
      input: async (w) => ({ workspace: w.slug }),
      check: async (w, allowed) => {
        if (w.viewer && w.caller !== "non-member") expect((await roleOf(w, w.viewer.id)) === null).toBe(allowed);
      },
    },
    {
      scenario: "with a co-owner",
      expect: row("no no ok ok ok ok"),
      input: async (w) => {
        await db.membership.update({
          where: { userId_workspaceId: { userId: w.peerAdmin.id, workspaceId: w.team.workspace.id } },
          data: { role: "OWNER" },
        });
        return { workspace: w.slug };
      },
      check: async (w, allowed) => {
        if (w.viewer && w.caller !== "non-member") expect((await roleOf(w, w.viewer.id)) === null).toBe(allowed);
      },
    },
  ],
  "set-daily-quota": [
    {
      expect: row("no no no no no ok"),
      input: async (w) => ({ workspace: w.slug, dailyQuota: "5" }),
      check: async (w, allowed) =>
        expect((await db.workspace.findUniqueOrThrow({ where: { id: w.team.workspace.id } })).dailyQuota).toBe(allowed ? 5 : null),
    },
  ],
  "set-member-cap": [
    {
      scenario: "an editor's cap",
      expect: row("no no no no ok ok"),
      input: async (w) => ({ workspace: w.slug, userId: w.author.id, dailyCap: "3" }),
      check: async (w, allowed) => expect(await capOf(w, w.author.id)).toBe(allowed ? 3 : null),
    },
    {
      scenario: "another admin's cap",
      expect: row("no no no no no ok"),
      input: async (w) => ({ workspace: w.slug, userId: w.peerAdmin.id, dailyCap: "3" }),
      check: async (w, allowed) => expect(await capOf(w, w.peerAdmin.id)).toBe(allowed ? 3 : null),
    },
  ],
  "pin-reference": [
    {
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, assetId: (await makeAsset(w.team.workspace.id, w.author.id)).id, name: "Logo" }),
      check: async (_w, allowed, input) =>
        expect((await db.asset.findUniqueOrThrow({ where: { id: String(input.assetId) } })).pinnedAt !== null).toBe(allowed),
    },
  ],
  "unpin-reference": [
    {
      expect: row("no no no ok ok ok"),
      input: async (w) => {
        const asset = await makeAsset(w.team.workspace.id, w.author.id);
        await db.asset.update({ where: { id: asset.id }, data: { pinnedAt: new Date() } });
        return { workspace: w.slug, assetId: asset.id };
      },
      check: async (_w, allowed, input) =>
        expect((await db.asset.findUniqueOrThrow({ where: { id: String(input.assetId) } })).pinnedAt === null).toBe(allowed),
    },
  ],
  "add-comment": [
    {
      expect: row("no no no ok ok ok"),
      input: async (w) => ({ workspace: w.slug, generationId: (await image(w, w.author.id)).generationId, body: "Nice" }),
      check: async (_w, allowed, input) =>
        expect(await db.comment.count({ where: { generationId: String(input.generationId) } })).toBe(allowed ? 1 : 0),
    },
  ],
  "set-review": [
    {
      expect: row("no no no no ok ok"),
      input: async (w) => ({ workspace: w.slug, generationId: (await image(w, w.author.id)).generationId, status: "APPROVED" }),
      check: async (_w, allowed, input) =>
        expect((await db.generation.findUniqueOrThrow({ where: { id: String(input.generationId) } })).reviewStatus).toBe(allowed ? "APPROVED" : null),
    },
  ],
};

// ---------- routes ----------

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
const METHODS: readonly Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

interface RouteCase {
  scenario?: string;
  /** Expected HTTP status per caller, in CALLERS order. */
  expect: Record<Caller, number>;
  request: (w: World) => Promise<{ path: string; params: Record<string, string>; body?: FormData | string; headers?: Record<string, string> }>;
  /** What an allowed (200) answer must hold, beyond its status. */
  check?: (w: World, response: Response) => Promise<void>;
}

const streamReaders = new WeakMap<Response, { reader: ReadableStreamDefaultReader<string>; text: string }>();

/** Everything an event stream has sent so far, read until `needle` has arrived. */
async function readStream(response: Response, needle: string): Promise<string> {
  let state = streamReaders.get(response);
  if (!state) streamReaders.set(response, (state = { reader: response.body!.pipeThrough(new TextDecoderStream()).getReader(), text: "" }));
  while (!state.text.includes(needle)) {
    const { value, done } = await state.reader.read();
    if (done) throw new Error(`the stream ended before ${needle}`);
    state.text += value;
  }
  return state.text;
}

function statuses(cells: string): Record<Caller, number> {
  const parts = cells.trim().split(/\s+/).map(Number);
  if (parts.length !== CALLERS.length || parts.some((p) => !Number.isInteger(p))) throw new Error(`bad row: ${cells}`);
  return Object.fromEntries(CALLERS.map((c, i) => [c, parts[i]])) as Record<Caller, number>;
}

const memberGet = (suffix: string): RouteCase => ({
  expect: statuses("401 404 200 200 200 200"),
  request: async (w) => ({ path: `/api/w/${w.slug}/${suffix}`, params: { workspace: w.slug } }),
});

/** Auth.js owns these: they are the library's own handlers, re-exported and nothing else. */
const AUTHJS = "Auth.js";

const routeCases: Record<string, Partial<Record<Method, RouteCase[] | typeof AUTHJS>>> = {
  "auth/[...nextauth]": { GET: AUTHJS, POST: AUTHJS },
  "files/[assetId]": {
    GET: [
      {
        scenario: "a file of the workspace",
        expect: statuses("401 404 200 200 200 200"),
        request: async (w) => {
          const { assetId } = await image(w, w.author.id);
          await storeAssetFile(assetId);
          return { path: `/api/files/${assetId}?download`, params: { assetId } };
        },
      },
    ],
  },
  "s/[token]/files/[assetId]": {
    GET: [
      {
        scenario: "a file of a live link (public: the token is the key)",
        expect: statuses("200 200 200 200 200 200"),
        request: async (w) => {
          const { generationId, assetId } = await image(w, w.author.id);
          await storeAssetFile(assetId);
          const { token } = await shareLink(w, w.author.id, generationId);
          return { path: `/api/s/${token}/files/${assetId}`, params: { token, assetId } };
        },
      },
      {
        scenario: "a file of a revoked link",
        expect: statuses("404 404 404 404 404 404"),
        request: async (w) => {
          const { generationId, assetId } = await image(w, w.author.id);
          await storeAssetFile(assetId);
          const link = await shareLink(w, w.author.id, generationId);
          await db.shareLink.update({ where: { id: link.id }, data: { revokedAt: new Date() } });
          return { path: `/api/s/${link.token}/files/${assetId}`, params: { token: link.token, assetId } };
        },
      },
    ],
  },
  "v1/images/generations": {
    POST: [
      {
        scenario: "a key of the caller's role (viewers may not create)",
        expect: statuses("401 401 403 202 202 202"),
        request: async (w) => ({
          path: "/api/v1/images/generations",
          params: {},
          headers: { ...(await bearer(w)), "content-type": "application/json" },
          body: JSON.stringify({ prompt: `through the API ${randomUUID()}`, n: 2 }),
        }),
        check: async (w, response) => {
          const { id, status } = (await response.json()) as { id: string; status: string };
          expect(status).toBe("queued");
          const row = await db.generation.findUniqueOrThrow({ where: { id }, select: { workspaceId: true, userId: true, apiKeyId: true, n: true } });
          expect(row).toMatchObject({ workspaceId: w.team.workspace.id, userId: w.viewer!.id, n: 2 });
          expect(row.apiKeyId).not.toBeNull();
          expect((await getDailyUsage(w.team.workspace)).used).toBe(2);
        },
      },
    ],
  },
  "v1/images/generations/[id]": {
    GET: [
      {
        scenario: "a generation of the key's workspace",
        expect: statuses("401 401 200 200 200 200"),
        request: async (w) => {
          const { generationId } = await image(w, w.author.id);
          return { path: `/api/v1/images/generations/${generationId}`, params: { id: generationId }, headers: await bearer(w) };
        },
        check: async (_w, response) => {
          const body = (await response.json()) as { status: string; data: { url: string }[] };
          expect(body.status).toBe("succeeded");
          expect(body.data).toHaveLength(1);
          expect(body.data[0]!.url).toMatch(/\/api\/v1\/files\/[a-z0-9]+\/[A-Za-z0-9_-]{43}$/);
        },
      },
      {
        scenario: "a generation of another workspace",
        expect: statuses("401 401 404 404 404 404"),
        request: async (w) => {
          const elsewhere = await makeTeam();
          const { id } = await makeGeneration(elsewhere.workspace.id, elsewhere.members.OWNER.id);
          return { path: `/api/v1/images/generations/${id}`, params: { id }, headers: await bearer(w) };
        },
      },
    ],
  },
  "v1/files/[assetId]/[signature]": {
    GET: [
      {
        scenario: "a signed link (public: the signature is the key)",
        expect: statuses("200 200 200 200 200 200"),
        request: async (w) => {
          const { assetId } = await image(w, w.author.id);
          await storeAssetFile(assetId);
          const [, , , , , signature] = signedFilePath(assetId).split("/");
          return { path: signedFilePath(assetId), params: { assetId, signature: signature! } };
        },
      },
      {
        scenario: "another file's signature",
        expect: statuses("404 404 404 404 404 404"),
        request: async (w) => {
          const [{ assetId }, other] = await Promise.all([image(w, w.author.id), image(w, w.author.id)]);
          await storeAssetFile(assetId);
          const signature = signedFilePath(other.assetId).split("/").at(-1)!;
          return { path: `/api/v1/files/${assetId}/${signature}`, params: { assetId, signature } };
        },
      },
    ],
  },
  "w/[workspace]/activity": { GET: [memberGet("activity")] },
  health: { GET: [{ scenario: "alive, for anyone", expect: statuses("200 200 200 200 200 200"), request: async () => ({ path: "/api/health", params: {} }) }] },
  metrics: {
    GET: [{ scenario: "no METRICS_TOKEN configured: not there", expect: statuses("404 404 404 404 404 404"), request: async () => ({ path: "/api/metrics", params: {} }) }],
  },
  ready: {
    GET: [
      {
        scenario: "database, queue and migrations, for anyone (a load balancer)",
        expect: statuses("200 200 200 200 200 200"),
        request: async () => ({ path: "/api/ready", params: {} }),
        check: async (_w, response) => {
          expect(await response.json()).toMatchObject({ checks: { database: "ok", queue: "ok", migrations: "ok" }, pendingMigrations: [] });
        },
      },
    ],
  },
  events: {
    GET: [
      {
        scenario: "the caller's live stream: changes in their workspaces only (others' as ids only)",
        expect: statuses("401 200 200 200 200 200"),
        request: async () => ({ path: "/api/events", params: {} }),
        check: async (w, response) => {
          const text = await readStream(response, "event: ready");
          expect(text.startsWith("retry: ")).toBe(true);
          const { id: teamGeneration } = await makeGeneration(w.team.workspace.id, w.author.id, "a prompt for members only");
          // A change the caller surely hears, after the team's: by the time it arrives, the team's has been decided.
          const own = await makePersonalWorkspace(w.viewer!.id);
          const { id: ownGeneration } = await makeGeneration(own.id, w.viewer!.id);
          const heard = await readStream(response, ownGeneration);
          expect(heard.includes(teamGeneration)).toBe(w.viewer !== w.team.outsider);
          expect(heard).not.toContain("a prompt for members only");
          await streamReaders.get(response)!.reader.cancel();
        },
      },
    ],
  },
  "me/gallery": {
    GET: [
      {
        scenario: "only the caller's own generations",
        expect: statuses("401 200 200 200 200 200"),
        request: async (w) => {
          await Promise.all([image(w, w.selfOrAuthor), image(w, w.author.id)]);
          return { path: "/api/me/gallery", params: {} };
        },
        check: async (w, response) => {
          const listed = ((await response.json()) as { generations: { id: string }[] }).generations.map((g) => g.id);
          const own = await db.generation.findMany({ where: { userId: w.viewer!.id }, select: { id: true } });
          // Every generation of theirs (members made one above; the outsider has none), and nobody else's.
          expect(listed.sort()).toEqual(own.map((g) => g.id).sort());
          if (w.viewer !== w.team.outsider) expect(listed).toHaveLength(1);
        },
      },
    ],
  },
  "w/[workspace]/gallery": {
    GET: [
      memberGet("gallery"),
      {
        scenario: "the live poll",
        expect: statuses("401 404 200 200 200 200"),
        request: async (w) => {
          await image(w, w.author.id);
          return { path: `/api/w/${w.slug}/gallery?after=latest`, params: { workspace: w.slug } };
        },
        check: async (_w, response) => {
          const body = (await response.json()) as { generations: { id: string }[]; after: string };
          expect(body.generations).toHaveLength(1);
          expect(body.after).toMatch(/^\d+\.[A-Za-z0-9_-]+$/);
        },
      },
      {
        scenario: "a malformed live bound",
        expect: statuses("401 404 400 400 400 400"),
        request: async (w) => ({ path: `/api/w/${w.slug}/gallery?after=yesterday`, params: { workspace: w.slug } }),
      },
    ],
  },
  "w/[workspace]/generations": { GET: [memberGet("generations")] },
  "w/[workspace]/generations/[generationId]": {
    GET: [
      {
        scenario: "a generation of the workspace (what the live stream sends members to read)",
        expect: statuses("401 404 200 200 200 200"),
        request: async (w) => {
          const { generationId } = await image(w, w.author.id);
          return { path: `/api/w/${w.slug}/generations/${generationId}`, params: { workspace: w.slug, generationId } };
        },
        check: async (w, response) => {
          const { generation, relay } = (await response.json()) as { generation: { id: string; status: string }; relay: { struggling: boolean } };
          expect(generation.status).toBe("SUCCEEDED");
          expect(relay).toEqual({ struggling: expect.any(Boolean) });
          expect(await db.generation.count({ where: { id: generation.id, workspaceId: w.team.workspace.id } })).toBe(1);
        },
      },
      {
        scenario: "a generation of another workspace",
        expect: statuses("401 404 404 404 404 404"),
        request: async (w) => {
          const elsewhere = await makeTeam();
          const { id: generationId } = await makeGeneration(elsewhere.workspace.id, elsewhere.members.OWNER.id);
          return { path: `/api/w/${w.slug}/generations/${generationId}`, params: { workspace: w.slug, generationId } };
        },
      },
    ],
  },
  "w/[workspace]/generations/[generationId]/discussion": {
    GET: [
      {
        scenario: "a generation of the workspace",
        expect: statuses("401 404 200 200 200 200"),
        request: async (w) => {
          const { generationId } = await image(w, w.author.id);
          await db.comment.create({ data: { generationId, authorId: w.author.id, body: "First", mentions: [] } });
          return { path: `/api/w/${w.slug}/generations/${generationId}/discussion`, params: { workspace: w.slug, generationId } };
        },
        check: async (_w, response) => {
          const { discussion } = (await response.json()) as { discussion: { comments: { body: string }[] } };
          expect(discussion.comments.map((c) => c.body)).toEqual(["First"]);
        },
      },
      {
        scenario: "a generation of another workspace",
        expect: statuses("401 404 404 404 404 404"),
        request: async (w) => {
          const elsewhere = await makeTeam();
          const { id: generationId } = await makeGeneration(elsewhere.workspace.id, elsewhere.members.OWNER.id);
          return { path: `/api/w/${w.slug}/generations/${generationId}/discussion`, params: { workspace: w.slug, generationId } };
        },
      },
    ],
  },
  "w/[workspace]/library": { GET: [memberGet("library")] },
  "w/[workspace]/usage": { GET: [memberGet("usage")] },
  "w/[workspace]/usage/export": { GET: [memberGet("usage/export")] },
  "w/[workspace]/uploads": {
    POST: [
      {
        expect: statuses("401 404 403 201 201 201"),
        request: async (w) => {
          const form = new FormData();
          form.append("file", new File([new Uint8Array(await png())], "ref.png", { type: "image/png" }));
          return { path: `/api/w/${w.slug}/uploads`, params: { workspace: w.slug }, body: form };
        },
      },
    ],
  },
  "w/[workspace]/zip": {
    GET: [
      {
        expect: statuses("401 404 200 200 200 200"),
        request: async (w) => {
          const { imageId, assetId } = await image(w, w.author.id);
          await storeAssetFile(assetId);
          return { path: `/api/w/${w.slug}/zip?ids=${imageId}`, params: { workspace: w.slug } };
        },
      },
    ],
  },
};

beforeEach(() => {
  resetStubs();
});

describe("authorization table", () => {
  it("every action file has a row", () => {
    expect(Object.keys(actionCases).sort()).toEqual(actionFiles);
  });

  it("every route has a row, for every method it exports", async () => {
    expect(Object.keys(routeCases).sort()).toEqual(routes);
    for (const route of routes) {
      const exported = Object.keys(await importRoute(route)).filter((k): k is Method => (METHODS as readonly string[]).includes(k));
      expect(exported.sort(), route).toEqual(Object.keys(routeCases[route] ?? {}).sort());
    }
  });

  it("every action file exports exactly its one action", async () => {
    for (const file of actionFiles) {
      const mod = await importAction(file);
      expect(Object.keys(mod), file).toEqual([exportName(file)]);
      expect(typeof mod[exportName(file)], file).toBe("function");
    }
  });

  it("the Auth.js route re-exports the library's handlers and nothing else", async () => {
    const mod = await importRoute("auth/[...nextauth]");
    expect(mod.GET).toBe(authHandlers.GET);
    expect(mod.POST).toBe(authHandlers.POST);
  });
});

describe("server actions", () => {
  for (const [file, cases] of Object.entries(actionCases)) {
    for (const c of cases) {
      for (const caller of CALLERS) {
        const allowed = c.expect[caller] === "ok";
        it(`${file}${c.scenario ? ` (${c.scenario})` : ""} as ${caller}: ${allowed ? "allowed" : "refused"}`, async () => {
          const fn = (await importAction(file))[exportName(file)] as ActionFn;
          const w = await makeWorld(caller);
          const input = await c.input(w);
          asking.viewer = w.viewer;
          const result = await call(fn, input);
          asking.viewer = null;
          // Codes only reach the page (the words are the catalogues'): never an unexpected error's.
          expect(result.problem?.code, "an unexpected error is not a refusal").not.toBe("unexpected");
          expect(result, "no English words reach the page").not.toHaveProperty("message");
          expect(result.ok, JSON.stringify(result.problem)).toBe(allowed);
          if (!allowed) expect(result.problem?.code, "a refusal says why").toEqual(expect.any(String));
          if (!allowed && caller === "signed out") expect(result.problem?.code).toBe("sessionEnded");
          if (!allowed && caller === "non-member" && "workspace" in input) expect(result.problem?.code).toBe("notAMember");
          await c.check?.(w, allowed, input, result);
        });
      }
    }
  }
});

describe("route handlers", () => {
  for (const [route, methods] of Object.entries(routeCases)) {
    for (const [method, cases] of Object.entries(methods)) {
      if (cases === AUTHJS) continue;
      for (const c of cases) {
        for (const caller of CALLERS) {
          const status = c.expect[caller];
          it(`${method} /api/${route}${c.scenario ? ` (${c.scenario})` : ""} as ${caller}: ${status}`, async () => {
            const handler = (await importRoute(route))[method] as RouteFn;
            const w = await makeWorld(caller);
            const req = await c.request(w);
            asking.viewer = w.viewer;
            const request = await asSentByBrowser(new URL(req.path, "http://localhost"), method, req.body, req.headers);
            const response = await handler(request, { params: Promise.resolve(req.params) });
            asking.viewer = null;
            expect(response.status).toBe(status);
            if (status >= 200 && status < 300) await c.check?.(w, response);
          });
        }
      }
    }
  }
});
