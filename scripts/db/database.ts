import path from "node:path";
import { startEmbeddedPostgres } from "./embedded";

export const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT ?? 54329);
const root = path.resolve(import.meta.dirname, "../..");

/**
 * Runs `fn` against DATABASE_URL when it is set, else against the embedded dev database in
 * .data/postgres (started for the call and stopped after it).
 */
export async function withDatabase<T>(fn: (url: string) => Promise<T>): Promise<T> {
  if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
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
