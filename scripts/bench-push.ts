import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium, type Browser, type Page } from "@playwright/test";
import pg from "pg";
import { startServices } from "./services";

/**
 * The "click Generate → image on screen" row of `npm run bench` (issue #13), from outside: a
 * production build, Chromium, the stand-in answering in 300 ms. Timed in the page from the click
 * to the result's <img> being decoded on the Create page, RUNS times with the tab's live stream
 * and RUNS times with the stream blocked (the page falls back to polling the list, as every page
 * did before the stream), in the same run. The baseline is the endpoint's own time: the same
 * request sent straight to the stand-in, measured in the same run; the row reports the time
 * beyond it and that as a ratio of it.
 */
const root = path.resolve(import.meta.dirname, "..");
const APP_PORT = Number(process.env.BENCH_PUSH_PORT ?? 3350);
const STAND_IN_PORT = APP_PORT + 1;
const PG_PORT = Number(process.env.BENCH_PUSH_PG_PORT ?? 54343);
const LATENCY_MS = 300;
const WARMUP = 2;
const RUNS = Number(process.env.BENCH_PUSH_RUNS ?? 15);
const DIST_DIR = ".next-bench";
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
const ms = (x: number) => `${Math.round(x)} ms`;

/** `build: false` serves an existing production build in `distDir` (one made earlier in the same run). */
export async function benchPush({ build = true, distDir = DIST_DIR }: { build?: boolean; distDir?: string } = {}): Promise<string[][]> {
  if (build) await run(["build"], { NEXT_DIST_DIR: distDir });
  const services = await startServices({
    dataDir: ".data/bench-push-postgres",
    dbPort: PG_PORT,
    fresh: true,
    standInPort: STAND_IN_PORT,
    standInLatencyMs: LATENCY_MS,
    standInFieldModels: [],
    log: () => {},
  });
  const storageDir = await mkdtemp(path.join(os.tmpdir(), "atelier-bench-push-"));
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  try {
    const appUrl = `http://localhost:${APP_PORT}`;
    server = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(APP_PORT)], {
      cwd: root,
      stdio: "ignore",
      env: { ...process.env, ...services.env, NEXT_DIST_DIR: distDir, APP_URL: appUrl, STORAGE_DIR: storageDir, RUN_WORKER_IN_WEB: "true", LOG_LEVEL: "warn" },
    });
    await ready(`${appUrl}/`);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs });
    const page = await (await browser.newContext({ baseURL: appUrl })).newPage();
    await signUp(page);

    const endpoint = await endpointTimes(services.env);
    await page.waitForSelector("html[data-live=open]");
    const stream = await timedRuns(page, "stream");
    const parts = await serverParts(services.env.DATABASE_URL!, "bench stream %");
    const image = { asked: median(imageTimes.map((t) => t.asked)), fetched: median(imageTimes.map((t) => t.fetched)) };
    await page.route("**/api/events", (route) => route.abort());
    await page.reload();
    await page.waitForSelector("html[data-live=down]");
    const polling = await timedRuns(page, "poll");

    const base = median(endpoint);
    const beyond = (xs: number[]) => median(xs) - base;
    return [
      ["endpoint's own time (the same request straight to the stand-in), p50", ms(base)],
      ["click Generate → image on screen, live stream, p50", `${ms(median(stream))}: ${ms(beyond(stream))} beyond the endpoint = ${(beyond(stream) / base).toFixed(2)}× its time`],
      ["the same with the stream blocked (polling fallback), p50", `${ms(median(polling))}: ${ms(beyond(polling))} beyond = ${(beyond(polling) / base).toFixed(2)}×`],
      [
        "where the live-stream time goes (server side, p50 of each part)",
        `row written → worker starts ${ms(parts.pickup)}; → call sent ${ms(parts.permit)}; the call with its results copied and stored ${ms(parts.call)}; ` +
          `→ generation settled ${ms(parts.store)}; the rest (the action's round trip, the push, the render, the image's request and decode) ` +
          `${ms(median(stream) - parts.pickup - parts.permit - parts.call - parts.store)}`,
      ],
      [
        "the result's image in the page, live stream (p50)",
        `asked for ${ms(image.asked)} after the click; its request took ${ms(image.fetched)}; shown ${ms(median(stream) - image.asked - image.fetched)} after it arrived`,
      ],
    ];
  } finally {
    await browser?.close();
    server?.kill("SIGTERM");
    if (server && server.exitCode === null) await new Promise((resolve) => server!.on("exit", resolve));
    await services.stop();
    await rm(storageDir, { recursive: true, force: true });
  }
}

/** The server's share of each timed run, from the generation's and its call's own timestamps. */
async function serverParts(databaseUrl: string, promptLike: string) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ pickup: number; permit: number; call: number; store: number }>(
      `SELECT extract(epoch FROM g."startedAt" - g."createdAt") * 1000 AS pickup,
              extract(epoch FROM c."startedAt" - g."startedAt") * 1000 AS permit,
              extract(epoch FROM c."finishedAt" - c."startedAt") * 1000 AS call,
              extract(epoch FROM g."finishedAt" - c."finishedAt") * 1000 AS store
         FROM "Generation" g JOIN "ImageCall" c ON c."generationId" = g."id"
        WHERE g."prompt" LIKE $1 AND g."status" = 'SUCCEEDED'
        ORDER BY g."createdAt" OFFSET ${WARMUP}`,
      [promptLike],
    );
    const p50 = (key: keyof (typeof rows)[number]) => median(rows.map((r) => Number(r[key])));
    return { pickup: p50("pickup"), permit: p50("permit"), call: p50("call"), store: p50("store") };
  } finally {
    await client.end();
  }
}

/** The endpoint's own time: the request the worker sends, straight to the stand-in. */
async function endpointTimes(env: Record<string, string>): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const started = performance.now();
    const res = await fetch(`${env.IMAGE_API_BASE_URL!.replace(/\/$/, "")}/v1/images/generations`, {
      method: "POST",
      headers: { authorization: `Bearer ${env.IMAGE_API_KEY}`, "content-type": "application/json" },
      body: JSON.stringify({ model: "gpt-image-2-all", prompt: `baseline ${i}`, size: "1024x1024", n: 1 }),
    });
    if (!res.ok) throw new Error(`stand-in answered ${res.status}`);
    await res.arrayBuffer();
    if (i >= WARMUP) times.push(performance.now() - started);
  }
  return times;
}

async function timedRuns(page: Page, label: string): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const prompt = `bench ${label} ${i} ${Date.now()}`;
    await page.getByLabel("Prompt").fill(prompt);
    // The clock starts in the page, at the click itself.
    await page.evaluate(`document.addEventListener("click", () => { window.clickedAt = performance.now(); }, { capture: true, once: true })`);
    await page.getByRole("button", { name: "Generate" }).click();
    // A string, not a function: tsx's esbuild wraps named inner functions in a `__name` helper
    // that exists only in Node, so a transpiled function would throw in the page.
    const elapsed = (await page.evaluate(`new Promise((resolve) => {
      const text = ${JSON.stringify(prompt)};
      const check = () => {
        const card = [...document.querySelectorAll("[data-testid=generation]")].find((c) => c.textContent?.includes(text));
        const img = card?.querySelector("img[data-testid=generation-image]");
        if (img?.complete && img.naturalWidth > 0) {
          const done = performance.now();
          // The image's own request: when the page asked for it, and how long the file took.
          const entry = performance.getEntriesByName(img.currentSrc).at(-1);
          resolve({ total: done - window.clickedAt, asked: entry ? entry.startTime - window.clickedAt : NaN, fetched: entry ? entry.responseEnd - entry.startTime : NaN });
        }
        else requestAnimationFrame(check);
      };
      check();
    })`)) as { total: number; asked: number; fetched: number };
    if (i >= WARMUP) {
      times.push(elapsed.total);
      imageTimes.push(elapsed);
    }
  }
  return times;
}

/** Per timed run: when the page asked for the result's image (after the click) and how long that request took. */
const imageTimes: { total: number; asked: number; fetched: number }[] = [];

async function signUp(page: Page) {
  const email = `bench-push-${Date.now()}@bench.test`;
  const password = "correct horse battery";
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Bench");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/create$/);
}

function run(args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(root, "node_modules/.bin/next"), args, { cwd: root, stdio: "ignore", env: { ...process.env, ...env } });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`next ${args.join(" ")} exited with ${code}`))));
  });
}

async function ready(url: string, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}
