import "server-only";

import { randomUUID } from "node:crypto";

import { refundUnchargedImages } from "@/lib/data/quota";
import { db } from "@/lib/db";
import type { CallCharged } from "@/lib/generated/prisma/client";
import type { RunFence, Tx } from "@/lib/jobs/fence";
import { recordRelayCall } from "@/lib/metrics";

// Calls to the relay: the permit (per-relay cap, fairness, shared backoff) and the ledger row.

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

type Verdict = "granted" | "gone" | "cap" | "backoff" | "fair";

/**
 * Grants one call to the relay, or says why not yet. Fair: while permits are short, a workspace
 * with fewer calls in flight is served first, so one workspace's batch of 50 does not hold back
 * another's single image. A grant marks the slots RUNNING and writes the ImageCall row.
 *
 * Two statements in one transaction, because every run polls this while it waits: the per-relay
 * advisory lock (so the count and the insert cannot race between workers), then one statement
 * that judges and, when granted, writes. They must be two: a statement's snapshot is taken
 * before it runs, so a count in the statement that takes the lock could miss the call the lock's
 * previous holder just committed. Times are the database's clock, like the backoff's.
 */
export async function acquireCall(request: CallRequest): Promise<CallPermit> {
  const { fence, slotIndexes, generation } = request;
  const callId = randomUUID();
  const [, rows] = await db.$transaction([
    db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`atelier:relay:${request.relay}`}))`,
    db.$queryRaw<{ verdict: Verdict; until: Date | null; callId: string | null }[]>`
      WITH flight AS (
        SELECT g."workspaceId", count(*)::int AS n
        FROM "ImageCall" c JOIN "Generation" g ON g."id" = c."generationId"
        WHERE c."finishedAt" IS NULL AND g."status" = 'RUNNING'
        GROUP BY g."workspaceId"
      ), tally AS (
        SELECT ${request.maxInFlight}::int - coalesce((SELECT sum(n) FROM flight), 0)::int AS free,
               coalesce((SELECT n FROM flight WHERE "workspaceId" = ${generation.workspaceId}), 0) AS mine
      ), backoff AS (
        SELECT "backoffUntil" AS until FROM "RelayState"
        WHERE "relay" = ${request.relay} AND "backoffUntil" > (now() AT TIME ZONE 'UTC')
      ), verdict AS (
        SELECT CASE
          WHEN NOT EXISTS (
            SELECT 1 FROM "Generation"
            WHERE "id" = ${fence.id} AND "status" = 'RUNNING' AND "attempts" = ${fence.attempts} AND "cancelledAt" IS NULL
          ) OR (
            SELECT count(*) FROM "GenerationSlot"
            WHERE "generationId" = ${fence.id} AND "index" = ANY(${slotIndexes}::int[]) AND "status" = 'QUEUED'
          ) <> ${slotIndexes.length} THEN 'gone'
          WHEN EXISTS (SELECT 1 FROM backoff) THEN 'backoff'
          WHEN t.free <= 0 THEN 'cap'
          -- Few permits left: one is held back for every other waiting workspace with fewer in flight.
          WHEN t.free <= t.mine AND t.free <= (
            SELECT count(DISTINCT g."workspaceId")
            FROM "GenerationSlot" s JOIN "Generation" g ON g."id" = s."generationId"
            LEFT JOIN flight f ON f."workspaceId" = g."workspaceId"
            WHERE s."status" = 'QUEUED' AND g."status" = 'RUNNING' AND g."cancelledAt" IS NULL
              AND g."workspaceId" <> ${generation.workspaceId} AND coalesce(f.n, 0) < t.mine
          ) THEN 'fair'
          ELSE 'granted'
        END AS verdict
        FROM tally t
      ), slots AS (
        UPDATE "GenerationSlot" SET "status" = 'RUNNING', "calls" = "calls" + 1, "errorCode" = NULL, "errorMessage" = NULL, "errorDetail" = NULL
        WHERE "generationId" = ${fence.id} AND "index" = ANY(${slotIndexes}::int[]) AND (SELECT verdict FROM verdict) = 'granted'
      ), call AS (
        INSERT INTO "ImageCall" ("id", "generationId", "workspaceId", "userId", "model", "slotIndex", "requestedN", "attempt", "startedAt")
        SELECT ${callId}, ${fence.id}, ${generation.workspaceId}, ${generation.userId}, ${generation.model},
               ${slotIndexes.length === 1 ? slotIndexes[0]! : null}::int, ${slotIndexes.length}, ${request.attempt},
               now() AT TIME ZONE 'UTC'
        FROM verdict WHERE verdict = 'granted'
        RETURNING "id"
      )
      SELECT v.verdict, (SELECT until FROM backoff) AS until, (SELECT "id" FROM call) AS "callId" FROM verdict v`,
  ]);
  const row = rows[0];
  if (!row || row.verdict === "gone") return { granted: false, wait: null };
  if (row.verdict === "granted") return { granted: true, callId: row.callId! };
  if (row.verdict === "backoff") return { granted: false, wait: "backoff", until: row.until! };
  return { granted: false, wait: row.verdict };
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
 * in the same transaction, so the refund lands exactly when the failure does. finishedAt is the
 * database's clock, as startedAt is, so the latency between them is not skewed by a worker's.
 */
export async function recordCallFinished(tx: Tx, generationId: string, callId: string, record: CallRecord, failedSlots: number): Promise<void> {
  if (record.charged === "NO") await refundUnchargedImages(tx, generationId, failedSlots);
  const [call] = await tx.$queryRaw<{ seconds: number }[]>`
    UPDATE "ImageCall" SET
      "finishedAt" = now() AT TIME ZONE 'UTC',
      "outcome" = ${record.outcome},
      "charged" = ${record.charged}::"CallCharged",
      "imagesReturned" = ${record.imagesReturned},
      "httpStatus" = ${record.httpStatus ?? null}::int,
      "costMicros" = ${record.costMicros ?? null}::int,
      "currency" = ${record.currency ?? null},
      "rawExcerpt" = ${record.rawExcerpt ?? null}
    WHERE "id" = ${callId}
    RETURNING extract(epoch FROM "finishedAt" - "startedAt")::float8 AS seconds`;
  if (!call) throw new Error(`ImageCall ${callId} not found`);
  // Feeds the relay latency histogram and the 429 counter (per process, like every counter).
  recordRelayCall(Math.max(0, call.seconds), record.outcome);
}
