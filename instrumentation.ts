/**
 * Next calls register() once per server process, before it serves requests. The generation worker
 * runs here unless RUN_WORKER_IN_WEB=false (then `scripts/worker.ts` runs it as its own process).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { env } = await import("@/lib/env");
  if (!env.RUN_WORKER_IN_WEB) return;
  const { startWorker } = await import("@/lib/jobs/worker");
  // Not awaited: pages are served even while the database is slow or down; generations simply
  // wait QUEUED until a worker is running.
  startWorker().catch((error: unknown) => {
    console.error("[jobs] could not start the worker in the web process:", error);
  });
}
