import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";

import { db } from "@/lib/db";
import { GENERATION_QUEUE, getQueue } from "@/lib/jobs/queue";

export type Check = "ok" | "failed";

export interface Readiness {
  ready: boolean;
  checks: { database: Check; queue: Check; migrations: Check };
  /** Migrations shipped with this build that the database has not applied. */
  pendingMigrations: string[];
}

/**
 * The migrations folder shipped with the build (next.config.ts traces it into the standalone
 * output; `process.cwd()` is the app's root under `next start` and the standalone server alike).
 */
const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

async function shippedMigrations(): Promise<string[]> {
  const entries = await readdir(MIGRATIONS_DIR, { withFileTypes: true });
  return entries.filter((e) => e.isDirectory()).map((e) => e.name);
}

async function appliedMigrations(): Promise<Set<string>> {
  const rows = await db.$queryRaw<{ migration_name: string }[]>`
    SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
  return new Set(rows.map((r) => r.migration_name));
}

const settle = (p: Promise<unknown>): Promise<Check> => p.then(() => "ok" as const, () => "failed" as const);

/** Can this process serve: database and queue reachable, every shipped migration applied. */
export async function checkReadiness(): Promise<Readiness> {
  const database = settle(db.$queryRaw`SELECT 1`);
  // getQueue() starts (or reuses) this process's pg-boss; the queue must exist in its schema.
  const queue = settle(
    getQueue().then(async (boss) => {
      if (!(await boss.getQueue(GENERATION_QUEUE))) throw new Error("queue missing");
    }),
  );
  let pendingMigrations: string[] = [];
  const migrations = settle(
    Promise.all([shippedMigrations(), appliedMigrations()]).then(([shipped, applied]) => {
      pendingMigrations = shipped.filter((name) => !applied.has(name));
      if (pendingMigrations.length > 0) throw new Error("migrations pending");
    }),
  );
  const checks = { database: await database, queue: await queue, migrations: await migrations };
  return { ready: Object.values(checks).every((c) => c === "ok"), checks, pendingMigrations };
}
