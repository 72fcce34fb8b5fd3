import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { createLocalStorage } from "@/lib/storage/local";
import { startEmbeddedPostgres } from "./db/embedded";
import { applyMigrations } from "./db/schema-engine";
import { benchAtScale } from "./bench-gallery-scale";
import { capturingClient, ms, planOf, printTable, quantile } from "./bench-report";
import { seedGallery } from "./seed-gallery";

/**
 * `npm run bench`: the gallery's queries against 10,000 generations in a fresh embedded
 * PostgreSQL, then one worker's generations in flight against a slow relay (bench-in-flight.ts). It measures the data functions the pages call (lib/data/gallery.ts), not copies of
 * their SQL, prints median and p95 over RUNS runs, and the plan of each generations query.
 *
 * Those functions import `server-only`, which resolves to its empty module only under the
 * react-server condition (as in Next's server bundle), so the measuring half runs in a child
 * process started with that condition: `node --conditions=react-server --import tsx`.
 */
const root = path.resolve(import.meta.dirname, "..");
const GENERATIONS = 10_000;
const NOISE = 3_000;
const WARMUP = 5;
const RUNS = 50;
const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54340);

/** BENCH_SKIP=pages,push,scale,in-flight leaves parts out while working on another. */
const skipped = (part: string) => (process.env.BENCH_SKIP ?? "").split(",").includes(part);

async function prepare() {
  if (!skipped("pages")) {
    const { benchPages } = await import("./bench-pages");
    const rows = await benchPages();
    console.log("\nPages and uploads (production builds, Chromium, loopback):\n");
    printTable(["measure", "value"], rows);
  }
  if (!skipped("push")) {
    const { benchPush } = await import("./bench-push");
    // The pages half built the app into the same .next-bench; it is served again, not rebuilt.
    const rows = await benchPush({ build: skipped("pages") });
    console.log("\nClick Generate → image on screen (production build, Chromium, stand-in at 300 ms):\n");
    printTable(["measure", "value"], rows);
  }
  const dataDir = path.join(root, ".data/bench-postgres");
  await rm(dataDir, { recursive: true, force: true });
  const storageDir = await mkdtemp(path.join(os.tmpdir(), "atelier-bench-"));
  const database = await startEmbeddedPostgres({ dataDir, port: PG_PORT, database: "atelier_bench", persistent: false });
  try {
    await applyMigrations(database.url);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: database.url }) });
    const [owner, teammate, stranger] = await Promise.all(
      ["owner", "teammate", "stranger"].map((name) => db.user.create({ data: { name, email: `${name}@bench.test` } })),
    );
    await db.workspace.create({
      data: {
        slug: "bench",
        name: "Bench",
        memberships: { create: [{ userId: owner!.id, role: "OWNER" }, { userId: teammate!.id, role: "EDITOR" }] },
      },
    });
    // Another tenant's rows in the same tables, so "this workspace" is a real filter.
    await db.workspace.create({ data: { slug: "noise", name: "Noise", memberships: { create: { userId: stranger!.id, role: "OWNER" } } } });
    const storage = createLocalStorage({ rootDir: storageDir });
    const t0 = performance.now();
    const seeded = await seedGallery({ databaseUrl: database.url, workspace: "bench", count: GENERATIONS, storage });
    await seedGallery({ databaseUrl: database.url, workspace: "noise", count: NOISE, storage });
    console.log(`seeded ${seeded.generations} generations (${seeded.images} images) + ${NOISE} elsewhere in ${Math.round(performance.now() - t0)} ms`);

    // A few hundred favourites spread through the history.
    const images = await db.generationImage.findMany({
      where: { generation: { workspace: { slug: "bench" } } },
      select: { id: true },
      orderBy: { id: "asc" },
    });
    await db.favorite.createMany({ data: images.filter((_, i) => i % 47 === 0).map((i) => ({ userId: owner!.id, generationImageId: i.id })) });
    // As autovacuum would have by now: statistics, and the trigram index's pending list merged in
    // (rows inserted in bulk wait there, and the planner rightly shuns an index with a long one).
    await db.$executeRawUnsafe("VACUUM ANALYZE");
    await db.$disconnect();

    const child = (flag: string) => {
      const started = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", import.meta.filename, flag], {
        cwd: root,
        stdio: "inherit",
        env: { ...process.env, DATABASE_URL: database.url, NODE_ENV: "test", BENCH_VIEWER: owner!.id, STORAGE_DIR: storageDir },
      });
      return new Promise<number>((resolve) => started.on("exit", (code) => resolve(code ?? 1)));
    };
    const gallery = await child("--measure");
    const scale = skipped("scale") ? 0 : await benchAtScale(database.url, owner!.id, child);
    // Its own process: the gallery half's query log and warm caches stay out of the worker's numbers.
    const worker = skipped("in-flight") ? 0 : await child("--in-flight");
    process.exitCode = gallery || scale || worker;
  } finally {
    await database.stop();
    await rm(storageDir, { recursive: true, force: true });
  }
}

async function measure() {
  const url = process.env.DATABASE_URL!;
  const { client, captured } = capturingClient(url);

  const { listGalleryPage, listMyGalleryPage } = await import("@/lib/data/gallery/read");
  const { getWorkspaceAccess } = await import("@/lib/data/workspaces");
  const { DEFAULT_FILTERS, decodeCursor } = await import("@/lib/validations/gallery");
  const viewer = await client.user.findUniqueOrThrow({
    where: { id: process.env.BENCH_VIEWER! },
    select: { id: true, name: true, email: true, image: true },
  });
  const workspace = (await getWorkspaceAccess(viewer, "bench"))!;
  const deep = await client.generation.findFirstOrThrow({
    where: { workspaceId: workspace.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    skip: GENERATIONS / 2,
    select: { createdAt: true, id: true },
  });
  const cursor = decodeCursor(`${deep.createdAt.getTime()}.${deep.id}`);

  const cases: [string, () => Promise<unknown>][] = [
    ["first page (the gallery page)", () => listGalleryPage(viewer, workspace, DEFAULT_FILTERS)],
    ["page at generation 5,000 (keyset)", () => listGalleryPage(viewer, workspace, DEFAULT_FILTERS, { cursor })],
    ["search “lighthouse” (~4% match)", () => listGalleryPage(viewer, workspace, { ...DEFAULT_FILTERS, q: "lighthouse" })],
    ["search “comet” (0.1% match)", () => listGalleryPage(viewer, workspace, { ...DEFAULT_FILTERS, q: "comet" })],
    ["filter mine + landscape", () => listGalleryPage(viewer, workspace, { ...DEFAULT_FILTERS, who: "me", size: "1536x1024" })],
    ["filter portrait (real shape)", () => listGalleryPage(viewer, workspace, { ...DEFAULT_FILTERS, size: "1024x1536" })],
    ["filter square, failed + done", () => listGalleryPage(viewer, workspace, { ...DEFAULT_FILTERS, size: "1024x1024", status: "all" })],
    ["filter favourites", () => listGalleryPage(viewer, workspace, { ...DEFAULT_FILTERS, favorites: true })],
    ["My gallery (all workspaces)", () => listMyGalleryPage(viewer, DEFAULT_FILTERS)],
  ];

  const explain = new pg.Client({ connectionString: url });
  await explain.connect();
  const rows: string[][] = [];
  let seqScan = false;
  for (const [name, run] of cases) {
    for (let i = 0; i < WARMUP; i++) await run();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await run();
      times.push(performance.now() - t);
    }
    captured.length = 0;
    await run();
    const main = captured.find((c) => /FROM "public"\."Generation"/.test(c.query) && /ORDER BY/.test(c.query));
    const plan = main ? await planOf(explain, main) : ["(no plan captured)"];
    if (plan.some((line) => /Seq Scan on Generation$/.test(line))) seqScan = true;
    times.sort((a, b) => a - b);
    rows.push([name, ms(quantile(times, 0.5)), ms(quantile(times, 0.95)), plan.join(" → ")]);
  }
  await explain.end();
  await client.$disconnect();

  console.log(`\n${GENERATIONS.toLocaleString("en")} generations in the workspace; ${RUNS} runs each after ${WARMUP} warm-up runs.\n`);
  printTable(["query (whole data function)", "median ms", "p95 ms", "plan of the generations query"], rows);
  if (seqScan) {
    console.error("\nA generations query fell back to a sequential scan.");
    process.exitCode = 1;
  }
}

async function inFlight() {
  const { benchInFlight } = await import("./bench-in-flight");
  const rows = await benchInFlight();
  console.log("\nOne worker process against a slow relay (stand-in over loopback HTTP):\n");
  printTable(["measure", "value"], rows);
}

const measureScale = () => import("./bench-gallery-scale").then((m) => m.measureScale());
const mode = process.argv.includes("--measure")
  ? measure
  : process.argv.includes("--scale")
    ? measureScale
    : process.argv.includes("--in-flight")
      ? inFlight
      : prepare;
mode().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
