import { NextRequest } from "next/server";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

import { db } from "@/lib/db";
import { createGeneration, createOwner } from "@/lib/jobs/testing/fixtures";

// The route wrappers import Auth.js; the metrics route asks no session.
vi.mock("@/lib/auth", () => ({ getViewer: async () => null }));

afterEach(() => {
  vi.unstubAllEnvs();
});

afterAll(async () => {
  await db.$disconnect();
});

async function metricsRoute(token: string) {
  vi.stubEnv("METRICS_TOKEN", token);
  vi.resetModules();
  const { GET } = await import("@/app/api/metrics/route");
  const metrics = await import("@/lib/metrics");
  const get = (authorization?: string) =>
    GET(new NextRequest("http://localhost/api/metrics", { headers: authorization ? { authorization } : {} }), { params: Promise.resolve({}) });
  return { get, metrics };
}

describe("GET /api/metrics", () => {
  it("is not there without METRICS_TOKEN, and refuses a missing or wrong token", async () => {
    expect((await (await metricsRoute("")).get("Bearer x")).status).toBe(404);
    const { get } = await metricsRoute("s3cret-token");
    expect((await get()).status).toBe(401);
    expect((await get("Bearer s3cret-tokeN")).status).toBe(401);
  });

  it("serves what was recorded and the queue read from the database", async () => {
    const { get, metrics } = await metricsRoute("s3cret-token");
    const owner = await createOwner();
    await createGeneration(owner, { createdAt: new Date(Date.now() - 120_000) });
    metrics.recordUpload(300_000);
    metrics.recordRun("failed", "rate_limited");
    metrics.recordRelayCall(2.5, "rate_limited");

    const response = await get("Bearer s3cret-token");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^atelier_uploads_total 1$/m);
    expect(text).toMatch(/^atelier_upload_bytes_bucket\{le="1000000"\} 1$/m);
    expect(text).toMatch(/^atelier_generation_runs_total\{outcome="failed",failure_class="rate_limited"\} 1$/m);
    expect(text).toMatch(/^atelier_relay_request_duration_seconds_count\{outcome="rate_limited"\} 1$/m);
    expect(text).toMatch(/^atelier_relay_rate_limited_total 1$/m);
    expect(Number(/^atelier_queue_generations\{status="QUEUED"\} (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
    expect(Number(/^atelier_queue_oldest_age_seconds (\S+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(119);
    expect(text).toMatch(/^atelier_db_pool_connections\{state="in_use"\} \d+$/m);
  });
});
