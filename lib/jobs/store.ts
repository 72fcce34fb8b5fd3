import "server-only";

import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { FailureDetail } from "@/lib/i18n/relay";
import { shapeOf } from "@/lib/images/shape";
import { recordCallFinished, type CallRecord } from "@/lib/jobs/calls";
import { databaseNow, fenceWhere, type RunFence } from "@/lib/jobs/fence";
import { settledStatus } from "@/lib/jobs/slots";

// A run's rows: its claim, heartbeat, the results and failures of its calls, and its end.

export type ClaimedGeneration = NonNullable<Awaited<ReturnType<typeof claimGeneration>>>;

/**
 * QUEUED → RUNNING, or null when it is not QUEUED (another worker has it, it finished, or it was
 * cancelled). Returns the slots still to fill; generations stored without slots get them here.
 */
export async function claimGeneration(generationId: string) {
  // The database's clock, as the stale-run sweep judges heartbeats by it.
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
  /** The words' key and values when the class's reason alone does not say it (lib/i18n/relay.ts). */
  detail?: FailureDetail | null;
  /** Their English, for logs and the public API. */
  message: string;
}

/** A failure's columns on a slot or a generation. */
function failureColumns(failure: Omit<SlotFailure, "index">) {
  return {
    errorCode: failure.code,
    errorMessage: failure.message,
    errorDetail: failure.detail ? (failure.detail as unknown as Prisma.InputJsonObject) : Prisma.DbNull,
  };
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
        data: { status: "SUCCEEDED", errorCode: null, errorMessage: null, errorDetail: Prisma.DbNull },
      });
    }
    for (const failure of outcome.failed) {
      await tx.generationSlot.update({
        where: { generationId_index: { generationId: fence.id, index: failure.index } },
        data: { status: failure.code === "cancelled" ? "CANCELLED" : "FAILED", ...failureColumns(failure) },
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
    data: { status: failure.code === "cancelled" ? "CANCELLED" : "FAILED", ...failureColumns(failure) },
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
      select: { status: true, errorCode: true, errorMessage: true, errorDetail: true },
    });
    const status = settledStatus(slots) ?? "FAILED";
    const failed = status === "FAILED";
    const firstFailure = slots.find((s) => s.errorCode);
    const errorCode = failed ? (firstFailure?.errorCode ?? "internal") : null;
    const { count } = await tx.generation.updateMany({
      where: fenceWhere(fence),
      data: {
        status,
        finishedAt: new Date(),
        errorCode,
        errorMessage: failed ? (firstFailure?.errorMessage ?? null) : null,
        errorDetail: failed && firstFailure?.errorDetail ? firstFailure.errorDetail : Prisma.DbNull,
      },
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

