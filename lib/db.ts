import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

function createClient() {
  return new PrismaClient({
    adapter: new PrismaPg({ connectionString: env.DATABASE_URL }),
    // A password hash must never ride along by accident; the one query that needs it opts back in.
    omit: { user: { passwordHash: true } },
  });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { atelierDb?: Db };

// Dev hot reload re-evaluates modules; one client (and one pool) per process.
export const db: Db = globalForDb.atelierDb ?? createClient();
if (env.NODE_ENV !== "production") globalForDb.atelierDb = db;
