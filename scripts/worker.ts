import { createServer } from "node:http";

import { env } from "@/lib/env";
import { stopQueue } from "@/lib/jobs/queue";
import { startWorker } from "@/lib/jobs/worker";
import { log } from "@/lib/log";
import { hasMetricsToken, renderMetrics } from "@/lib/metrics";

/**
 * The generation worker as its own process (production, where the web runs no jobs):
 * `tsx --conditions=react-server scripts/worker.ts`. The condition makes `server-only` resolve to
 * its empty module, as inside Next's server bundles. SIGTERM/SIGINT stop taking jobs and let
 * running generations finish for WORKER_SHUTDOWN_GRACE_SEC, then fail the rest as interrupted;
 * a second signal exits at once.
 */
async function main() {
  const stopWorker = await startWorker();
  const metricsServer = env.WORKER_METRICS_PORT && env.METRICS_TOKEN ? serveMetrics(env.WORKER_METRICS_PORT, env.METRICS_TOKEN) : null;
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(1);
    stopping = true;
    log.info({ signal }, "worker signalled: stopping");
    metricsServer?.close();
    stopWorker()
      .then(stopQueue)
      .then(
        () => process.exit(0),
        (err: unknown) => {
          log.error({ err }, "unclean stop");
          process.exit(1);
        },
      );
  };
  process.on("SIGTERM", onSignal);
  process.on("SIGINT", onSignal);
}

/** The worker has no web server: its metrics get a tiny one, behind the same token as /api/metrics. */
function serveMetrics(port: number, token: string) {
  const server = createServer((req, res) => {
    if (req.url !== "/metrics" || !hasMetricsToken(req.headers.authorization ?? null, token)) {
      res.writeHead(404).end();
      return;
    }
    renderMetrics().then(
      ({ body, contentType }) => res.writeHead(200, { "Content-Type": contentType }).end(body),
      (err: unknown) => {
        log.error({ err }, "metrics failed");
        res.writeHead(500).end();
      },
    );
  });
  server.listen(port);
  return server;
}

main().catch((err: unknown) => {
  log.fatal({ err }, "worker could not start");
  process.exit(1);
});
