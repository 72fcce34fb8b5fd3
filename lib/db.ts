import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * The process's connections for Prisma: at most DATABASE_POOL_MAX (see README "Deploy" for the
 * budget). Kept as our own pool so metrics can read how many are in use.
 */
function createPool() {
  return new pg.Pool({ connectionString: env.DATABASE_URL, max: env.DATABASE_POOL_MAX, application_name: "atelier" });
}

function createClient(pool: pg.Pool) {
  return new PrismaClient({
    adapter: new PrismaPg(pool),
    // A password hash must never ride along by accident; the one query that needs it opts back in.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { atelierDb?: Db; atelierPool?: pg.Pool };

// Dev hot reload re-evaluates modules; one client (and one pool) per process.
export const dbPool: pg.Pool = globalForDb.atelierPool ?? createPool();
export const db: Db = globalForDb.atelierDb ?? createClient(dbPool);
if (env.NODE_ENV !== "production") {
  globalForDb.atelierPool = dbPool;
  globalForDb.atelierDb = db;
}
