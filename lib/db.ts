import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { Prisma, PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export class UndefinedInWhereError extends Error {}

const isPlain = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** Throws at the first `undefined` inside any `where` of the arguments (nested selects included). */
function assertNoUndefinedInWhere(value: unknown, path: string, inWhere: boolean): void {
  if (Array.isArray(value)) return value.forEach((v, i) => assertNoUndefinedInWhere(v, `${path}[${i}]`, inWhere));
  if (!isPlain(value)) return;
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined && inWhere) throw new UndefinedInWhereError(`undefined at ${path}.${key}: it would silently widen the query`);
    assertNoUndefinedInWhere(v, `${path}.${key}`, inWhere || key === "where");
  }
}

/**
 * Prisma drops an `undefined` filter value, so `where: { userId: viewer?.id }` with no viewer
 * matches every row. Every query's `where` is checked before it runs and refused instead.
 */
const refuseUndefinedInWhere = Prisma.defineExtension({
  name: "refuse-undefined-in-where",
  query: {
    $allModels: {
      $allOperations({ model, operation, args, query }) {
        assertNoUndefinedInWhere(args, `${model}.${operation}`, false);
        return query(args);
      },
    },
  },
});

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
  }).$extends(refuseUndefinedInWhere);
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
