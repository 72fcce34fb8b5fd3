import "server-only";

import { db } from "@/lib/db";

// The recovery sweep's queries and the queue's standing (lib/jobs/worker.ts, lib/jobs/queue.ts).

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
