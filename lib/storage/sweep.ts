import "server-only";

import { db } from "@/lib/db";

import { assertStorageKey } from "./keys";
import type { Storage } from "./types";

/**
 * Orphan sweep. Keys are content-addressed and shared by rows, so a file may go only when no
 * Asset references its key. Every put first records its key in StoredObject (the database's clock
 * in `lastPutAt`); the sweep takes the rows that are older than the grace period and referenced by
 * no Asset under a row lock, deletes their files, then the rows, and commits. A put of the same key
 * meanwhile waits on that lock, so its bytes land after the delete, never before it; an Asset row
 * is only ever written after its put, well within the grace period.
 */

// timestamp(3) columns hold UTC (as Prisma writes them); now() is converted so the session's time
// zone cannot shift it.
const DB_NOW = `(now() AT TIME ZONE 'UTC')`;

/** Records that `key` is (about to be) stored; call before the bytes are put. */
export async function recordStoredKey(key: string): Promise<void> {
  await db.$executeRawUnsafe(
    `INSERT INTO "StoredObject" ("key", "lastPutAt") VALUES ($1, ${DB_NOW})
     ON CONFLICT ("key") DO UPDATE SET "lastPutAt" = EXCLUDED."lastPutAt"`,
    key,
  );
}

/** The driver, with every put recorded for the sweep first. */
export function trackPuts(storage: Storage): Storage {
  return {
    ...storage,
    async put(key, bytes, opts) {
      // A key the driver would refuse must not reach the table, where it would stall every sweep.
      assertStorageKey(key);
      await recordStoredKey(key);
      await storage.put(key, bytes, opts);
    },
  };
}

export interface SweepOptions {
  /** Files younger than this (since their last put) are kept even with no row. */
  graceSec: number;
  /** Keys per transaction; a sweep runs batches until none is left. */
  batchSize?: number;
}

/** Deletes unreferenced files past the grace period; resolves to how many went. Safe to run in several processes at once. */
export async function sweepOrphanFiles(storage: Storage, { graceSec, batchSize = 200 }: SweepOptions): Promise<number> {
  let deleted = 0;
  for (;;) {
    const batch = await db.$transaction(
      async (tx) => {
        const rows = await tx.$queryRawUnsafe<{ key: string }[]>(
          `SELECT s."key" FROM "StoredObject" s
           WHERE s."lastPutAt" < ${DB_NOW} - make_interval(secs => $1)
             AND NOT EXISTS (SELECT 1 FROM "Asset" a WHERE a."storageKey" = s."key")
           ORDER BY s."lastPutAt"
           LIMIT $2
           FOR UPDATE SKIP LOCKED`,
          graceSec,
          batchSize,
        );
        const keys = rows.map((r) => r.key);
        if (keys.length === 0) return 0;
        await storage.delete(keys);
        await tx.storedObject.deleteMany({ where: { key: { in: keys } } });
        return keys.length;
      },
      { timeout: 120_000 },
    );
    deleted += batch;
    if (batch < batchSize) return deleted;
  }
}
