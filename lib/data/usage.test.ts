import { afterAll, describe, expect, it } from "vitest";
import { makeGeneration, makeTeam, type Team } from "@/lib/authz/fixtures";
import { getWorkspaceUsage, getWorkspaceUsageRows, microsToDecimal, USAGE_DAYS } from "@/lib/data/usage";
import { db } from "@/lib/db";

afterAll(async () => {
  await db.$disconnect();
});

type Charged = "YES" | "NO" | "MAYBE";

/** One ledger row as the worker writes it. */
async function call(
  team: Team,
  role: "OWNER" | "EDITOR",
  opts: { model?: string; outcome: string; charged: Charged; images?: number; costMicros?: number; daysAgo?: number },
) {
  const userId = team.members[role].id;
  const { id: generationId } = await makeGeneration(team.workspace.id, userId);
  const startedAt = new Date(Date.now() - (opts.daysAgo ?? 0) * 86_400_000);
  await db.imageCall.create({
    data: {
      generationId,
      workspaceId: team.workspace.id,
      userId,
      model: opts.model ?? "model-a",
      requestedN: 1,
      attempt: 1,
      startedAt,
      finishedAt: new Date(startedAt.getTime() + 2000),
      outcome: opts.outcome,
      charged: opts.charged,
      imagesReturned: opts.images ?? (opts.outcome === "ok" ? 1 : 0),
      costMicros: opts.costMicros ?? null,
      currency: opts.costMicros ? "USD" : null,
    },
  });
}

describe("usage from the call ledger (real PostgreSQL)", () => {
  it("per day, per member, per model: images, calls, failures by class, spend (yes) apart from maybe", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    await call(team, "EDITOR", { outcome: "ok", charged: "YES", images: 2, costMicros: 60_000 });
    await call(team, "EDITOR", { outcome: "ok", charged: "YES", costMicros: 30_000, model: "model-b", daysAgo: 3 });
    await call(team, "EDITOR", { outcome: "bad_key", charged: "NO" });
    await call(team, "OWNER", { outcome: "timeout", charged: "MAYBE", costMicros: 30_000 });
    await call(team, "OWNER", { outcome: "safety", charged: "NO" });
    await call(team, "OWNER", { outcome: "ok", charged: "YES", daysAgo: USAGE_DAYS + 2, costMicros: 99_000 });
    await call(other, "OWNER", { outcome: "ok", charged: "YES", costMicros: 1_000_000 });

    const report = await getWorkspaceUsage(team.members.OWNER, team.as("OWNER"));
    expect(report.ownOnly).toBe(false);
    expect(report.days).toHaveLength(USAGE_DAYS);
    expect(report.totals).toEqual({ images: 3, calls: 5, failures: 3, spend: { USD: 90_000 }, maybeSpend: { USD: 30_000 } });
    const today = report.days.at(-1)!;
    expect(today).toMatchObject({ images: 2, calls: 4, failures: 3 });
    expect(report.days.at(-4)).toMatchObject({ images: 1, calls: 1, spend: { USD: 30_000 } });
    expect(report.members.map((m) => [m.userId, m.images, m.calls, m.failures])).toEqual([
      [team.members.EDITOR.id, 3, 3, 1],
      [team.members.OWNER.id, 0, 2, 2],
    ]);
    expect(report.models.map((m) => [m.model, m.images, m.spend])).toEqual([
      ["model-a", 2, { USD: 60_000 }],
      ["model-b", 1, { USD: 30_000 }],
    ]);
    expect(report.failuresByClass).toEqual(
      expect.arrayContaining([
        { outcome: "bad_key", calls: 1 },
        { outcome: "timeout", calls: 1 },
        { outcome: "safety", calls: 1 },
      ]),
    );
  });

  it("members without usage.view.all see only their own calls", async () => {
    const team = await makeTeam();
    await call(team, "EDITOR", { outcome: "ok", charged: "YES", costMicros: 10_000 });
    await call(team, "OWNER", { outcome: "ok", charged: "YES", costMicros: 20_000 });
    const mine = await getWorkspaceUsage(team.members.EDITOR, team.as("EDITOR"));
    expect(mine.ownOnly).toBe(true);
    expect(mine.members.map((m) => m.userId)).toEqual([team.members.EDITOR.id]);
    expect(mine.totals.spend).toEqual({ USD: 10_000 });
    const rows = await getWorkspaceUsageRows(team.members.EDITOR, team.as("EDITOR"));
    expect(rows).toHaveLength(1);
    expect(microsToDecimal(rows[0]!.spend.USD!)).toBe("0.010000");
  });
});
