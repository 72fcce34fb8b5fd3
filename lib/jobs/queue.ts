import "server-only";
import PgBoss from "pg-boss";

import { env } from "@/lib/env";
import { maxRunMs } from "@/lib/jobs/limits";
import { queuedInWorkspace } from "@/lib/jobs/recovery";
import { JOBS_CHANNEL } from "@/lib/live/listener";

export const GENERATION_QUEUE = "generation";

export interface GenerationJob {
  generationId: string;
}

const queueOptions: PgBoss.Queue = {
  name: GENERATION_QUEUE,
  // "short": at most one waiting job per singletonKey, so a repeated send (a double submit, the
  // sweep re-sending a QUEUED generation) is dropped instead of queued twice.
  policy: "short",
  // Our code decides retries: a failed request may already have produced (and billed) images, so
  // the queue must never repeat one on its own.
  retryLimit: 0,
  expireInSeconds: Math.ceil(maxRunMs({ timeoutMs: env.IMAGE_API_TIMEOUT_MS, maxRetries: env.IMAGE_API_MAX_RETRIES }) / 1000),
};

// Next bundles instrumentation and server actions as separate module graphs (and dev reloads
// modules), so the one instance per process lives on globalThis, not in module scope.
const globalForQueue = globalThis as unknown as { atelierQueue?: Promise<PgBoss> };

async function start({ maintenance }: { maintenance: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: env.DATABASE_URL,
    application_name: "atelier-jobs",
    // pg-boss's own pool (default 10); its queries are short, so a few serve every poller.
    max: env.QUEUE_POOL_MAX,
    // Queue maintenance (expiring, archiving) and cron run in workers only; a web server just sends.
    supervise: maintenance,
    schedule: maintenance,
  });
  // pg-boss reports connection losses here (a database restart, or the dev database stopping on
  // Ctrl-C before Next does); the message is what an operator needs, the pg client dump is not.
  boss.on("error", (error) => console.error(`[jobs] pg-boss error: ${error.message}`));
  try {
    await boss.start();
    await boss.createQueue(GENERATION_QUEUE, queueOptions);
    // createQueue leaves an existing queue as it was; this applies changed settings (e.g. a longer timeout).
    await boss.updateQueue(GENERATION_QUEUE, queueOptions);
  } catch (error) {
    await boss.stop({ graceful: false }).catch(() => undefined);
    throw error;
  }
  return boss;
}

/**
 * The process's pg-boss, started on first use; a failed start is retried on the next call. A
 * worker asks for `maintenance` (it starts before anything sends in the same process).
 */
export function getQueue({ maintenance = false }: { maintenance?: boolean } = {}): Promise<PgBoss> {
  globalForQueue.atelierQueue ??= start({ maintenance }).catch((error: unknown) => {
    globalForQueue.atelierQueue = undefined;
    throw error;
  });
  return globalForQueue.atelierQueue;
}

/**
 * Asks a worker to run the generation. Resolves to the job id, or null when a job for it is
 * already waiting. Safe to repeat: the worker's claim runs a generation only while it is QUEUED.
 */
export async function enqueueGeneration(generationId: string): Promise<string | null> {
  const boss = await getQueue();
  const job: GenerationJob = { generationId };
  // Fairness at the queue: pg-boss hands out higher priorities first, so a workspace's 50th
  // waiting generation goes behind another workspace's first.
  const priority = -(await queuedInWorkspace(generationId));
  const id = await boss.send(GENERATION_QUEUE, job, { singletonKey: generationId, priority });
  // Wakes every worker's fetch loop now rather than at its next poll (lib/jobs/worker.ts listens).
  if (id !== null) await boss.getDb().executeSql("SELECT pg_notify($1, '')", [JOBS_CHANNEL]);
  return id;
}

/**
 * For request handlers that have just stored a QUEUED generation: the row is the source of truth,
 * so when the queue is briefly unreachable the worker's sweep re-sends it and the request is not
 * lost; the caller answers the person at once either way.
 */
export async function requestGenerationRun(generationId: string): Promise<void> {
  try {
    await enqueueGeneration(generationId);
  } catch (error) {
    console.error(`[jobs] enqueue of ${generationId} failed; the sweep will pick it up`, error);
  }
}

/** Closes the queue's connections; the next getQueue() starts a fresh instance. */
export async function stopQueue(): Promise<void> {
  const starting = globalForQueue.atelierQueue;
  globalForQueue.atelierQueue = undefined;
  const boss = await starting?.catch(() => undefined);
  await boss?.stop({ graceful: true, timeout: 5_000 });
}
