import "server-only";

import { db } from "@/lib/db";

/**
 * What the worker's store modules share. The store is split along its seams: runs (store.ts),
 * calls and the ledger (calls.ts), the shared backoff (relay-state.ts), the recovery sweep and
 * the queue's standing (recovery.ts). run-generation.ts and worker.ts orchestrate; these own the
 * rows. Writes of a run are fenced by its attempt number: once a sweep has failed a run (and a
 * retry may have started another), nothing the old run writes can land.
 */
export interface RunFence {
  id: string;
  attempts: number;
}

export const fenceWhere = (fence: RunFence) => ({ id: fence.id, status: "RUNNING", attempts: fence.attempts }) as const;

/** The client inside one of db's transactions. */
export type Tx = Parameters<Parameters<typeof db.$transaction>[0]>[0];

/** The database's clock: the one every worker's heartbeat is judged by (worker hosts' clocks drift). */
export async function databaseNow(): Promise<Date> {
  const [row] = await db.$queryRaw<{ now: Date }[]>`SELECT now() AS now`;
  if (!row) throw new Error("SELECT now() returned no row");
  return row.now;
}
