import { spawn, type ChildProcess } from "node:child_process";
import { randomUUID } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import sharp from "sharp";
import { startServices } from "./services";

/**
 * The page half of `npm run bench`, from outside, on production builds: the Create page's script
 * bytes over the wire on a cold cache and its LCP (Chromium), each against a minimal Next 16 +
 * React 19 + TanStack Query page (scripts/bench/minimal-app) built and served the same way in the
 * same run; and five 12 MP camera-like JPEGs picked at once on the Create page until all are
 * stored, against a plain sharp resize + WebP of the same files in this process.
 */
const root = path.resolve(import.meta.dirname, "..");
const minimalDir = path.join(root, "scripts/bench/minimal-app");
const APP_PORT = Number(process.env.BENCH_APP_PORT ?? 3340);
const MINIMAL_PORT = APP_PORT + 1;
const PG_PORT = Number(process.env.BENCH_PAGES_PG_PORT ?? 54341);
const STAND_IN_PORT = APP_PORT + 2;
const LOADS = 5;
const UPLOAD_RUNS = 3;
const PHOTOS = 5;
const distDir = ".next-bench";
const chromiumArgs = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

export async function benchPages(): Promise<string[][]> {
  await run("next build (app)", ["build"], root, { NEXT_DIST_DIR: distDir });
  await run("next build (minimal page)", ["build"], minimalDir, {});
  const services = await startServices({
    dataDir: ".data/bench-pages-postgres",
    dbPort: PG_PORT,
    fresh: true,
    standInPort: STAND_IN_PORT,
    standInLatencyMs: 300,
    standInFieldModels: [],
    log: () => {},
  });
  const storageDir = await mkdtemp(path.join(os.tmpdir(), "atelier-bench-pages-"));
  const servers: ChildProcess[] = [];
  let browser: Browser | undefined;
  try {
    const appUrl = `http://localhost:${APP_PORT}`;
    servers.push(
      start(root, APP_PORT, {
        ...services.env,
        NEXT_DIST_DIR: distDir,
        APP_URL: appUrl,
        STORAGE_DIR: storageDir,
        RUN_WORKER_IN_WEB: "true",
      }),
      // Next takes instrumentation.ts from the workspace root (the lockfile's directory, which the
      // minimal app shares with the app), so the minimal server parses the app's environment too;
      // with no worker in it, that is all it does. The browser's side is untouched by it.
      start(minimalDir, MINIMAL_PORT, { ...services.env, APP_URL: `http://localhost:${MINIMAL_PORT}`, RUN_WORKER_IN_WEB: "false" }),
    );
    await Promise.all([ready(`${appUrl}/`), ready(`http://localhost:${MINIMAL_PORT}/`)]);
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs });
    const { state, createUrl } = await signUp(browser, appUrl);

    const minimal = await loads(browser, `http://localhost:${MINIMAL_PORT}/`, undefined);
    const create = await loads(browser, createUrl, state);
    const gallery = await loads(browser, createUrl.replace(/\/create$/, "/gallery"), state);
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const rows = [
      ["Create page JS transferred, cold cache (gzip as served)", `${kb(create.scriptBytes)} in ${create.scripts} files vs minimal page ${kb(minimal.scriptBytes)} in ${minimal.scripts} (${ratio(create.scriptBytes, minimal.scriptBytes)})`],
      ["Gallery page JS transferred, cold cache", `${kb(gallery.scriptBytes)} in ${gallery.scripts} files (${ratio(gallery.scriptBytes, minimal.scriptBytes)} the minimal page)`],
      ["Create page LCP (median of 5 cold loads)", `${ms(create.lcp)} vs minimal page ${ms(minimal.lcp)} (${ratio(create.lcp, minimal.lcp)})`],
    ];
    rows.push(...(await benchUploads(browser, createUrl, state, appUrl)));
    return rows;
  } finally {
    await browser?.close();
    for (const server of servers) server.kill("SIGTERM");
    await Promise.all(servers.map((s) => new Promise((resolve) => (s.exitCode === null ? s.on("exit", resolve) : resolve(null)))));
    await services.stop();
    await rm(storageDir, { recursive: true, force: true });
  }
}

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** Median script bytes (encoded, as transferred) and LCP over LOADS loads, each in a new context: a cold HTTP cache. */
async function loads(browser: Browser, url: string, storageState: StorageState | undefined) {
  const samples: { scriptBytes: number; scripts: number; lcp: number }[] = [];
  for (let i = 0; i < LOADS; i++) {
    const context = await browser.newContext({ storageState });
    const page = await context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { lcp: number };
      w.lcp = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.lcp = entry.startTime;
      }).observe({ type: "largest-contentful-paint", buffered: true });
    });
    const scripts: Promise<number>[] = [];
    page.on("requestfinished", (request) => {
      if (request.resourceType() === "script") scripts.push(request.sizes().then((s) => s.responseBodySize));
    });
    await page.goto(url, { waitUntil: "networkidle" });
    const lcp = await page.evaluate(() => (window as unknown as { lcp: number }).lcp);
    const sizes = await Promise.all(scripts);
    samples.push({ scriptBytes: sizes.reduce((a, b) => a + b, 0), scripts: sizes.length, lcp });
    await context.close();
  }
  return {
    scriptBytes: median(samples.map((s) => s.scriptBytes)),
    scripts: median(samples.map((s) => s.scripts)),
    lcp: median(samples.map((s) => s.lcp)),
  };
}

async function signUp(browser: Browser, appUrl: string) {
  const context = await browser.newContext({ baseURL: appUrl });
  const page = await context.newPage();
  const id = randomUUID().slice(0, 8);
  const account = { name: `Bench ${id}`, email: `bench-${id}@example.test`, password: `correct horse ${id}` };
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill(account.name);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL(/\/sign-in/);
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/w\/[^/]+\/create$/);
  const createUrl = page.url();
  const state = await context.storageState();
  await context.close();
  return { state, createUrl };
}

/**
 * Five photos picked at once on the Create page → all five stored (201), as a person sees it
 * (the browser's downsizing included); the same files POSTed raw at once (the server's whole
 * path, as the API or an old browser would send them); and the baseline: sharp resizing them to
 * 2048 px WebP in this process.
 */
async function benchUploads(browser: Browser, createUrl: string, storageState: StorageState, appUrl: string) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "atelier-bench-photos-"));
  try {
    const photos = await Promise.all(Array.from({ length: PHOTOS }, (_, i) => cameraPhoto(i)));
    const files = await Promise.all(
      photos.map(async (bytes, i) => {
        const file = path.join(dir, `IMG_${1000 + i}.jpg`);
        await writeFile(file, bytes);
        return file;
      }),
    );
    const plain = await timed(UPLOAD_RUNS, () =>
      Promise.all(photos.map((bytes) => sharp(bytes).resize({ width: 2048, height: 2048, fit: "inside", withoutEnlargement: true }).webp().toBuffer())),
    );
    let sent = 0;
    const lastSent: number[] = [];
    const picked = await timed(UPLOAD_RUNS, async () => {
      const context = await browser.newContext({ storageState });
      const page = await context.newPage();
      await page.goto(createUrl);
      // Chromium reports no body size for a streamed multipart body; its Content-Length is exact.
      // Read as each request goes out: its response may come before its "requestfinished".
      const bodies: Promise<number>[] = [];
      // When the last upload leaves the browser: the browser's own work (decode, scale, encode) is done.
      let sentAt = 0;
      let t = 0;
      page.on("request", (request) => {
        if (request.method() !== "POST" || !request.url().endsWith("/uploads")) return;
        sentAt = performance.now() - t;
        bodies.push(request.headerValue("content-length").then(Number));
      });
      const stored = waitForUploads(page, PHOTOS);
      t = performance.now();
      await page.getByTestId("reference-input").setInputFiles(files);
      await stored;
      const elapsed = performance.now() - t;
      lastSent.push(sentAt);
      const sizes = await Promise.all(bodies);
      sent = sizes.reduce((a, b) => a + b, 0) / sizes.length;
      await context.close();
      return elapsed;
    });
    const cookie = storageState.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
    const uploadUrl = createUrl.replace(/\/create$/, "/uploads").replace(appUrl, `${appUrl}/api`);
    const raw = await timed(UPLOAD_RUNS, () =>
      Promise.all(
        photos.map(async (bytes, i) => {
          const form = new FormData();
          form.append("file", new Blob([new Uint8Array(bytes)], { type: "image/jpeg" }), `IMG_${1000 + i}.jpg`);
          const res = await fetch(uploadUrl, { method: "POST", body: form, headers: { cookie, origin: appUrl, "x-file-name": `IMG_${1000 + i}.jpg` } });
          if (res.status !== 201) throw new Error(`raw upload answered ${res.status}: ${await res.text()}`);
        }),
      ),
    );
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
    const average = photos.reduce((a, b) => a + b.length, 0) / photos.length;
    return [
      [`${PHOTOS} × 12 MP JPEGs (${mb(average)} each) picked on Create → all stored`, `${ms(picked)} vs plain sharp resize + WebP ${ms(plain)} (${ratio(picked, plain)}); ~${mb(sent)} sent per photo; the last left the browser at ${ms(median(lastSent))}`],
      [`the same ${PHOTOS} POSTed raw at once (no browser downsizing) → all stored`, `${ms(raw)} (${ratio(raw, plain)} the plain pipeline)`],
    ];
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function waitForUploads(page: Page, count: number) {
  return new Promise<void>((resolve, reject) => {
    let stored = 0;
    page.on("response", (response) => {
      if (response.request().method() !== "POST" || !response.url().endsWith("/uploads")) return;
      if (response.status() !== 201) reject(new Error(`an upload answered ${response.status()}`));
      else if (++stored === count) resolve();
    });
  });
}

/**
 * 4032 × 3024 like a phone's 12 MP camera, ~6.8 MB: a gradient under Gaussian noise at quality 95
 * compresses like a photo's detail does (a flat colour would be a few KB and decode in no time).
 */
async function cameraPhoto(seed: number): Promise<Buffer> {
  const width = 4032;
  const height = 3024;
  const noise = await sharp({ create: { width, height, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 34 } } })
    .raw()
    .toBuffer();
  const hue = (seed * 67) % 360;
  const gradient = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},60%,60%)"/><stop offset="1" stop-color="hsl(${(hue + 140) % 360},50%,30%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/></svg>`;
  return sharp(Buffer.from(gradient))
    .composite([{ input: noise, raw: { width, height, channels: 3 }, blend: "soft-light" }])
    .jpeg({ quality: 95 })
    .toBuffer();
}

async function timed(runs: number, f: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const reported = await f();
    times.push(typeof reported === "number" ? reported : performance.now() - t);
  }
  return median(times);
}

function run(label: string, args: string[], cwd: string, env: Record<string, string>): Promise<void> {
  const t = performance.now();
  const child = spawn(path.join(root, "node_modules/.bin/next"), args, { cwd, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, ...env, NEXT_TELEMETRY_DISABLED: "1" } });
  return new Promise((resolve, reject) =>
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`${label} failed (${code})`));
      console.log(`${label} in ${Math.round((performance.now() - t) / 1000)} s`);
      resolve();
    }),
  );
}

function start(cwd: string, port: number, env: Record<string, string>): ChildProcess {
  return spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(port)], {
    cwd,
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
  });
}

async function ready(url: string) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 250))) {
    if (await fetch(url).then((r) => r.status < 500, () => false)) return;
  }
  throw new Error(`${url} did not come up`);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const ms = (n: number) => `${Math.round(n)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
