import "server-only";

import { setMaxListeners } from "node:events";

import { env } from "@/lib/env";
import { REQUEUE_AFTER_MS } from "@/lib/jobs/limits";
import { JOBS_CHANNEL, getListener } from "@/lib/live/listener";
import { log } from "@/lib/log";
import { recordRun } from "@/lib/metrics";
import { startMaintenance } from "@/lib/jobs/maintenance";
import { enqueueGeneration, GENERATION_QUEUE, getQueue, type GenerationJob } from "@/lib/jobs/queue";
import { INTERRUPTED_MESSAGE, runGeneration, type RunGenerationDeps } from "@/lib/jobs/run-generation";
import { databaseNow } from "@/lib/jobs/fence";
import { interruptStaleRuns, queuedSince } from "@/lib/jobs/recovery";
import { getStorage, sweepOrphanFiles } from "@/lib/storage";

export interface WorkerOptions {
  /** Generations run at once in this process; defaults to WORKER_CONCURRENCY. */
  concurrency?: number;
  /** Passed to every run (tests inject storage and the endpoint here). */
  deps?: Omit<RunGenerationDeps, "signal">;
  /** Defaults to RECOVERY_SWEEP_INTERVAL_SEC. */
  sweepIntervalMs?: number;
  pollingIntervalSeconds?: number;
}

/** Stops taking jobs, lets running ones finish for up to graceMs, then interrupts the rest. */
export type StopWorker = (opts?: { graceMs?: number }) => Promise<void>;

/** Jobs one fetch takes from the queue; the handler starts them as room frees up. */
const FETCH_BATCH = 20;

const globalForWorker = globalThis as unknown as { atelierWorker?: Promise<StopWorker> };

/**
 * Starts this process's generation worker; later calls return the first one's stop function (and
 * ignore their options). It also takes its turn at the recurring maintenance (the recovery sweep,
 * the orphan-file sweep, pg-boss's own), which runs once per interval across all workers.
 */
export function startWorker(options: WorkerOptions = {}): Promise<StopWorker> {
  globalForWorker.atelierWorker ??= start(options).catch((error: unknown) => {
    globalForWorker.atelierWorker = undefined;
    throw error;
  });
  return globalForWorker.atelierWorker;
}

async function start(options: WorkerOptions): Promise<StopWorker> {
  const boss = await getQueue({ maintenance: true });
  const shutdown = new AbortController();
  const running = new Set<Promise<unknown>>();
  let stopping: Promise<void> | undefined;

  // Runs go on off the job handler: a generation waits on the relay for minutes, and pg-boss 10
  // waits for its handler before fetching again. The handler claims a batch, starts each run
  // once this process has room, and returns; the generation row (with its heartbeat and the
  // sweep) is what keeps a run from being lost, not the queue job.
  const concurrency = options.concurrency ?? env.WORKER_CONCURRENCY;
  // Every run listens on the shutdown signal.
  setMaxListeners(concurrency + 10, shutdown.signal);
  const roomFreed: (() => void)[] = [];
  const waitForRoom = async () => {
    while (running.size >= concurrency) await new Promise<void>((resolve) => roomFreed.push(resolve));
  };
  const heartbeatMs = (env.GENERATION_STALE_AFTER_SEC * 1000) / 6;
  const begin = (generationId: string) => {
    const run = runGeneration(generationId, { heartbeatMs, ...options.deps, signal: shutdown.signal })
      .then((result) => {
        recordRun(result.outcome, result.outcome === "failed" ? result.errorCode : null);
        log.info({ generationId, ...result }, "generation run ended");
      })
      .catch((error: unknown) => log.error({ err: error, generationId }, "generation run crashed"))
      .finally(() => {
        running.delete(run);
        roomFreed.shift()?.();
      });
    running.add(run);
  };

  const handle = async (jobs: { data: GenerationJob }[]) => {
    for (const job of jobs) {
      // A job fetched while stopping is handed back as failed, its generation still QUEUED: the
      // next worker's sweep sends it again.
      if (stopping) throw new Error("worker is stopping");
      await waitForRoom();
      if (stopping) throw new Error("worker is stopping");
      begin(job.data.generationId);
    }
  };

  const workerId = await boss.work<GenerationJob>(
    GENERATION_QUEUE,
    { batchSize: FETCH_BATCH, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2 },
    handle,
  );
  // A sent job wakes the fetch loop at once (the sender NOTIFYs); the poll stays as the fallback
  // for a lost notification or a listening connection that is reconnecting.
  const stopWaking = await getListener()
    .subscribe(JOBS_CHANNEL, () => boss.notifyWorker(workerId))
    .catch((err: unknown) => {
      log.warn({ err }, "worker: no wake-up on new jobs; polling only");
      return () => undefined;
    });

  const stopMaintenance = startMaintenance(
    [
      { name: "recovery-sweep", intervalMs: options.sweepIntervalMs ?? env.RECOVERY_SWEEP_INTERVAL_SEC * 1000, run: () => sweepGenerations() },
      {
        name: "storage-sweep",
        intervalMs: env.STORAGE_SWEEP_INTERVAL_SEC * 1000,
        run: () => sweepOrphanFiles(getStorage(), { graceSec: env.STORAGE_SWEEP_GRACE_SEC }),
      },
    ],
    (task, err) => log.error({ err, task }, "maintenance task failed"),
  );
  log.info({ concurrency, queue: GENERATION_QUEUE }, "worker started");

  return ({ graceMs = env.WORKER_SHUTDOWN_GRACE_SEC * 1000 } = {}) => {
    stopping ??= (async () => {
      stopWaking();
      await boss.offWork(GENERATION_QUEUE);
      await stopMaintenance();
      if (running.size > 0) {
        log.info({ graceMs, running: running.size }, "worker stopping: waiting for running generations");
        await Promise.race([Promise.allSettled(running), new Promise((resolve) => setTimeout(resolve, graceMs).unref())]);
      }
      // Whatever is still running is failed now as interrupted, rather than left for the next sweep.
      shutdown.abort();
      await Promise.allSettled(running);
      globalForWorker.atelierWorker = undefined;
      log.info("worker stopped");
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
 * "Now" is the database's clock, the one every worker's heartbeat is judged by.
 */
export async function sweepGenerations(
  opts: { now?: Date; enqueue?: (generationId: string) => Promise<unknown> } = {},
): Promise<SweepResult> {
  const now = opts.now ?? (await databaseNow());
  const enqueue = opts.enqueue ?? enqueueGeneration;

  const interrupted = await interruptStaleRuns(new Date(now.getTime() - env.GENERATION_STALE_AFTER_SEC * 1000), INTERRUPTED_MESSAGE, now);
  if (interrupted > 0) log.warn({ interrupted }, "orphaned generations marked as interrupted");

  const waiting = await queuedSince(new Date(now.getTime() - REQUEUE_AFTER_MS));
  let requeued = 0;
  for (const id of waiting) {
    if ((await enqueue(id)) !== null) requeued++;
  }
  return { interrupted, requeued };
}
