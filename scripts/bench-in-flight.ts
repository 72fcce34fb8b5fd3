import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";

/**
 * The worker half of `npm run bench`: how many generations one worker process keeps in flight
 * against a slow relay, with the event loop's lag and the process's memory meanwhile. Real HTTP:
 * the stand-in runs as its own process on loopback with BENCH_RELAY_LATENCY_MS per call, the
 * worker is the real one (pg-boss, permits, ledger, downloads, thumbnails) on the bench database.
 * Bounded: GENERATIONS generations of one image each, and a deadline.
 *
 * Run by scripts/bench.ts with DATABASE_URL set and the react-server condition (lib/jobs imports
 * `server-only`).
 */
const GENERATIONS = Number(process.env.BENCH_GENERATIONS ?? 120);
const WORKSPACES = 4;
const LATENCY_MS = Number(process.env.BENCH_RELAY_LATENCY_MS ?? 20_000);
const STAND_IN_PORT = Number(process.env.BENCH_STAND_IN_PORT ?? 54342);
const DEADLINE_MS = LATENCY_MS * 3 + 60_000;
const root = path.resolve(import.meta.dirname, "..");

export async function benchInFlight(): Promise<string[][]> {
  const standIn = await startStandInProcess();
  const storageDir = await mkdtemp(path.join(os.tmpdir(), "atelier-bench-worker-"));
  // The worker's own lines (one per generation) would bury the numbers.
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (typeof args[0] === "string" && args[0].startsWith("[jobs]")) return;
    log(...args);
  };
  try {
    const { db } = await import("@/lib/db");
    const { enqueueGeneration, stopQueue } = await import("@/lib/jobs/queue");
    const { startWorker } = await import("@/lib/jobs/worker");
    const { createLocalStorage } = await import("@/lib/storage/local");
    const { resolveProfile } = await import("@/lib/image-api/profiles");

    const owners = await Promise.all(
      Array.from({ length: WORKSPACES }, async (_, i) => {
        const tag = randomUUID().slice(0, 8);
        const user = await db.user.create({ data: { email: `worker-bench-${tag}@bench.test`, name: `Bench ${i}` } });
        const workspace = await db.workspace.create({
          data: { slug: `worker-bench-${tag}`, name: `Worker bench ${i}`, memberships: { create: { userId: user.id, role: "OWNER" } } },
        });
        return { userId: user.id, workspaceId: workspace.id };
      }),
    );
    const ids: string[] = [];
    for (let i = 0; i <= GENERATIONS; i++) {
      const generation = await db.generation.create({
        data: {
          ...owners[i % WORKSPACES]!,
          prompt: `bench harbour ${i}`,
          sentPrompt: `bench harbour ${i}, square, 1:1 aspect ratio`,
          size: "1024x1024",
          n: 1,
          model: "gpt-image-2-all",
          idempotencyKey: randomUUID(),
          slots: { create: { index: 0 } },
        },
        select: { id: true },
      });
      ids.push(generation.id);
    }

    const lag = monitorEventLoopDelay({ resolution: LAG_RESOLUTION_MS });
    let peakRss = process.memoryUsage().rss;
    const rssAtStart = peakRss;
    let peakCalls = 0;
    let peakRunning = 0;
    const started = performance.now();
    const stop = await startWorker({
      concurrency: GENERATIONS + 8,
      pollingIntervalSeconds: 0.5,
      deps: {
        storage: createLocalStorage({ rootDir: storageDir }),
        imageApi: { baseUrl: standIn.url, apiKey: "stand-in-key", timeoutMs: LATENCY_MS + 120_000, maxRetries: 0 },
        profile: (model) => resolveProfile(model, {}),
        maxInFlight: GENERATIONS * 2,
      },
    });
    // One generation first, unmeasured: the first call loads sharp, undici and the modules tsx
    // compiles on first use, a one-off cost that is not the steady state being measured.
    const warmUp = ids.shift()!;
    await enqueueGeneration(warmUp);
    while ((await db.generation.count({ where: { id: warmUp, status: { in: ["SUCCEEDED", "FAILED"] } } })) === 0) {
      if (performance.now() - started > DEADLINE_MS) throw new Error("the warm-up generation did not finish");
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    lag.enable();
    const measured = performance.now();
    for (const id of ids) await enqueueGeneration(id);

    let done = 0;
    while (performance.now() - measured < DEADLINE_MS) {
      await new Promise((resolve) => setTimeout(resolve, 250));
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      const [calls, running, settled] = await Promise.all([
        db.imageCall.count({ where: { generationId: { in: ids }, finishedAt: null } }),
        db.generation.count({ where: { id: { in: ids }, status: "RUNNING" } }),
        db.generation.count({ where: { id: { in: ids }, status: { in: ["SUCCEEDED", "FAILED"] } } }),
      ]);
      peakCalls = Math.max(peakCalls, calls);
      peakRunning = Math.max(peakRunning, running);
      done = settled;
      if (done === GENERATIONS) break;
    }
    const elapsed = performance.now() - measured;
    lag.disable();
    const succeeded = await db.generation.count({ where: { id: { in: ids }, status: "SUCCEEDED" } });
    const failures = await db.generationSlot.groupBy({
      by: ["errorCode"],
      where: { generationId: { in: ids }, status: "FAILED" },
      _count: true,
    });
    const relayCalls = (await (await fetch(`${standIn.url}/__ledger`)).json()) as { entries: { path: string }[] };
    await stop({ graceMs: 0 });
    await stopQueue();
    await db.$disconnect();

    const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
    return [
      ["generations (n = 1, field profile), relay latency", `${GENERATIONS}, ${LATENCY_MS / 1000} s per call`],
      ["peak generations RUNNING in one worker", String(peakRunning)],
      ["peak calls in flight (ImageCall rows open)", String(peakCalls)],
      ["calls the relay received", String(relayCalls.entries.filter((e) => e.path === "/v1/images/generations").length)],
      ["succeeded / settled", `${succeeded} / ${done}${failures.length ? ` (failed: ${failures.map((f) => `${f.errorCode} ${f._count}`).join(", ")})` : ""}`],
      ["wall time, all settled", `${(elapsed / 1000).toFixed(1)} s (a serial worker: ${((GENERATIONS * LATENCY_MS) / 1000).toFixed(0)} s)`],
      // The histogram counts the sampling interval itself; the lag is what comes on top.
      ["event-loop lag p50 / p99 / max", `${lagMs(lag.percentile(50))} / ${lagMs(lag.percentile(99))} / ${lagMs(lag.max)} ms`],
      ["RSS at start / peak", `${mb(rssAtStart)} / ${mb(peakRss)}`],
    ];
  } finally {
    console.log = log;
    standIn.process.kill("SIGTERM");
    await rm(storageDir, { recursive: true, force: true });
  }
}

const LAG_RESOLUTION_MS = 10;
const lagMs = (ns: number) => Math.max(0, ns / 1e6 - LAG_RESOLUTION_MS).toFixed(1);

/** The stand-in as its own process, so its image rendering does not load the measured event loop. */
async function startStandInProcess(): Promise<{ url: string; process: ChildProcess }> {
  const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts/stand-in.ts")], {
    cwd: root,
    stdio: ["ignore", "pipe", "inherit"],
    env: { ...process.env, STAND_IN_PORT: String(STAND_IN_PORT), STAND_IN_HOST: "127.0.0.1", STAND_IN_LATENCY_MS: String(LATENCY_MS) },
  });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`stand-in exited with ${code}`)));
    child.stdout!.on("data", (chunk: Buffer) => {
      const found = /on (http:\/\/\S+)/.exec(chunk.toString());
      if (found) resolve(found[1]!);
    });
  });
  return { url, process: child };
}
