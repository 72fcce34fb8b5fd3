import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { makeAsset, makeGeneration, makeTeam, type Team } from "@/lib/authz/fixtures";
import { createGeneration } from "@/lib/data/generations";
import type { Outcome } from "@/lib/data/outcome";
import { getDailyUsage, QuotaExceededError, refundUnchargedImages, setMemberCap, takeQuota, utcDay } from "@/lib/data/quota";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

afterAll(async () => {
  await db.$disconnect();
});

const input = (prompt = "quota test", n = 1) => ({
  workspace: "unused",
  prompt,
  size: "1024x1024" as const,
  n,
  model: "test-model",
  references: [],
  idempotencyKey: randomUUID(),
});

async function setUsed(workspaceId: string, count: number) {
  await db.workspaceUsage.create({ data: { workspaceId, day: new Date(`${utcDay()}T00:00:00Z`), count } });
}

/** The stored generation of a create that must have been done. */
function made<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(`refused: ${outcome.message}`);
  return outcome.value;
}

const take = (team: Team, role: keyof Team["members"], images = 1, now?: Date) =>
  db.$transaction((tx) => takeQuota(tx, { workspaceId: team.workspace.id, userId: team.members[role].id, images, now }));

describe("daily quota (real PostgreSQL)", () => {
  it("two concurrent creates at the last slot: exactly one succeeds, the other is refused with the count", async () => {
    const team = await makeTeam({ dailyQuota: 3 });
    await setUsed(team.workspace.id, 2);
    const editor = team.members.EDITOR;
    const results = await Promise.all([
      createGeneration(editor, team.as("EDITOR"), input("racer one")),
      createGeneration(team.members.OWNER, team.as("OWNER"), input("racer two")),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const refused = results.flatMap((r) => (r.ok ? [] : [r]));
    expect(refused).toHaveLength(1);
    expect(refused[0]!.problem).toEqual({
      code: "studio.quotaWorkspace",
      params: { scope: "workspace", limit: 3, used: 3, requested: 1, left: 0, resetsAt: "00:00" },
    });
    expect(refused[0]!.message).toMatch(/has 0 of today's 3 images left; this asks for 1/);
    expect(await db.generation.count({ where: { workspaceId: team.workspace.id } })).toBe(1);
    expect(await getDailyUsage(team.workspace)).toMatchObject({ used: 3, quota: 3, remaining: 0, isDefault: false });
  });

  it("a burst of twenty against a quota of five makes exactly five", async () => {
    const team = await makeTeam({ dailyQuota: 5 });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createGeneration(team.members.EDITOR, team.as("EDITOR"), input(`burst ${i}`))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(await db.generation.count({ where: { workspaceId: team.workspace.id } })).toBe(5);
    expect((await getDailyUsage(team.workspace)).used).toBe(5);
  });

  it("a repeated request (same idempotency key) spends one slot, even at the last one", async () => {
    const team = await makeTeam({ dailyQuota: 1 });
    const once = input("double submit");
    const first = await createGeneration(team.members.EDITOR, team.as("EDITOR"), once);
    const again = await createGeneration(team.members.EDITOR, team.as("EDITOR"), once);
    expect(first.ok).toBe(true);
    expect(again).toEqual({ ok: true, value: { id: first.ok && first.value.id, created: false } });
    expect((await getDailyUsage(team.workspace)).used).toBe(1);
  });

  it("a request refused before the insert (a missing reference) spends nothing", async () => {
    const team = await makeTeam({ dailyQuota: 2 });
    const elsewhere = await makeTeam();
    const foreign = await makeAsset(elsewhere.workspace.id, elsewhere.members.EDITOR.id);
    expect(await createGeneration(team.members.EDITOR, team.as("EDITOR"), { ...input(), references: [{ assetId: foreign.id }] })).toMatchObject({
      ok: false,
      problem: { code: "studio.referenceGone" },
      field: "references",
      message: expect.stringMatching(/no longer available/),
    });
    expect((await getDailyUsage(team.workspace)).used).toBe(0);
  });

  it("follows the deployment default until the workspace sets its own, and counts per workspace", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    expect(await getDailyUsage(team.workspace)).toMatchObject({ used: 0, quota: env.WORKSPACE_DAILY_QUOTA, isDefault: true });
    await take(team, "EDITOR");
    expect((await getDailyUsage(team.workspace)).used).toBe(1);
    expect((await getDailyUsage(other.workspace)).used).toBe(0);
  });

  it("lowering the quota below today's count stops new generations", async () => {
    const team = await makeTeam({ dailyQuota: 10 });
    await setUsed(team.workspace.id, 4);
    await db.workspace.update({ where: { id: team.workspace.id }, data: { dailyQuota: 2 } });
    await expect(take(team, "EDITOR")).rejects.toBeInstanceOf(QuotaExceededError);
    expect(await getDailyUsage(team.workspace)).toMatchObject({ used: 4, quota: 2, remaining: 0 });
  });

  it("a new UTC day starts from zero", async () => {
    const team = await makeTeam({ dailyQuota: 1 });
    const today = new Date("2030-01-01T23:59:00Z");
    await take(team, "EDITOR", 1, today);
    await expect(take(team, "EDITOR", 1, today)).rejects.toBeInstanceOf(QuotaExceededError);
    const tomorrow = new Date("2030-01-02T00:00:01Z");
    await take(team, "EDITOR", 1, tomorrow);
    expect(await getDailyUsage(team.workspace, tomorrow)).toMatchObject({ used: 1, resetsAt: "2030-01-03T00:00:00.000Z" });
  });

  it("counts images, not requests: a request for 4 takes 4, and one that does not fit takes nothing", async () => {
    const team = await makeTeam({ dailyQuota: 6 });
    await createGeneration(team.members.EDITOR, team.as("EDITOR"), input("four", 4));
    expect((await getDailyUsage(team.workspace)).used).toBe(4);
    const refused = await createGeneration(team.members.EDITOR, team.as("EDITOR"), input("three more", 3));
    expect(refused).toMatchObject({ ok: false, problem: { code: "studio.quotaWorkspace", params: { left: 2, limit: 6, requested: 3 } } });
    expect(refused.ok || refused.message).toMatch(/has 2 of today's 6 images left; this asks for 3/);
    await createGeneration(team.members.EDITOR, team.as("EDITOR"), input("two more", 2));
    expect(await getDailyUsage(team.workspace)).toMatchObject({ used: 6, remaining: 0 });
    // The first request of a day that alone is larger than the quota is refused too.
    const small = await makeTeam({ dailyQuota: 2 });
    expect(await createGeneration(small.members.EDITOR, small.as("EDITOR"), input("too many", 3))).toMatchObject({ ok: false, problem: { code: "studio.quotaWorkspace" } });
    expect((await getDailyUsage(small.workspace)).used).toBe(0);
  });
});

describe("per-member daily caps (real PostgreSQL)", () => {
  it("twenty concurrent requests against a member's cap of five make exactly five, and the workspace counts only those", async () => {
    const team = await makeTeam({ dailyQuota: 100 });
    expect(await setMemberCap(team.as("OWNER"), team.members.EDITOR.id, 5)).toEqual({ ok: true, value: undefined });
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => createGeneration(team.members.EDITOR, team.as("EDITOR"), input(`capped ${i}`))),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const refusals = results.flatMap((r) => (r.ok ? [] : [r]));
    expect(refusals).toHaveLength(15);
    for (const r of refusals) expect(r.problem).toMatchObject({ code: "studio.quotaMember", params: { scope: "member", limit: 5 } });
    expect(await db.generation.count({ where: { workspaceId: team.workspace.id } })).toBe(5);
    const usage = await getDailyUsage(team.workspace, new Date(), team.members.EDITOR.id);
    expect(usage).toMatchObject({ used: 5, member: { used: 5, cap: 5, remaining: 0 }, available: 0 });
    // Another member is not held back by the editor's cap.
    await createGeneration(team.members.ADMIN, team.as("ADMIN"), input("admin is free"));
    expect((await getDailyUsage(team.workspace)).used).toBe(6);
  });

  it("the workspace quota still applies on top of a member's cap, and the refusal says which one", async () => {
    const team = await makeTeam({ dailyQuota: 3 });
    await setMemberCap(team.as("OWNER"), team.members.EDITOR.id, 10);
    await createGeneration(team.members.EDITOR, team.as("EDITOR"), input("three", 3));
    expect(await createGeneration(team.members.EDITOR, team.as("EDITOR"), input("one more"))).toMatchObject({
      ok: false,
      problem: { code: "studio.quotaWorkspace", params: { scope: "workspace" } },
    });
    const usage = await getDailyUsage(team.workspace, new Date(), team.members.EDITOR.id);
    expect(usage).toMatchObject({ remaining: 0, member: { used: 3, remaining: 7 }, available: 0 });
  });

  it("a cap refused by the member's count rolls back the workspace's count too (one transaction)", async () => {
    const team = await makeTeam({ dailyQuota: 50 });
    await setMemberCap(team.as("ADMIN"), team.members.EDITOR.id, 2);
    expect(await createGeneration(team.members.EDITOR, team.as("EDITOR"), input("three", 3))).toMatchObject({
      ok: false,
      problem: { code: "studio.quotaMember", params: { scope: "member" } },
    });
    expect((await getDailyUsage(team.workspace)).used).toBe(0);
  });

  it("a cap set after a member has made images applies to what they already made today", async () => {
    const team = await makeTeam();
    await createGeneration(team.members.EDITOR, team.as("EDITOR"), input("before the cap", 3));
    await setMemberCap(team.as("OWNER"), team.members.EDITOR.id, 3);
    expect(await createGeneration(team.members.EDITOR, team.as("EDITOR"), input("after the cap"))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/You have 0 of your 3 images for today left in this workspace/),
    });
  });

  it("admins cap editors and viewers, not other admins or owners; personal studios have no caps", async () => {
    const team = await makeTeam();
    expect((await setMemberCap(team.as("ADMIN"), team.members.OWNER.id, 1)).ok).toBe(false);
    expect((await setMemberCap(team.as("ADMIN"), team.members.VIEWER.id, 1)).ok).toBe(true);
    expect((await setMemberCap(team.as("OWNER"), team.members.ADMIN.id, 1)).ok).toBe(true);
    expect((await setMemberCap(team.as("OWNER"), team.outsider.id, 1)).ok).toBe(false);
    const personal = await makeTeam({ personal: true });
    expect((await setMemberCap(personal.as("OWNER"), personal.members.OWNER.id, 1)).ok).toBe(false);
  });
});

describe("refunds of uncharged failures (real PostgreSQL)", () => {
  it("gives the images back to the workspace and the member, once, and never more than were taken", async () => {
    const team = await makeTeam({ dailyQuota: 4 });
    await setMemberCap(team.as("OWNER"), team.members.EDITOR.id, 4);
    const { id } = made(await createGeneration(team.members.EDITOR, team.as("EDITOR"), input("all four", 4)));
    expect((await createGeneration(team.members.EDITOR, team.as("EDITOR"), input("no room"))).ok).toBe(false);

    // Two of its slots failed without being charged.
    expect(await db.$transaction((tx) => refundUnchargedImages(tx, id, 2))).toBe(2);
    const usage = await getDailyUsage(team.workspace, new Date(), team.members.EDITOR.id);
    expect(usage).toMatchObject({ used: 2, member: { used: 2 }, available: 2 });
    // Asking back more than is left to refund (a repeated record) gives nothing.
    expect(await db.$transaction((tx) => refundUnchargedImages(tx, id, 3))).toBe(0);
    expect(await db.$transaction((tx) => refundUnchargedImages(tx, id, 2))).toBe(2);
    expect(await db.$transaction((tx) => refundUnchargedImages(tx, id, 1))).toBe(0);
    expect((await getDailyUsage(team.workspace)).used).toBe(0);
    expect((await db.generation.findUniqueOrThrow({ where: { id } })).refundedImages).toBe(4);
    // What was given back can be spent again.
    await createGeneration(team.members.EDITOR, team.as("EDITOR"), input("spent again", 4));
  });

  it("gives back to the day the images were taken from, not today", async () => {
    const team = await makeTeam({ dailyQuota: 5 });
    const yesterday = new Date(Date.now() - 24 * 3600_000);
    await take(team, "EDITOR", 2, yesterday);
    const { id } = await makeGeneration(team.workspace.id, team.members.EDITOR.id, "yesterday's", "FAILED");
    await db.generation.update({ where: { id }, data: { createdAt: yesterday, n: 2 } });
    await take(team, "EDITOR", 1);
    expect(await db.$transaction((tx) => refundUnchargedImages(tx, id, 2))).toBe(2);
    expect((await getDailyUsage(team.workspace, yesterday)).used).toBe(0);
    expect((await getDailyUsage(team.workspace)).used).toBe(1);
  });

  it("concurrent refunds of one generation never give back more than its n", async () => {
    const team = await makeTeam({ dailyQuota: 10 });
    const { id } = made(await createGeneration(team.members.EDITOR, team.as("EDITOR"), input("racing refunds", 3)));
    const given = await Promise.all(Array.from({ length: 8 }, () => db.$transaction((tx) => refundUnchargedImages(tx, id, 1))));
    expect(given.reduce((a, b) => a + b, 0)).toBe(3);
    expect((await getDailyUsage(team.workspace)).used).toBe(0);
  });
});
