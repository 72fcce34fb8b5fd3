import { afterAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { stopQueue } from "@/lib/jobs/queue";

import { checkReadiness } from "./readiness";

afterAll(async () => {
  await stopQueue();
  await db.$disconnect();
});

describe("readiness", () => {
  it("is ready on a migrated database with its queue", async () => {
    expect(await checkReadiness()).toEqual({
      ready: true,
      checks: { database: "ok", queue: "ok", migrations: "ok" },
      pendingMigrations: [],
    });
  });

  it("is not ready while a migration shipped in the build is not applied, and names it", async () => {
    const [latest] = await db.$queryRaw<Record<string, unknown>[]>`
      SELECT * FROM "_prisma_migrations" ORDER BY migration_name DESC LIMIT 1`;
    const name = String(latest?.migration_name);
    await db.$executeRaw`DELETE FROM "_prisma_migrations" WHERE migration_name = ${name}`;
    try {
      expect(await checkReadiness()).toMatchObject({ ready: false, checks: { migrations: "failed", database: "ok" }, pendingMigrations: [name] });
    } finally {
      await db.$executeRaw`INSERT INTO "_prisma_migrations" SELECT * FROM json_populate_record(NULL::"_prisma_migrations", ${JSON.stringify(latest)}::json)`;
    }
    expect((await checkReadiness()).ready).toBe(true);
  });
});
