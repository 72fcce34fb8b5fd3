import { stopQueue } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";

/**
 * The generation worker as its own process (run the web with RUN_WORKER_IN_WEB=false):
 * `tsx --conditions=react-server scripts/worker.ts`. The condition makes `server-only` resolve to
 * its empty module, as inside Next's server bundles. SIGTERM/SIGINT let running generations finish
 * for a while, then fail the rest as interrupted; a second signal exits at once.
 */
async function main() {
  const stopWorker = await startWorker();
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`[jobs] ${signal}: stopping`);
    stopWorker()
      .then(stopQueue)
      .then(
        () => process.exit(0),
        (error: unknown) => {
          console.error("[jobs] unclean stop:", error);
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

main().catch((error: unknown) => {
  console.error("[jobs] worker could not start:", error);
  process.exit(1);
});
