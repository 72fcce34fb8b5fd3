import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";

export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const root = path.resolve(import.meta.dirname, "../..");

/**
 * Runs `fn` against DIRECT_DATABASE_URL or DATABASE_URL when set, else against the embedded dev
 * database in .data/postgres (started for the call and stopped after it). Migrations run DDL and
 * may hold session state, so behind PgBouncer in transaction mode they take the direct URL.
 */
export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  const url = process.env.DIRECT_DATABASE_URL || process.env.DATABASE_URL;
  if (url) return fn(url);
  const db = await startEmbeddedPostgres({
    dataDir: path.join(root, ".data/postgres"),
    port: EMBEDDED_PORT,
    database: "atelier",
  });
  try {
    return await fn(db.url);
  } finally {
    await db.stop();
  }
}
