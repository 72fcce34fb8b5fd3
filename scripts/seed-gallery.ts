import { randomUUID } from "node:crypto";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import sharp from "sharp";
import { PrismaClient } from "@/lib/generated/prisma/client";
// The encoder itself, not the lib/images index: the index also brings the upload checks and their
// message catalogues (JSON modules), which the Playwright runner that calls seedGallery() cannot load.
import { describeImage, makeThumbnail } from "@/lib/images/encode";
import { shapeOf } from "@/lib/images/shape";
import { contentKey } from "@/lib/storage/keys";
import type { Storage } from "@/lib/storage/types";

/**
 * Fills a workspace's gallery with N finished generations, fast: rows go in with createMany in
 * batches, and every result points at one of a handful of real stored WebPs (content-addressed
 * keys may be shared by many asset rows), so thumbnails and originals load like real ones.
 *
 *   npm run seed:gallery -- --workspace <slug> --count 2000
 *
 * DATABASE_URL (and STORAGE_DIR / UPLOADTHING_TOKEN, as for the app) come from the environment.
 * It imports neither lib/db nor lib/env, so tests and the bench can call seedGallery() directly.
 */

export interface SeedGalleryOptions {
  databaseUrl: string;
  /** Workspace slug; its members take turns as authors. */
  workspace: string;
  count: number;
  storage: Storage;
  /** The newest seeded generation is this old; the rest go back one step each. */
  startAt?: Date;
  stepMs?: number;
}

export interface SeedGalleryResult {
  generations: number;
  images: number;
  ms: number;
}

const SUBJECTS = [
  "lighthouse", "red fox", "tea house", "glass greenhouse", "paper crane", "night market", "orchard", "old tram",
  "koi pond", "observatory", "desert caravan", "harbour", "bookshop", "mountain hut", "violin maker", "rooftop garden",
  "snow leopard", "windmill", "street café", "jellyfish", "train station", "lantern festival", "pottery studio", "owl",
];
const MOODS = ["at dusk", "in morning fog", "under neon rain", "in golden hour", "at midnight", "after the storm", "in spring bloom", "in deep winter"];
const STYLES = ["watercolour", "isometric 3D", "35mm film photo", "linocut print", "gouache", "pixel art", "studio portrait", "oil on canvas"];
const SIZES = [
  { size: "1024x1024", width: 1024, height: 1024 },
  { size: "1536x1024", width: 1536, height: 1024 },
  { size: "1024x1536", width: 1024, height: 1536 },
] as const;
const PALETTES = [
  ["#f6d365", "#fda085"],
  ["#a1c4fd", "#c2e9fb"],
  ["#84fab0", "#8fd3f4"],
  ["#d4a5ff", "#6a5acd"],
];

interface StoredSample {
  size: (typeof SIZES)[number]["size"];
  result: AssetFields;
  thumb: AssetFields;
}

interface AssetFields {
  storageKey: string;
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
}

/** A soft gradient with a few shapes: looks like an image, costs milliseconds. */
async function sampleImage(width: number, height: number, [from, to]: string[], seed: number): Promise<Buffer> {
  const circles = Array.from({ length: 5 }, (_, i) => {
    const r = ((seed * 37 + i * 53) % 9) * 20 + 60;
    return `<circle cx="${(seed * 131 + i * 211) % width}" cy="${(seed * 71 + i * 157) % height}" r="${r}" fill="white" fill-opacity="0.18"/>`;
  }).join("");
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/>${circles}</svg>`;
  return sharp(Buffer.from(svg)).webp({ quality: 80 }).toBuffer();
}

async function storeSamples(storage: Storage): Promise<StoredSample[]> {
  const samples: StoredSample[] = [];
  for (const [i, { size, width, height }] of [...SIZES, ...SIZES].entries()) {
    const bytes = await sampleImage(width, height, PALETTES[i % PALETTES.length]!, i + 1);
    const result = await describeImage(bytes);
    const thumb = await makeThumbnail(bytes);
    const resultKey = contentKey("results", result.sha256, result.mime);
    const thumbKey = contentKey("thumbs", thumb.sha256, thumb.mime);
    await storage.put(resultKey, bytes, { contentType: result.mime });
    await storage.put(thumbKey, thumb.bytes, { contentType: thumb.mime });
    samples.push({
      size,
      result: { storageKey: resultKey, mime: result.mime, width: result.width, height: result.height, bytes: result.bytes, sha256: result.sha256 },
      thumb: { storageKey: thumbKey, mime: thumb.mime, width: thumb.width, height: thumb.height, bytes: thumb.bytes.length, sha256: thumb.sha256 },
    });
  }
  return samples;
}

const BATCH = 1000;

export async function seedGallery(opts: SeedGalleryOptions): Promise<SeedGalleryResult> {
  const started = Date.now();
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: opts.databaseUrl }) });
  try {
    const workspace = await db.workspace.findUnique({
      where: { slug: opts.workspace },
      select: { id: true, memberships: { orderBy: { createdAt: "asc" }, select: { userId: true } } },
    });
    if (!workspace || workspace.memberships.length === 0) throw new Error(`No workspace "${opts.workspace}" with members.`);
    const authors = workspace.memberships.map((m) => m.userId);
    const samples = await storeSamples(opts.storage);
    const newest = (opts.startAt ?? new Date()).getTime();
    const step = opts.stepMs ?? 37_000;
    const run = randomUUID().slice(0, 8);
    let images = 0;

    for (let offset = 0; offset < opts.count; offset += BATCH) {
      const generations = [];
      const assets = [];
      const results = [];
      for (let i = offset; i < Math.min(opts.count, offset + BATCH); i++) {
        const sample = samples[i % samples.length]!;
        const id = `seed${run}${i.toString(36).padStart(5, "0")}`;
        const userId = authors[i % authors.length]!;
        // Every tenth shares its neighbour's timestamp, as a burst of submissions would.
        const createdAt = new Date(newest - (i % 10 === 1 ? i - 1 : i) * step);
        const n = i % 20 === 0 ? 4 : i % 5 === 0 ? 2 : 1;
        // Every 997th mentions a comet: a rare word, for searches that only the trigram index answers fast.
        const prompt = `${SUBJECTS[i % SUBJECTS.length]} ${MOODS[(i >> 2) % MOODS.length]}, ${STYLES[(i >> 4) % STYLES.length]}${i % 997 === 0 ? ", a comet overhead" : ""}`;
        generations.push({
          id,
          workspaceId: workspace.id,
          userId,
          prompt,
          size: sample.size,
          n,
          model: "gpt-image-2-all",
          status: "SUCCEEDED" as const,
          idempotencyKey: `${id}-${randomUUID()}`,
          attempts: 1,
          createdAt,
          startedAt: createdAt,
          finishedAt: new Date(createdAt.getTime() + 20_000),
        });
        for (let index = 0; index < n; index++) {
          const imageId = `${id}i${index}`;
          assets.push(
            { id: `${imageId}r`, workspaceId: workspace.id, userId, kind: "RESULT" as const, ...sample.result, createdAt },
            { id: `${imageId}t`, workspaceId: workspace.id, userId, kind: "THUMB" as const, ...sample.thumb, createdAt },
          );
          results.push({
            id: imageId,
            generationId: id,
            index,
            assetId: `${imageId}r`,
            thumbAssetId: `${imageId}t`,
            revisedPrompt: `${prompt}, finely detailed`,
            shape: shapeOf(sample.result.width, sample.result.height),
          });
        }
      }
      await db.generation.createMany({ data: generations });
      for (let a = 0; a < assets.length; a += BATCH) await db.asset.createMany({ data: assets.slice(a, a + BATCH) });
      for (let r = 0; r < results.length; r += BATCH) await db.generationImage.createMany({ data: results.slice(r, r + BATCH) });
      images += results.length;
    }
    return { generations: opts.count, images, ms: Date.now() - started };
  } finally {
    await db.$disconnect();
  }
}

async function main() {
  const { values } = parseArgs({
    options: { workspace: { type: "string" }, count: { type: "string", default: "2000" } },
  });
  const count = Number(values.count);
  if (!values.workspace || !Number.isInteger(count) || count < 1) {
    throw new Error("usage: npm run seed:gallery -- --workspace <slug> --count <n>");
  }
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) throw new Error("Set DATABASE_URL to the database to seed.");
  // The app's own storage (local disk under STORAGE_DIR, or UploadThing), read from the environment.
  const { getStorage } = await import("@/lib/storage");
  const result = await seedGallery({ databaseUrl, workspace: values.workspace, count, storage: getStorage() });
  console.log(`Seeded ${result.generations} generations (${result.images} images) into ${values.workspace} in ${result.ms} ms.`);
}

if (process.argv[1] && pathToFileURL(path.resolve(process.argv[1])).href === import.meta.url) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  });
}
