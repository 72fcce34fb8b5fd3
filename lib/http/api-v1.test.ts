import { randomBytes, randomUUID } from "node:crypto";
import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makeTeam, type Team } from "@/lib/authz/fixtures";
import { authenticateApiKey, createApiKey, revokeApiKey } from "@/lib/data/api-keys";
import { getDailyUsage, setMemberCap } from "@/lib/data/quota";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { png } from "@/lib/images/testing/fixtures";
import { stopQueue } from "@/lib/jobs/queue";

// The API never reads a session; lib/auth is replaced only because Auth.js does not load outside Next.
vi.mock("@/lib/auth", () => ({ getViewer: async () => null }));
// No worker runs here: an accepted request answers 202 with its id at once.
vi.hoisted(() => {
  process.env.API_WAIT_MS = "0";
});

type RouteFn = (request: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
let POST: RouteFn;

beforeAll(async () => {
  ({ POST } = (await import("@/app/api/v1/images/generations/route")) as unknown as { POST: RouteFn });
});

afterAll(async () => {
  await stopQueue();
  await db.$disconnect();
});

async function keyOf(team: Team, role: Role = "EDITOR") {
  const made = await createApiKey(team.members[role], team.as(role), { name: `${role} script`, role });
  if (!made.ok) throw new Error(made.message);
  return made.value;
}

async function generate(token: string | null, body: unknown) {
  const request = new NextRequest("http://localhost/api/v1/images/generations", {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await POST(request, { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as { id?: string; error?: { message: string; type: string; param: string | null; code: string | null } } };
}

describe("POST /api/v1/images/generations: errors in OpenAI's shape (real PostgreSQL)", () => {
  it("401 without a key, with a made-up key, with a revoked key, and for a suspended owner", async () => {
    const team = await makeTeam();
    expect(await generate(null, { prompt: "x" })).toMatchObject({ status: 401, body: { error: { type: "authentication_error", code: "missing_api_key" } } });
    const madeUp = `atl_${randomBytes(32).toString("base64url")}`;
    expect(await generate(madeUp, { prompt: "x" })).toMatchObject({ status: 401, body: { error: { code: "invalid_api_key" } } });

    const revoked = await keyOf(team);
    expect((await revokeApiKey(team.members.EDITOR, team.as("EDITOR"), revoked.id)).ok).toBe(true);
    expect((await generate(revoked.token, { prompt: "x" })).status).toBe(401);

    const suspended = await keyOf(team, "ADMIN");
    await db.user.update({ where: { id: team.members.ADMIN.id }, data: { suspendedAt: new Date() } });
    expect((await generate(suspended.token, { prompt: "x" })).status).toBe(401);
    const workspaceKey = await keyOf(team, "OWNER");
    await db.workspace.update({ where: { id: team.workspace.id }, data: { suspendedAt: new Date() } });
    expect((await generate(workspaceKey.token, { prompt: "x" })).status).toBe(401);
    expect(await db.generation.count({ where: { workspaceId: team.workspace.id } })).toBe(0);
  });

  it("400 names the bad param: prompt, n, size, model, image (too many, not an image, a private address), and JSON itself", async () => {
    const team = await makeTeam();
    const { token } = await keyOf(team);
    const refusal = async (body: unknown) => {
      const { status, body: answer } = await generate(token, body);
      expect(status, JSON.stringify(answer)).toBe(400);
      expect(answer.error?.type).toBe("invalid_request_error");
      return answer.error!.param;
    };
    expect(await refusal({ n: 1 })).toBe("prompt");
    expect(await refusal({ prompt: "x", n: 9 })).toBe("n");
    expect(await refusal({ prompt: "x", n: 1.5 })).toBe("n");
    expect(await refusal({ prompt: "x", size: "333x333" })).toBe("size");
    expect(await refusal({ prompt: "x", model: "dall-e-1" })).toBe("model");
    expect(await refusal({ prompt: "x", image: Array.from({ length: 6 }, () => "data:image/png;base64,AAAA") })).toBe("image");
    expect(await refusal({ prompt: "x", image: ["data:text/plain;base64,aGVsbG8gd29ybGQ="] })).toBe("image[0]");
    // Reference URLs are fetched with the result downloads' checks: no loopback or private hosts.
    expect(await refusal({ prompt: "x", image: [`data:image/png;base64,${(await png()).toString("base64")}`, "http://127.0.0.1:1/secret.png"] })).toBe(
      "image[1]",
    );
    expect(await refusal("{not json")).toBeNull();
    expect(await db.generation.count({ where: { workspaceId: team.workspace.id } })).toBe(0);
  });

  it("403 for a key that may not create (a viewer's, or an editor's key after its owner became a viewer)", async () => {
    const team = await makeTeam();
    const viewerKey = await keyOf(team, "VIEWER");
    expect(await generate(viewerKey.token, { prompt: "x" })).toMatchObject({ status: 403, body: { error: { type: "permission_error" } } });
    const editorKey = await keyOf(team, "EDITOR");
    await db.membership.update({
      where: { userId_workspaceId: { userId: team.members.EDITOR.id, workspaceId: team.workspace.id } },
      data: { role: "VIEWER" },
    });
    expect((await generate(editorKey.token, { prompt: "x" })).status).toBe(403);
    expect((await authenticateApiKey(editorKey.token))?.workspace.role).toBe("VIEWER");
  });

  it("429 when the workspace quota or the member's cap has too few images left, and nothing is stored", async () => {
    const team = await makeTeam({ dailyQuota: 3 });
    const { token } = await keyOf(team);
    const accepted = await generate(token, { prompt: `fits ${randomUUID()}`, n: 2 });
    expect(accepted.status).toBe(202);
    expect(await generate(token, { prompt: "too many", n: 2 })).toMatchObject({
      status: 429,
      body: { error: { type: "insufficient_quota", code: "daily_quota_exceeded" } },
    });
    await setMemberCap(team.as("OWNER"), team.members.EDITOR.id, 2);
    expect(await generate(token, { prompt: "over my cap", n: 1 })).toMatchObject({ status: 429, body: { error: { code: "member_cap_exceeded" } } });
    expect(await db.generation.count({ where: { workspaceId: team.workspace.id } })).toBe(1);
    expect((await getDailyUsage(team.workspace)).used).toBe(2);
  });

  it("a repeated Idempotency-Key makes one generation", async () => {
    const team = await makeTeam();
    const { token } = await keyOf(team);
    const key = randomUUID();
    const send = () =>
      POST(
        new NextRequest("http://localhost/api/v1/images/generations", {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "idempotency-key": key },
          body: JSON.stringify({ prompt: "once", n: 1 }),
        }),
        { params: Promise.resolve({}) },
      ).then(async (r) => ((await r.json()) as { id: string }).id);
    const [a, b] = [await send(), await send()];
    expect(a).toBe(b);
    expect((await getDailyUsage(team.workspace)).used).toBe(1);
  });
});

describe("API keys (real PostgreSQL)", () => {
  it("stores only a hash of a recognisable 256-bit token, and records when it was last used", async () => {
    const team = await makeTeam();
    const { id, token } = await keyOf(team);
    expect(token).toMatch(/^atl_[A-Za-z0-9_-]{43}$/);
    const row = await db.apiKey.findUniqueOrThrow({ where: { id } });
    expect(JSON.stringify(row)).not.toContain(token.slice(4));
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.lastUsedAt).toBeNull();
    const caller = await authenticateApiKey(token);
    expect(caller).toMatchObject({ viewer: { id: team.members.EDITOR.id }, workspace: { id: team.workspace.id, role: "EDITOR" }, keyId: id });
    expect((await db.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt).not.toBeNull();
  });

  it("a key never carries more than its maker's role, and a removed member's key stops working", async () => {
    const team = await makeTeam();
    expect((await createApiKey(team.members.EDITOR, team.as("EDITOR"), { name: "greedy", role: "ADMIN" })).ok).toBe(false);
    const { token } = await keyOf(team);
    await db.membership.delete({ where: { userId_workspaceId: { userId: team.members.EDITOR.id, workspaceId: team.workspace.id } } });
    expect(await authenticateApiKey(token)).toBeNull();
  });
});
