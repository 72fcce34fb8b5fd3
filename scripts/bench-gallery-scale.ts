import { performance } from "node:perf_hooks";
import pg from "pg";
import { capturingClient, ms, planOf, printTable, quantile } from "./bench-report";

/**
 * The gallery at a million generations, against the 10,000 of scripts/bench.ts's workspace, in
 * the same database and the same run: a second workspace ("bench-1m", same members) gets COPIES
 * copies of the seeded rows, each further back in time, made inside PostgreSQL by three
 * INSERT … SELECT over generate_series (a million generations in a couple of minutes instead of
 * an hour of client batches). Columns are read from the catalogue, so a column added later is
 * copied along. The two workspaces are then measured in alternation, run by run, so the load of
 * a shared machine falls on both figures alike.
 */
const COPIES = Number(process.env.BENCH_GALLERY_COPIES ?? 100);
const BIG = "bench-1m";
/** A person's favourites: a few hundred, spread evenly through the whole history at either size. */
const FAVOURITES = 280;
const WARMUP = 5;
const RUNS = 50;

export async function growGallery(databaseUrl: string, from: string, to: string, copies: number) {
  const started = performance.now();
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("SET synchronous_commit = off");
    const { rows } = await client.query<{ source: string; target: string; span: string }>(
      `WITH source AS (SELECT id FROM "Workspace" WHERE slug = $1),
            target AS (INSERT INTO "Workspace" (id, slug, name, "updatedAt") VALUES (gen_random_uuid()::text, $2, $2, now()) RETURNING id),
            members AS (INSERT INTO "Membership" (id, "userId", "workspaceId", role)
                        SELECT gen_random_uuid()::text, m."userId", (SELECT id FROM target), m.role
                          FROM "Membership" m WHERE m."workspaceId" = (SELECT id FROM source))
       SELECT (SELECT id FROM source) AS source, (SELECT id FROM target) AS target,
              (SELECT extract(epoch FROM max("createdAt") - min("createdAt")) * 1000 + 37000 FROM "Generation"
                WHERE "workspaceId" = (SELECT id FROM source)) AS span`,
      [from, to],
    );
    const ws = rows[0]!;
    const suffix = (col: string) => `t."${col}" || '~' || k`;
    const shifted = (col: string) => `t."${col}" - k * interval '${Math.round(Number(ws.span))} milliseconds'`;
    const target = () => `'${ws.target}'`;
    // Oldest copy first and in time order within it, as rows arrive in real life: a page's rows then
    // sit in neighbouring heap pages, instead of each beside its 99 copies from other years.
    const copy = async (table: string, overrides: Record<string, (col: string) => string>, where: string, order: string) => {
      const cols = await client.query<{ column_name: string }>(
        `SELECT column_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position`,
        [table],
      );
      const names = cols.rows.map((c) => c.column_name);
      const values = names.map((c) => overrides[c]?.(c) ?? `t."${c}"`).join(", ");
      const result = await client.query(
        `INSERT INTO "${table}" (${names.map((c) => `"${c}"`).join(", ")})
         SELECT ${values} FROM "${table}" t, generate_series(0, $2::int - 1) k WHERE ${where} ORDER BY k DESC, ${order}`,
        [ws.source, copies],
      );
      return result.rowCount ?? 0;
    };
    await copy("Asset", { id: suffix, workspaceId: target, createdAt: shifted }, `t."workspaceId" = $1 AND t.kind IN ('RESULT', 'THUMB')`, `t."createdAt", t.id`);
    const generations = await copy(
      "Generation",
      { id: suffix, workspaceId: target, idempotencyKey: suffix, createdAt: shifted, startedAt: shifted, finishedAt: shifted },
      `t."workspaceId" = $1`,
      `t."createdAt", t.id`,
    );
    const images = await copy(
      "GenerationImage",
      { id: suffix, generationId: suffix, assetId: suffix, thumbAssetId: suffix },
      `t."generationId" IN (SELECT id FROM "Generation" WHERE "workspaceId" = $1)`,
      // Seeded ids count up into the past (seed-gallery.ts), so descending ids run oldest first.
      `t."generationId" DESC, t.index`,
    );
    return { generations, images, ms: performance.now() - started };
  } finally {
    await client.end();
  }
}

/** Grows BIG from the seeded workspace, spreads the viewer's favourites through it, then measures (in a child with the react-server condition). */
export async function benchAtScale(databaseUrl: string, viewerId: string, measure: (flag: string) => Promise<number>) {
  const grown = await growGallery(databaseUrl, "bench", BIG, COPIES);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const t0 = performance.now();
  await client.query(
    `INSERT INTO "Favorite" ("userId", "generationImageId")
     SELECT $1, id FROM (SELECT gi.id, row_number() OVER (ORDER BY g."createdAt", gi.id) AS r, count(*) OVER () AS total
                           FROM "GenerationImage" gi JOIN "Generation" g ON g.id = gi."generationId"
                           JOIN "Workspace" w ON w.id = g."workspaceId" WHERE w.slug = $3) s
     WHERE r % (total / $2) = 0`,
    [viewerId, FAVOURITES, BIG],
  );
  await client.query("VACUUM ANALYZE");
  await client.end();
  console.log(
    `\nseeded ${grown.generations.toLocaleString("en")} generations (${grown.images.toLocaleString("en")} images) into "${BIG}" in ${Math.round(grown.ms / 1000)} s; favourites and VACUUM ANALYZE ${Math.round((performance.now() - t0) / 1000)} s more`,
  );
  return measure("--scale");
}

export async function measureScale() {
  const url = process.env.DATABASE_URL!;
  const { client, captured } = capturingClient(url);
  const { listGalleryPage } = await import("@/lib/data/gallery/read");
  const { getWorkspaceAccess } = await import("@/lib/data/workspaces");
  const { DEFAULT_FILTERS } = await import("@/lib/validations/gallery");
  const viewer = await client.user.findUniqueOrThrow({
    where: { id: process.env.BENCH_VIEWER! },
    select: { id: true, name: true, email: true, image: true },
  });
  const small = (await getWorkspaceAccess(viewer, "bench"))!;
  const big = (await getWorkspaceAccess(viewer, BIG))!;
  const counts = await Promise.all([small, big].map((w) => client.generation.count({ where: { workspaceId: w.id } })));
  const favourites = await Promise.all(
    [small, big].map((w) => client.favorite.count({ where: { userId: viewer.id, image: { generation: { workspaceId: w.id } } } })),
  );
  const cases: [string, typeof DEFAULT_FILTERS][] = [
    ["gallery first page", DEFAULT_FILTERS],
    ["first page, favourites filter", { ...DEFAULT_FILTERS, favorites: true }],
    ["first page, mine + landscape", { ...DEFAULT_FILTERS, who: "me", size: "1536x1024" }],
  ];
  const explain = new pg.Client({ connectionString: url });
  await explain.connect();
  const rows: string[][] = [];
  let over = false;
  for (const [name, filters] of cases) {
    const at = (w: typeof small) => () => listGalleryPage(viewer, w, filters);
    for (let i = 0; i < WARMUP; i++) await Promise.all([at(small)(), at(big)()]);
    const times: [number[], number[]] = [[], []];
    for (let i = 0; i < RUNS; i++) {
      for (const [j, w] of [small, big].entries()) {
        const t = performance.now();
        await at(w)();
        times[j]!.push(performance.now() - t);
      }
    }
    captured.length = 0;
    await at(big)();
    const main = captured.find((c) => /FROM "public"\."Generation"/.test(c.query) && /ORDER BY/.test(c.query));
    const plan = main ? await planOf(explain, main) : ["(no plan captured)"];
    const [a, b] = times.map((t) => quantile(t.sort((x, y) => x - y), 0.5)) as [number, number];
    if (b / a > 1.2) over = true;
    rows.push([name, ms(a), ms(b), `${(b / a).toFixed(2)}×`, plan.join(" → ")]);
  }
  await explain.end();
  await client.$disconnect();
  console.log(
    `\n${counts[1]!.toLocaleString("en")} vs ${counts[0]!.toLocaleString("en")} generations (${favourites[1]} vs ${favourites[0]} favourites), one database, measured in alternation, median of ${RUNS} runs each:\n`,
  );
  printTable(["gallery query (whole data function)", "10k ms", "1M ms", "1M / 10k", "plan at 1M"], rows);
  if (over) console.error("\nA query at 1M is above 1.2× its 10k figure.");
}
