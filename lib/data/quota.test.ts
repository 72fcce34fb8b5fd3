import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { makeAsset, makeTeam } from "@/lib/authz/fixtures";
import { createGeneration } from "@/lib/data/generations";
import { consumeDailyQuota, getDailyUsage, QuotaExceededError, utcDay } from "@/lib/data/quota";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

afterAll(async () => {
  await db.$disconnect();
});

const input = (prompt = "quota test") => ({
  workspace: "unused",
  prompt,
  size: "1024x1024" as const,
  n: 1,
  model: "test-model",
  references: [],
  idempotencyKey: randomUUID(),
});

async function setUsed(workspaceId: string, count: number) {
  await db.workspaceUsage.create({ data: { workspaceId, day: new Date(`${utcDay()}T00:00:00Z`), count } });
}

describe("daily quota (real PostgreSQL)", () => {
  it("two concurrent creates at the last slot: exactly one succeeds, the other is refused with the count", async () => {
    const team = await makeTeam({ dailyQuota: 3 });
    await setUsed(team.workspace.id, 2);
    const editor = team.members.EDITOR;
    const results = await Promise.allSettled([
      createGeneration(editor, team.as("EDITOR"), input("racer one")),
      createGeneration(team.members.OWNER, team.as("OWNER"), input("racer two")),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toBeInstanceOf(QuotaExceededError);
    expect((rejected[0] as QuotaExceededError).message).toMatch(/all 3 of today's generations \(0 left\)/);
    expect(await db.generation.count({ where: { workspaceId: team.workspace.id } })).toBe(1);
    expect(await getDailyUsage(team.workspace)).toMatchObject({ used: 3, quota: 3, remaining: 0, isDefault: false });
  });

  it("a burst of twenty against a quota of five makes exactly five", async () => {
    const team = await makeTeam({ dailyQuota: 5 });
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, (_, i) => createGeneration(team.members.EDITOR, team.as("EDITOR"), input(`burst ${i}`))),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(5);
    expect(await db.generation.count({ where: { workspaceId: team.workspace.id } })).toBe(5);
    expect((await getDailyUsage(team.workspace)).used).toBe(5);
  });

  it("a repeated request (same idempotency key) spends one slot, even at the last one", async () => {
    const team = await makeTeam({ dailyQuota: 1 });
    const once = input("double submit");
    const first = await createGeneration(team.members.EDITOR, team.as("EDITOR"), once);
    const again = await createGeneration(team.members.EDITOR, team.as("EDITOR"), once);
    expect(again).toEqual({ id: first.id, created: false });
    expect((await getDailyUsage(team.workspace)).used).toBe(1);
  });

  it("a request refused before the insert (a missing reference) spends nothing", async () => {
    const team = await makeTeam({ dailyQuota: 2 });
    const elsewhere = await makeTeam();
    const foreign = await makeAsset(elsewhere.workspace.id, elsewhere.members.EDITOR.id);
    await expect(
      createGeneration(team.members.EDITOR, team.as("EDITOR"), { ...input(), references: [{ assetId: foreign.id }] }),
    ).rejects.toThrow(/no longer available/);
    expect((await getDailyUsage(team.workspace)).used).toBe(0);
  });

  it("follows the deployment default until the workspace sets its own, and counts per workspace", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    expect(await getDailyUsage(team.workspace)).toMatchObject({ used: 0, quota: env.WORKSPACE_DAILY_QUOTA, isDefault: true });
    await db.$transaction((tx) => consumeDailyQuota(tx, team.workspace.id));
    expect((await getDailyUsage(team.workspace)).used).toBe(1);
    expect((await getDailyUsage(other.workspace)).used).toBe(0);
  });

  it("lowering the quota below today's count stops new generations", async () => {
    const team = await makeTeam({ dailyQuota: 10 });
    await setUsed(team.workspace.id, 4);
    await db.workspace.update({ where: { id: team.workspace.id }, data: { dailyQuota: 2 } });
    await expect(db.$transaction((tx) => consumeDailyQuota(tx, team.workspace.id))).rejects.toBeInstanceOf(QuotaExceededError);
    expect(await getDailyUsage(team.workspace)).toMatchObject({ used: 4, quota: 2, remaining: 0 });
  });

  it("a new UTC day starts from zero", async () => {
    const team = await makeTeam({ dailyQuota: 1 });
    const today = new Date("2030-01-01T23:59:00Z");
    await db.$transaction((tx) => consumeDailyQuota(tx, team.workspace.id, today));
    await expect(db.$transaction((tx) => consumeDailyQuota(tx, team.workspace.id, today))).rejects.toBeInstanceOf(QuotaExceededError);
    const tomorrow = new Date("2030-01-02T00:00:01Z");
    expect(await db.$transaction((tx) => consumeDailyQuota(tx, team.workspace.id, tomorrow))).toEqual({ used: 1, quota: 1 });
    expect(await getDailyUsage(team.workspace, tomorrow)).toMatchObject({ used: 1, resetsAt: "2030-01-03T00:00:00.000Z" });
  });
});
