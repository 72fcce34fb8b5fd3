import "server-only";
import { timingSafeEqual } from "node:crypto";

import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";

import { db, dbPool } from "@/lib/db";

/**
 * Prometheus metrics of this process. Counters are per process (Prometheus sums the web servers'
 * and workers' scrapes); the queue gauges are read from the database at scrape time, so any one
 * process reports the whole queue. Others record through the small functions below.
 */
function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "atelier_process_" });

  const runs = new Counter({
    name: "atelier_generation_runs_total",
    help: "Generation runs finished, by outcome and failure class",
    labelNames: ["outcome", "failure_class"] as const,
    registers: [registry],
  });
  const relayLatency = new Histogram({
    name: "atelier_relay_request_duration_seconds",
    help: "Time to an answer from the image relay, by outcome",
    labelNames: ["outcome"] as const,
    buckets: [1, 5, 15, 30, 60, 120, 240, 360, 600],
    registers: [registry],
  });
  const rateLimited = new Counter({
    name: "atelier_relay_rate_limited_total",
    help: "429 answers from the image relay",
    registers: [registry],
  });
  const uploads = new Counter({ name: "atelier_uploads_total", help: "Reference images stored", registers: [registry] });
  const uploadBytes = new Histogram({
    name: "atelier_upload_bytes",
    help: "Size of stored reference images",
    buckets: [64e3, 256e3, 1e6, 4e6, 16e6, 64e6],
    registers: [registry],
  });

  new Gauge({
    name: "atelier_db_pool_connections",
    help: "This process's Prisma pool: open, idle and waiting clients",
    labelNames: ["state"] as const,
    registers: [registry],
    collect() {
      this.set({ state: "total" }, dbPool.totalCount);
      this.set({ state: "idle" }, dbPool.idleCount);
      this.set({ state: "in_use" }, dbPool.totalCount - dbPool.idleCount);
      this.set({ state: "waiting" }, dbPool.waitingCount);
    },
  });
  new Gauge({
    name: "atelier_queue_generations",
    help: "Generations waiting (QUEUED) or running (RUNNING), across all workers",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const rows = await db.generation.groupBy({ by: ["status"], where: { status: { in: ["QUEUED", "RUNNING"] } }, _count: true });
      for (const status of ["QUEUED", "RUNNING"] as const) {
        this.set({ status }, rows.find((r) => r.status === status)?._count ?? 0);
      }
    },
  });
  new Gauge({
    name: "atelier_queue_oldest_age_seconds",
    help: "How long the oldest QUEUED generation has waited (0 when none), by the database's clock",
    registers: [registry],
    async collect() {
      const [row] = await db.$queryRaw<{ age: number | null }[]>`
        SELECT EXTRACT(EPOCH FROM (now() AT TIME ZONE 'UTC') - min("createdAt"))::float8 AS age
        FROM "Generation" WHERE status = 'QUEUED'`;
      this.set(Math.max(0, row?.age ?? 0));
    },
  });

  return { registry, runs, relayLatency, rateLimited, uploads, uploadBytes };
}

// Next bundles route handlers and instrumentation as separate module graphs: one registry per process.
const globalForMetrics = globalThis as unknown as { atelierMetrics?: ReturnType<typeof createMetrics> };
const metrics = (globalForMetrics.atelierMetrics ??= createMetrics());

/** A generation run ended: outcome "succeeded" | "failed" | …, and its failure class when it failed. */
export function recordRun(outcome: string, failureClass?: string | null): void {
  metrics.runs.inc({ outcome, failure_class: failureClass ?? "" });
}

/** One call to the relay answered (or failed) after `seconds`; a 429 also counts as rate limited. */
export function recordRelayCall(seconds: number, outcome: string): void {
  metrics.relayLatency.observe({ outcome }, seconds);
  if (outcome === "rate_limited") metrics.rateLimited.inc();
}

export function recordUpload(bytes: number): void {
  metrics.uploads.inc();
  metrics.uploadBytes.observe(bytes);
}

/** Whether a request carries `Authorization: Bearer <token>` for this token (constant time). */
export function hasMetricsToken(authorization: string | null, token: string): boolean {
  const given = Buffer.from(authorization?.replace(/^Bearer\s+/i, "") ?? "");
  const wanted = Buffer.from(token);
  return given.length === wanted.length && timingSafeEqual(given, wanted);
}

/** The exposition text and its content type. */
export async function renderMetrics(): Promise<{ body: string; contentType: string }> {
  return { body: await metrics.registry.metrics(), contentType: metrics.registry.contentType };
}
