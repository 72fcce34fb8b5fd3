import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { REQUEUE_AFTER_MS, STALE_AFTER_MS, SWEEP_INTERVAL_MS } from "@/lib/jobs/limits";
import { enqueueGeneration, GENERATION_QUEUE, getQueue, type GenerationJob } from "@/lib/jobs/queue";
import { INTERRUPTED_MESSAGE, runGeneration, type RunGenerationDeps } from "@/lib/jobs/run-generation";

export interface WorkerOptions {
  /** Jobs run at once in this process; defaults to WORKER_CONCURRENCY. */
  concurrency?: number;
  /** Passed to every run (tests inject storage and the endpoint here). */
  deps?: Omit<RunGenerationDeps, "signal">;
  sweepIntervalMs?: number;
  pollingIntervalSeconds?: number;
}

/** Stops taking jobs, lets running ones finish for up to graceMs, then interrupts the rest. */
export type StopWorker = (opts?: { graceMs?: number }) => Promise<void>;

const globalForWorker = globalThis as unknown as { atelierWorker?: Promise<StopWorker> };

/**
 * Starts this process's generation worker; later calls return the first one's stop function (and
 * ignore their options). Runs a recovery sweep at once and then every minute.
 */
export function startWorker(options: WorkerOptions = {}): Promise<StopWorker> {
  globalForWorker.atelierWorker ??= start(options).catch((error: unknown) => {
    globalForWorker.atelierWorker = undefined;
    throw error;
  });
  return globalForWorker.atelierWorker;
}

async function start(options: WorkerOptions): Promise<StopWorker> {
  const boss = await getQueue();
  const shutdown = new AbortController();
  const running = new Set<Promise<unknown>>();
  let stopping: Promise<void> | undefined;

  const handle = async ([job]: { data: GenerationJob }[]) => {
    if (!job) return;
    // A job fetched while stopping is handed back as failed, its generation still QUEUED: the
    // next worker's sweep sends it again.
    if (stopping) throw new Error("worker is stopping");
    const run = runGeneration(job.data.generationId, { ...options.deps, signal: shutdown.signal });
    running.add(run);
    try {
      const result = await run;
      console.log(`[jobs] generation ${job.data.generationId}: ${result.outcome}`);
    } finally {
      running.delete(run);
    }
  };

  // pg-boss 10 has no per-worker concurrency: batchSize hands one handler several jobs and waits
  // for all of them, so one slow generation would hold the rest back. Independent workers do not.
  const concurrency = options.concurrency ?? env.WORKER_CONCURRENCY;
  const workOptions = { batchSize: 1, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 };
  for (let i = 0; i < concurrency; i++) await boss.work<GenerationJob>(GENERATION_QUEUE, workOptions, handle);

  let sweeping: Promise<unknown> = Promise.resolve();
  const sweep = () => {
    sweeping = sweepGenerations().catch((error: unknown) => console.error("[jobs] recovery sweep failed:", error));
  };
  sweep();
  const timer = setInterval(sweep, options.sweepIntervalMs ?? SWEEP_INTERVAL_MS);
  timer.unref();
  console.log(`[jobs] worker started: ${concurrency} at once on queue "${GENERATION_QUEUE}"`);

  return ({ graceMs = 25_000 } = {}) => {
    stopping ??= (async () => {
      clearInterval(timer);
      await boss.offWork(GENERATION_QUEUE);
      await sweeping;
      if (running.size > 0) {
        console.log(`[jobs] waiting up to ${graceMs} ms for ${running.size} running generation(s)`);
        await Promise.race([Promise.allSettled(running), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      }
      // Whatever is still running is failed now as interrupted, rather than left for the next sweep.
      shutdown.abort();
      await Promise.allSettled(running);
      globalForWorker.atelierWorker = undefined;
      console.log("[jobs] worker stopped");
    })();
    return stopping;
  };
}

export interface SweepResult {
  interrupted: number;
  requeued: number;
}

/**
 * Recovery for what a crash or a lost send leaves behind. A RUNNING generation whose heartbeat
 * stopped is failed, not retried: the endpoint may already have made (and billed) its images. A
 * QUEUED one that has waited a while is sent again, which does nothing when its job still exists.
 */
export async function sweepGenerations(
  opts: { now?: Date; enqueue?: (generationId: string) => Promise<unknown> } = {},
): Promise<SweepResult> {
  const now = opts.now ?? new Date();
  const enqueue = opts.enqueue ?? enqueueGeneration;

  const { count: interrupted } = await db.generation.updateMany({
    where: {
      status: "RUNNING",
      OR: [{ heartbeatAt: { lt: new Date(now.getTime() - STALE_AFTER_MS) } }, { heartbeatAt: null }],
    },
    data: { status: "FAILED", errorCode: "interrupted", errorMessage: INTERRUPTED_MESSAGE, finishedAt: now },
  });
  if (interrupted > 0) console.warn(`[jobs] marked ${interrupted} orphaned generation(s) as interrupted`);

  const waiting = await db.generation.findMany({
    where: { status: "QUEUED", createdAt: { lt: new Date(now.getTime() - REQUEUE_AFTER_MS) } },
    orderBy: { createdAt: "asc" },
    select: { id: true },
    take: 500,
  });
  let requeued = 0;
  for (const { id } of waiting) {
    if ((await enqueue(id)) !== null) requeued++;
  }
  return { interrupted, requeued };
}
