import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";

import { claimMaintenance, startMaintenance } from "./maintenance";

afterAll(async () => {
  await db.$disconnect();
});

describe("recurring maintenance", () => {
  it("gives each interval's run to exactly one of many claimants", async () => {
    const name = `task-${randomUUID()}`;
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimMaintenance(name, 60_000)));
    expect(claims.filter(Boolean)).toHaveLength(1);
    expect(await claimMaintenance(name, 60_000)).toBe(false);

    // Once the interval has passed (by the database's clock), the next claim wins again.
    await db.$executeRawUnsafe(`UPDATE "MaintenanceRun" SET "lastRunAt" = "lastRunAt" - interval '61 seconds' WHERE "name" = $1`, name);
    const next = await Promise.all(Array.from({ length: 8 }, () => claimMaintenance(name, 60_000)));
    expect(next.filter(Boolean)).toHaveLength(1);
  });

  it("runs a task once per interval across several workers", async () => {
    const name = `task-${randomUUID()}`;
    const runs: number[] = [];
    const task = { name, intervalMs: 60_000, run: async () => runs.push(1) };
    const stops = [1, 2, 3].map(() => startMaintenance([task], (_t, e) => { throw e; }));
    await expect.poll(async () => (await db.maintenanceRun.count({ where: { name } })) === 1 && runs.length).toBe(1);
    await Promise.all(stops.map((stop) => stop()));
    expect(runs).toHaveLength(1);
  });
});
