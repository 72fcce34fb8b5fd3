import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it, vi } from "vitest";
import type { Viewer } from "@/lib/auth";
import { makeGeneration, makeTeam } from "@/lib/authz/fixtures";
import { isInstanceAdmin, listWorkspacesWithUsage, queueDepth, relayHealth } from "@/lib/data/admin";
import { createApiKey, authenticateApiKey } from "@/lib/data/api-keys";
import { createGeneration } from "@/lib/data/generations";
import { findUserById, findUserWithPasswordHash } from "@/lib/data/users";
import { db } from "@/lib/db";

const asking = vi.hoisted(() => {
  process.env.ADMIN_EMAILS = " Root@Example.test , ops@example.test";
  return { viewer: null as Viewer | null };
});
vi.mock("@/lib/auth", () => ({ getViewer: async () => asking.viewer }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined }));

afterAll(async () => {
  await db.$disconnect();
});

/** The administrator's account (its email is in ADMIN_EMAILS, set before lib/env is read). */
const root = () =>
  db.user.upsert({ where: { email: "root@example.test" }, create: { email: "root@example.test", name: "Root" }, update: {}, select: { id: true, email: true, name: true, image: true } });

describe("instance administration (real PostgreSQL)", () => {
  it("is for ADMIN_EMAILS only, case-insensitively", async () => {
    expect(isInstanceAdmin({ id: "x", email: "root@example.test", name: null, image: null })).toBe(true);
    expect(isInstanceAdmin({ id: "x", email: "OPS@example.test", name: null, image: null })).toBe(true);
    expect(isInstanceAdmin({ id: "x", email: "owner@example.test", name: null, image: null })).toBe(false);
    expect(isInstanceAdmin(null)).toBe(false);
  });

  it("a suspended user cannot sign in, their session ends, and their keys stop; lifting it restores them", async () => {
    const { suspendUserAction } = await import("@/lib/actions/suspend-user");
    const team = await makeTeam();
    const editor = team.members.EDITOR;
    const made = await createApiKey(editor, team.as("EDITOR"), { name: "k", role: "EDITOR" });
    if (!made.ok) throw new Error(made.message);

    // Not an administrator: refused, nothing changes.
    asking.viewer = team.members.OWNER;
    expect((await suspendUserAction(undefined, { email: editor.email, suspended: "true" })).ok).toBe(false);
    expect(await findUserById(editor.id)).not.toBeNull();

    asking.viewer = await root();
    expect(await suspendUserAction(undefined, { email: editor.email.toUpperCase(), suspended: "true" })).toMatchObject({ ok: true });
    expect(await findUserById(editor.id)).toBeNull();
    expect(await findUserWithPasswordHash(editor.email)).toBeNull();
    expect(await authenticateApiKey(made.value.token)).toBeNull();
    expect((await suspendUserAction(undefined, { email: asking.viewer.email, suspended: "true" })).ok).toBe(false);

    expect((await suspendUserAction(undefined, { email: editor.email, suspended: "false" })).ok).toBe(true);
    expect(await findUserById(editor.id)).toMatchObject({ id: editor.id });
    expect(await authenticateApiKey(made.value.token)).not.toBeNull();
  });

  it("a suspended workspace generates nothing, with a reason; lifting it lets it generate again", async () => {
    const { suspendWorkspaceAction } = await import("@/lib/actions/suspend-workspace");
    const team = await makeTeam();
    asking.viewer = await root();
    expect((await suspendWorkspaceAction(undefined, { workspaceId: team.workspace.id, suspended: "true" })).ok).toBe(true);
    const input = { workspace: team.workspace.slug, prompt: "p", size: "1024x1024" as const, n: 1, model: "m", references: [], idempotencyKey: randomUUID() };
    expect(await createGeneration(team.members.EDITOR, team.as("EDITOR"), input)).toMatchObject({ ok: false, problem: { code: "studio.workspaceSuspended" } });
    expect(await db.generation.count({ where: { workspaceId: team.workspace.id } })).toBe(0);
    expect((await suspendWorkspaceAction(undefined, { workspaceId: team.workspace.id, suspended: "false" })).ok).toBe(true);
    expect((await createGeneration(team.members.EDITOR, team.as("EDITOR"), { ...input, idempotencyKey: randomUUID() })).ok).toBe(true);
  });

  it("every workspace's usage and spend, relay health since a time, and the queue's depth", async () => {
    const since = new Date(Date.now() - 1000);
    const team = await makeTeam();
    const author = team.members.EDITOR.id;
    const { id: generationId } = await makeGeneration(team.workspace.id, author);
    const base = { generationId, workspaceId: team.workspace.id, userId: author, model: "m", requestedN: 1, attempt: 1 };
    const at = (ms: number) => new Date(Date.now() + ms);
    await db.imageCall.createMany({
      data: [
        { ...base, startedAt: at(0), finishedAt: at(1000), outcome: "ok", charged: "YES", imagesReturned: 1, costMicros: 40_000, currency: "USD" },
        { ...base, startedAt: at(0), finishedAt: at(3000), outcome: "ok", charged: "YES", imagesReturned: 1, costMicros: 40_000, currency: "USD" },
        { ...base, startedAt: at(0), finishedAt: at(500), outcome: "rate_limited", charged: "NO" },
        { ...base, startedAt: at(0), finishedAt: at(9000), outcome: "timeout", charged: "MAYBE", costMicros: 40_000, currency: "USD" },
      ],
    });
    const health = await relayHealth(since);
    expect(health.calls).toBeGreaterThanOrEqual(4);
    const row = (await listWorkspacesWithUsage(since)).find((w) => w.id === team.workspace.id);
    expect(row).toMatchObject({ images: 2, calls: 4, failures: 2, spend: { USD: 80_000 }, members: 4, suspended: false });

    const before = await queueDepth();
    await db.generation.create({
      data: { workspaceId: team.workspace.id, userId: author, prompt: "q", size: "1024x1024", n: 1, model: "m", idempotencyKey: randomUUID() },
    });
    expect((await queueDepth()).queued).toBe(before.queued + 1);
  });

  it("relay health of a quiet window has no rates to show", async () => {
    const health = await relayHealth(new Date(Date.now() + 3_600_000));
    expect(health).toEqual({ calls: 0, ok: 0, successRate: null, p50Ms: null, p95Ms: null, failuresByClass: [] });
  });
});
