import { randomUUID } from "node:crypto";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { createOwner } from "@/lib/jobs/testing/fixtures";

import { createS3Storage } from "./s3";
import { sweepOrphanFiles, trackPuts } from "./sweep";
import { startTestS3, type TestS3 } from "./testing/s3-server";
import type { Storage } from "./types";

let s3: TestS3;
let storage: Storage;
let owner: { userId: string; workspaceId: string };

beforeAll(async () => {
  s3 = await startTestS3();
  storage = trackPuts(createS3Storage(s3.options));
  owner = await createOwner();
});

afterAll(async () => {
  await s3.close();
  await db.$disconnect();
});

const key = (name: string) => `results/sw/${name}-${randomUUID()}.png`;
const put = (k: string) => storage.put(k, Buffer.from(k), { contentType: "image/png" });
/** As if the last put of these keys was this many seconds ago (by the database's clock). */
const age = (keys: string[], seconds: number) =>
  db.$executeRawUnsafe(
    `UPDATE "StoredObject" SET "lastPutAt" = (now() AT TIME ZONE 'UTC') - make_interval(secs => $2) WHERE "key" = ANY($1)`,
    keys,
    seconds,
  );
const asset = (storageKey: string) =>
  db.asset.create({
    data: { ...owner, kind: "RESULT", storageKey, mime: "image/png", width: 1, height: 1, bytes: 1, sha256: "0".repeat(64) },
  });

describe("orphan file sweep (s3rver + PostgreSQL)", () => {
  it("deletes only files that no Asset references and whose last put is past the grace period", async () => {
    const referenced = key("referenced");
    const orphanOld = key("orphan-old");
    const orphanNew = key("orphan-new");
    const wasReferenced = key("was-referenced");
    for (const k of [referenced, orphanOld, orphanNew, wasReferenced]) await put(k);
    await asset(referenced);
    const gone = await asset(wasReferenced);
    await db.asset.delete({ where: { id: gone.id } });
    await age([referenced, orphanOld, wasReferenced], 7200);

    const deleted = await sweepOrphanFiles(storage, { graceSec: 3600 });

    expect(deleted).toBe(2);
    const left = await s3.keys();
    expect(left).toEqual(expect.arrayContaining([referenced, orphanNew]));
    expect(left).not.toContain(orphanOld);
    expect(left).not.toContain(wasReferenced);
    const rows = await db.storedObject.findMany({ where: { key: { in: [referenced, orphanOld, orphanNew, wasReferenced] } } });
    expect(rows.map((r) => r.key).sort()).toEqual([referenced, orphanNew].sort());
  });

  it("is safe when several processes sweep at once: each orphan is deleted exactly once, nothing else", async () => {
    const orphans = Array.from({ length: 30 }, (_, i) => key(`many-${i}`));
    const kept = key("kept");
    for (const k of [...orphans, kept]) await put(k);
    await asset(kept);
    await age([...orphans, kept], 7200);

    const counts = await Promise.all([1, 2, 3].map(() => sweepOrphanFiles(storage, { graceSec: 3600, batchSize: 4 })));

    expect(counts.reduce((a, b) => a + b, 0)).toBe(30);
    const left = await s3.keys();
    expect(left).toContain(kept);
    expect(left.filter((k) => orphans.includes(k))).toEqual([]);
  });

  it("a put of a key the sweep is deleting waits for it, so the new bytes survive", async () => {
    const k = key("re-put");
    await put(k);
    await age([k], 7200);
    let reput: Promise<void> | undefined;
    let putDone = false;
    const lockWaiters = async () => {
      const [row] = await db.$queryRawUnsafe<{ n: number }[]>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
      );
      return row?.n ?? 0;
    };
    // The sweep holds the key's row while it deletes the file: a put meanwhile blocks on that row.
    const watchedDelete: Storage = {
      ...storage,
      async delete(keys) {
        reput = put(k).then(() => {
          putDone = true;
        });
        await expect.poll(lockWaiters, { timeout: 10_000, interval: 20 }).toBe(1);
        expect(putDone).toBe(false);
        await storage.delete(keys);
      },
    };

    expect(await sweepOrphanFiles(watchedDelete, { graceSec: 3600 })).toBe(1);
    await reput;

    expect(await s3.keys()).toContain(k);
    expect(await db.storedObject.count({ where: { key: k } })).toBe(1);
  });
});
