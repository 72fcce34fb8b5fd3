import "server-only";

import { refundUnchargedImages } from "@/lib/data/quota";
import { db } from "@/lib/db";
import { shapeOf } from "@/lib/images/shape";
import { recordRelayCall } from "@/lib/metrics";
import type { CallCharged } from "@/lib/generated/prisma/client";

/** The client inside one of db's transactions. */
type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];
import { settledStatus } from "@/lib/jobs/slots";

/**
 * Every query the generation worker makes. run-generation.ts and worker.ts orchestrate; this module
 * owns the rows. Writes of a run are fenced by its attempt number: once a sweep has failed a run
 * (and a retry may have started another), nothing the old run writes can land.
 */

export interface RunFence {
  id: string;
  attempts: number;
}

const fenceWhere = (fence: RunFence) => ({ id: fence.id, status: "RUNNING", attempts: fence.attempts }) as const;

export type ClaimedGeneration = NonNullable<Awaited<ReturnType<typeof claimGeneration>>>;

/**
 * QUEUED → RUNNING, or null when it is not QUEUED (another worker has it, it finished, or it was
 * cancelled). Returns the slots still to fill; generations stored without slots get them here.
 */
export async function claimGeneration(generationId: string) {
  // The database's clock, as the stale-run sweep judges heartbeats by it (worker hosts' clocks drift).
  const now = await databaseNow();
  const [generation] = await db.generation.updateManyAndReturn({
    where: { id: generationId, status: "QUEUED", cancelledAt: null },
    data: { status: "RUNNING", startedAt: now, heartbeatAt: now, finishedAt: null, attempts: { increment: 1 } },
  });
  if (!generation) return null;
  await db.generationSlot.createMany({
    data: Array.from({ length: generation.n }, (_, index) => ({ generationId, index })),
    skipDuplicates: true,
  });
  const queued = await db.generationSlot.findMany({
    where: { generationId, status: "QUEUED" },
    orderBy: { index: "asc" },
    select: { index: true, calls: true },
  });
  return { generation, queued, fence: { id: generationId, attempts: generation.attempts } satisfies RunFence };
}

/** The references of a generation in order, as stored. */
export function referenceAssets(generationId: string) {
  return db.generationReference
    .findMany({
      where: { generationId },
      orderBy: { position: "asc" },
      select: { asset: { select: { storageKey: true, mime: true, width: true, height: true, bytes: true } } },
    })
    .then((rows) => rows.map((r) => r.asset));
}

/** Proves the run is alive; false when it stopped being ours (a sweep declared it interrupted). */
export async function heartbeat(fence: RunFence): Promise<boolean> {
  // Written with the database's clock, the one the stale-run sweep compares against; the column
  // holds UTC without a zone, as Prisma writes it.
  const count = await db.$executeRaw`
    UPDATE "Generation" SET "heartbeatAt" = now() AT TIME ZONE 'UTC'
    WHERE id = ${fence.id} AND status = 'RUNNING' AND attempts = ${fence.attempts}`;
  return count === 1;
}

/** Of these generations, the ones someone has cancelled. */
export async function cancelledAmong(generationIds: string[]): Promise<string[]> {
  if (generationIds.length === 0) return [];
  const rows = await db.generation.findMany({
    where: { id: { in: generationIds }, cancelledAt: { not: null } },
    select: { id: true },
  });
  return rows.map((r) => r.id);
}

// ---------- Calls: the per-relay cap, fairness, the ledger ----------

export interface CallRequest {
  fence: RunFence;
  generation: { workspaceId: string; userId: string; model: string };
  slotIndexes: number[];
  attempt: number;
  relay: string;
  /** Calls in flight to this relay across every worker. */
  maxInFlight: number;
}

export type CallPermit =
  | { granted: true; callId: string }
  /** Try again shortly: the relay is at its cap, backing off, or another workspace goes first. */
  | { granted: false; wait: "cap" | "backoff" | "fair"; until?: Date }
  /** The run is no longer ours, or its slots were cancelled: make no call. */
  | { granted: false; wait: null };

/**
 * Grants one call to the relay, or says why not yet. Serialised per relay by an advisory lock, so
 * the count and the insert cannot race between workers. Fair: while permits are short, a
 * workspace with fewer calls in flight is served first, so one workspace's batch of 50 does not
 * hold back another's single image. A grant marks the slots RUNNING and writes the ImageCall row.
 */
export async function acquireCall(request: CallRequest): Promise<CallPermit> {
  const { fence, slotIndexes } = request;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`atelier:relay:${request.relay}`}))`;

    const live = await tx.generation.count({ where: { ...fenceWhere(fence), cancelledAt: null } });
    const open = await tx.generationSlot.count({
      where: { generationId: fence.id, index: { in: slotIndexes }, status: "QUEUED" },
    });
    if (!live || open !== slotIndexes.length) return { granted: false, wait: null };

    const relay = await tx.relayState.findUnique({ where: { relay: request.relay }, select: { backoffUntil: true } });
    if (relay?.backoffUntil && relay.backoffUntil > new Date()) {
      return { granted: false, wait: "backoff", until: relay.backoffUntil };
    }

    const inFlight = await tx.$queryRaw<{ workspaceId: string; n: number }[]>`
      SELECT g."workspaceId", count(*)::int AS n
      FROM "ImageCall" c JOIN "Generation" g ON g."id" = c."generationId"
      WHERE c."finishedAt" IS NULL AND g."status" = 'RUNNING'
      GROUP BY g."workspaceId"`;
    const total = inFlight.reduce((sum, r) => sum + r.n, 0);
    const free = request.maxInFlight - total;
    if (free <= 0) return { granted: false, wait: "cap" };

    const mine = inFlight.find((r) => r.workspaceId === request.generation.workspaceId)?.n ?? 0;
    if (free <= mine) {
      // Few permits left: hold one back for every other waiting workspace that has fewer in flight.
      const waiting = await tx.$queryRaw<{ workspaceId: string }[]>`
        SELECT DISTINCT g."workspaceId"
        FROM "GenerationSlot" s JOIN "Generation" g ON g."id" = s."generationId"
        WHERE s."status" = 'QUEUED' AND g."status" = 'RUNNING' AND g."cancelledAt" IS NULL
          AND g."workspaceId" <> ${request.generation.workspaceId}`;
      const ahead = waiting.filter((w) => (inFlight.find((r) => r.workspaceId === w.workspaceId)?.n ?? 0) < mine).length;
      if (free <= ahead) return { granted: false, wait: "fair" };
    }

    await tx.generationSlot.updateMany({
      where: { generationId: fence.id, index: { in: slotIndexes } },
      data: { status: "RUNNING", calls: { increment: 1 }, errorCode: null, errorMessage: null },
    });
    const call = await tx.imageCall.create({
      data: {
        generationId: fence.id,
        ...request.generation,
        slotIndex: slotIndexes.length === 1 ? slotIndexes[0] : null,
        requestedN: slotIndexes.length,
        attempt: request.attempt,
      },
      select: { id: true },
    });
    return { granted: true, callId: call.id };
  });
}

export interface CallRecord {
  /** "ok" or a failure class. */
  outcome: string;
  charged: CallCharged;
  imagesReturned: number;
  httpStatus?: number | null;
  costMicros?: number | null;
  currency?: string | null;
  rawExcerpt?: string | null;
}

/**
 * THE place where a finished call is written to the ledger, inside the transaction that settles
 * its slots. `failedSlots` are the slots this call ends as failed (not those re-queued for an
 * automatic retry): when the call was not charged, their images go back to the quota and the cap
 * in the same transaction, so the refund lands exactly when the failure does.
 */
export async function recordCallFinished(tx: Tx, generationId: string, callId: string, record: CallRecord, failedSlots: number): Promise<void> {
  if (record.charged === "NO") await refundUnchargedImages(tx, generationId, failedSlots);
  const call = await tx.imageCall.update({
    where: { id: callId },
    data: {
      finishedAt: new Date(),
      outcome: record.outcome,
      charged: record.charged,
      imagesReturned: record.imagesReturned,
      httpStatus: record.httpStatus ?? null,
      costMicros: record.costMicros ?? null,
      currency: record.currency ?? null,
      rawExcerpt: record.rawExcerpt ?? null,
    },
    select: { startedAt: true, finishedAt: true },
  });
  // Feeds the relay latency histogram and the 429 counter (per process, like every counter).
  const seconds = (call.finishedAt!.getTime() - call.startedAt.getTime()) / 1000;
  recordRelayCall(Math.max(0, seconds), record.outcome);
}

export interface StoredImage {
  index: number;
  revisedPrompt: string | null;
  result: AssetFields;
  thumb: AssetFields;
}

interface AssetFields {
  storageKey: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
}

export interface SlotFailure {
  index: number;
  code: string;
  message: string;
}

export class RunSuperseded extends Error {
  constructor() {
    super("generation run superseded");
  }
}

/**
 * Settles what one call produced, all in one transaction: its ledger row, the images it filled,
 * the slots it failed (shortfall or error), and the slots that go back to the queue for an
 * automatic retry. Throws RunSuperseded (writing nothing) when the run is no longer ours.
 */
export async function finishCall(
  fence: RunFence,
  owner: { workspaceId: string; userId: string },
  callId: string,
  outcome: { record: CallRecord; filled: StoredImage[]; failed: SlotFailure[]; requeued: number[] },
): Promise<void> {
  await db.$transaction(async (tx) => {
    const ours = await tx.generation.count({ where: fenceWhere(fence) });
    if (!ours) throw new RunSuperseded();
    await recordCallFinished(tx, fence.id, callId, outcome.record, outcome.failed.length);
    for (const stored of outcome.filled) {
      const asset = await tx.asset.create({ data: { ...owner, kind: "RESULT", ...stored.result }, select: { id: true } });
      const thumb = await tx.asset.create({ data: { ...owner, kind: "THUMB", ...stored.thumb }, select: { id: true } });
      await tx.generationImage.create({
        data: {
          generationId: fence.id,
          index: stored.index,
          revisedPrompt: stored.revisedPrompt,
          shape: shapeOf(stored.result.width, stored.result.height),
          assetId: asset.id,
          thumbAssetId: thumb.id,
        },
      });
      await tx.generationSlot.update({
        where: { generationId_index: { generationId: fence.id, index: stored.index } },
        data: { status: "SUCCEEDED", errorCode: null, errorMessage: null },
      });
    }
    for (const failure of outcome.failed) {
      await tx.generationSlot.update({
        where: { generationId_index: { generationId: fence.id, index: failure.index } },
        data: { status: failure.code === "cancelled" ? "CANCELLED" : "FAILED", errorCode: failure.code, errorMessage: failure.message },
      });
    }
    if (outcome.requeued.length > 0) {
      await tx.generationSlot.updateMany({
        where: { generationId: fence.id, index: { in: outcome.requeued } },
        data: { status: "QUEUED" },
      });
    }
  });
}

/** Fails slots that never got a call (a failure before any call, or a cancel while waiting). */
export async function failQueuedSlots(fence: RunFence, failure: Omit<SlotFailure, "index">): Promise<void> {
  await db.generationSlot.updateMany({
    where: { generationId: fence.id, status: { in: ["QUEUED", "RUNNING"] }, generation: fenceWhere(fence) },
    data: { status: failure.code === "cancelled" ? "CANCELLED" : "FAILED", errorCode: failure.code, errorMessage: failure.message },
  });
}

/**
 * Ends a run: the generation's status from its slots (see settledStatus), the first failed slot's
 * reason on a generation that kept nothing. Null when the run was no longer ours.
 */
export async function settleGeneration(fence: RunFence): Promise<SettledGeneration | null> {
  return db.$transaction(async (tx) => {
    const slots = await tx.generationSlot.findMany({
      where: { generationId: fence.id },
      orderBy: { index: "asc" },
      select: { status: true, errorCode: true, errorMessage: true },
    });
    const status = settledStatus(slots) ?? "FAILED";
    const failed = status === "FAILED";
    const firstFailure = slots.find((s) => s.errorCode);
    const errorCode = failed ? (firstFailure?.errorCode ?? "internal") : null;
    const { count } = await tx.generation.updateMany({
      where: fenceWhere(fence),
      data: { status, finishedAt: new Date(), errorCode, errorMessage: failed ? (firstFailure?.errorMessage ?? null) : null },
    });
    if (count === 0) return null;
    const images = slots.filter((s) => s.status === "SUCCEEDED").length;
    return { status, errorCode, images, failed: slots.length - images };
  });
}

export interface SettledGeneration {
  status: "SUCCEEDED" | "FAILED";
  errorCode: string | null;
  images: number;
  failed: number;
}

// ---------- Shared backoff ----------

const STRAIN_STREAK = 3;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 120_000;

/**
 * After STRAIN_STREAK rate limits or server errors in a row from the relay, every worker waits
 * (doubling up to two minutes, or the relay's Retry-After when longer); one good answer ends it.
 * One statement each way, so concurrent workers cannot lose a count.
 */
export async function noteRelayOutcome(relay: string, strained: boolean, retryAfterMs?: number): Promise<void> {
  if (!strained) {
    await db.relayState.updateMany({ where: { relay, failStreak: { gt: 0 } }, data: { failStreak: 0, backoffUntil: null } });
    return;
  }
  const hintMs = Math.min(retryAfterMs ?? 0, BACKOFF_MAX_MS);
  await db.$executeRaw`
    INSERT INTO "RelayState" ("relay", "failStreak", "backoffUntil", "updatedAt")
    VALUES (${relay}, 1, NULL, now())
    ON CONFLICT ("relay") DO UPDATE SET
      "failStreak" = "RelayState"."failStreak" + 1,
      "backoffUntil" = CASE WHEN "RelayState"."failStreak" + 1 >= ${STRAIN_STREAK}
        THEN now() + make_interval(secs => GREATEST(${hintMs}::float8,
          LEAST(${BACKOFF_MAX_MS}::float8, ${BACKOFF_BASE_MS}::float8 * power(2, "RelayState"."failStreak" + 1 - ${STRAIN_STREAK}))) / 1000)
        ELSE "RelayState"."backoffUntil" END,
      "updatedAt" = now()`;
}

/** When the relay's shared backoff ends, or null when calls may go out. */
export async function relayBackoffUntil(relay: string): Promise<Date | null> {
  const row = await db.relayState.findUnique({ where: { relay }, select: { backoffUntil: true } });
  return row?.backoffUntil && row.backoffUntil > new Date() ? row.backoffUntil : null;
}

// ---------- Recovery sweep ----------

/** The database's clock: the one every worker's heartbeat is judged by. */
export async function databaseNow(): Promise<Date> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  if (!row) throw new Error("SELECT now() returned no row");
  return row.now;
}

/**
 * Fails RUNNING generations whose heartbeat stopped (never retried: the relay may already have
 * made and billed their images). Their images already kept stay, so such a generation ends
 * SUCCEEDED when it has any; their open calls are closed as interrupted, possibly charged.
 */
export async function interruptStaleRuns(staleBefore: Date, message: string, now: Date = new Date()): Promise<number> {
  return db.$transaction(async (tx) => {
    const stale = await tx.generation.findMany({
      where: { status: "RUNNING", OR: [{ heartbeatAt: { lt: staleBefore } }, { heartbeatAt: null }] },
      select: { id: true },
    });
    const ids = stale.map((g) => g.id);
    if (ids.length === 0) return 0;
    await tx.generationSlot.updateMany({
      where: { generationId: { in: ids }, status: { in: ["QUEUED", "RUNNING"] } },
      data: { status: "FAILED", errorCode: "interrupted", errorMessage: message },
    });
    await tx.imageCall.updateMany({
      where: { generationId: { in: ids }, finishedAt: null },
      data: { finishedAt: now, outcome: "interrupted", charged: "MAYBE" },
    });
    await tx.generation.updateMany({
      where: { id: { in: ids }, status: "RUNNING" },
      data: { status: "FAILED", errorCode: "interrupted", errorMessage: message, finishedAt: now },
    });
    await tx.generation.updateMany({
      where: { id: { in: ids }, slots: { some: { status: "SUCCEEDED" } } },
      data: { status: "SUCCEEDED", errorCode: null, errorMessage: null },
    });
    return ids.length;
  });
}

/** QUEUED generations that have waited long enough that their job may have been lost. */
export async function queuedSince(before: Date, take = 500): Promise<string[]> {
  const rows = await db.generation.findMany({
    where: { status: "QUEUED", createdAt: { lt: before } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
    take,
  });
  return rows.map((r) => r.id);
}

/** How many generations of this workspace wait in the queue: the queue's priority for the next. */
export function queuedInWorkspace(generationId: string): Promise<number> {
  return db.$queryRaw<{ n: number }[]>`
    SELECT count(*)::int AS n FROM "Generation" g
    WHERE g."status" = 'QUEUED' AND g."workspaceId" = (SELECT "workspaceId" FROM "Generation" WHERE "id" = ${generationId})`.then(
    (rows) => rows[0]?.n ?? 0,
  );
}
