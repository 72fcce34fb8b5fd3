import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { toDataUrl } from "@/lib/images";
import { createGeneration, createOwner, createReference } from "@/lib/jobs/testing/fixtures";
import { createLocalStorage } from "@/lib/storage/local";
import type { Storage } from "@/lib/storage";
import { startStandIn, type FaultName, type StandIn } from "@/scripts/stand-in/server";

import { INTERRUPTED_MESSAGE, runGeneration, type RunGenerationDeps } from "./run-generation";

let standIn: StandIn;
let storageDir: string;
let storage: Storage;
let owner: { userId: string; workspaceId: string };

beforeAll(async () => {
  standIn = await startStandIn({ port: 0, latencyMs: 0 });
  storageDir = await mkdtemp(path.join(os.tmpdir(), "atelier-jobs-"));
  storage = createLocalStorage({ rootDir: storageDir });
  owner = await createOwner();
});

afterAll(async () => {
  await standIn.close();
  await rm(storageDir, { recursive: true, force: true });
  await db.$disconnect();
});

afterEach(() => {
  standIn.clearFaults();
  standIn.clearLedger();
});

function deps(overrides: Partial<RunGenerationDeps> = {}): RunGenerationDeps {
  return {
    storage,
    imageApi: { baseUrl: standIn.url, apiKey: standIn.apiKey, timeoutMs: 10_000, maxRetries: 0 },
    ...overrides,
  };
}

const generationCalls = () => standIn.ledger().filter((e) => e.path === "/v1/images/generations");

async function resultAssets(generationId: string) {
  const images = await db.generationImage.findMany({ where: { generationId }, select: { assetId: true, thumbAssetId: true } });
  return images.flatMap((i) => [i.assetId, i.thumbAssetId]);
}

describe("runGeneration (real PostgreSQL, stand-in endpoint over HTTP)", () => {
  it("sends the references inline in order, copies every result with a thumbnail and records it all", async () => {
    const red = await createReference(owner, storage, "#ff0000");
    const blue = await createReference(owner, storage, "#0000ff");
    const generation = await createGeneration(owner, { n: 2, size: "1536x1024", referenceIds: [red.asset.id, blue.asset.id] });

    expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "succeeded", images: 2 });

    const [call] = generationCalls();
    expect(generationCalls()).toHaveLength(1);
    expect(call?.body).toMatchObject({
      model: "gpt-image-2-all",
      prompt: "a lighthouse at dusk",
      size: "1536x1024",
      n: 2,
      image: [toDataUrl(red.bytes, "image/png"), toDataUrl(blue.bytes, "image/png")],
    });

    const row = await db.generation.findUniqueOrThrow({
      where: { id: generation.id },
      include: { images: { orderBy: { index: "asc" }, include: { asset: true, thumb: true } } },
    });
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 1, errorCode: null, errorMessage: null });
    expect(row.startedAt).toBeInstanceOf(Date);
    expect(row.finishedAt!.getTime()).toBeGreaterThanOrEqual(row.startedAt!.getTime());
    expect(row.images.map((i) => i.index)).toEqual([0, 1]);

    for (const image of row.images) {
      expect(image.revisedPrompt).toMatch(/^A lighthouse at dusk, rendered as/);
      expect(image.asset).toMatchObject({ ...owner, kind: "RESULT", mime: "image/webp", width: 1536, height: 1024 });
      expect(image.thumb).toMatchObject({ ...owner, kind: "THUMB", mime: "image/webp", width: 512 });

      const stored = await storage.get(image.asset.storageKey);
      expect(stored?.length).toBe(image.asset.bytes);
      expect(createHash("sha256").update(stored!).digest("hex")).toBe(image.asset.sha256);
      expect(image.asset.storageKey).toBe(`results/${image.asset.sha256.slice(0, 2)}/${image.asset.sha256}.webp`);

      const thumb = await storage.get(image.thumb.storageKey);
      expect(await sharp(thumb!).metadata()).toMatchObject({ format: "webp", width: 512, height: image.thumb.height });
      expect(image.thumb.storageKey).toMatch(/^thumbs\//);
    }
  });

  it.each<[FaultName, string, string]>([
    ["moderation", "moderation_blocked", "The request was rejected by the image service's safety system. Try rewording the prompt or using different reference images."],
    ["401", "bad_key", "The image service did not accept our credentials. An administrator needs to check the API key."],
    ["403-quota", "quota", "The image service account has run out of credit or quota. An administrator needs to top it up."],
    ["500", "server_error", "The image service had an internal error. Please try again later."],
    ["html-502", "gateway", "The image service's gateway did not pass the answer through. Please try again later."],
    ["truncated", "bad_response", "The image service sent back a response that could not be read."],
  ])("records the %s fault as FAILED %s with a safe message", async (fault, errorCode, errorMessage) => {
    const generation = await createGeneration(owner);
    standIn.queueFault(fault);

    expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "failed", errorCode });

    const row = await db.generation.findUniqueOrThrow({ where: { id: generation.id } });
    expect(row).toMatchObject({ status: "FAILED", errorCode, errorMessage });
    expect(row.finishedAt).toBeInstanceOf(Date);
    expect(generationCalls()).toHaveLength(1);
  });

  it("fails a generation whose result links expired before they were copied", async () => {
    const generation = await createGeneration(owner, { n: 2 });
    standIn.queueFault("expired");

    expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "failed", errorCode: "download_failed" });
    expect(await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).toMatchObject({
      status: "FAILED",
      errorMessage: "The result link expired before it could be saved.",
    });
    expect(await resultAssets(generation.id)).toEqual([]);
  });

  it("keeps nothing when only some results could be copied", async () => {
    const generation = await createGeneration(owner, { n: 2, prompt: "partial copy" });
    const before = await db.asset.count({ where: { workspaceId: owner.workspaceId, kind: { in: ["RESULT", "THUMB"] } } });
    let downloads = 0;
    const flakyFetch: typeof fetch = async (input, init) => {
      const url = input instanceof Request ? input.url : String(input);
      if (url.includes("/files/") && ++downloads === 2) return new Response("gone", { status: 410 });
      return fetch(input, init);
    };

    expect(await runGeneration(generation.id, deps({ fetch: flakyFetch }))).toEqual({ outcome: "failed", errorCode: "download_failed" });
    expect(await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).toMatchObject({
      status: "FAILED",
      errorMessage: "Only 1 of 2 images could be saved, so none were kept. The result link expired before it could be saved.",
    });
    expect(await db.asset.count({ where: { workspaceId: owner.workspaceId, kind: { in: ["RESULT", "THUMB"] } } })).toBe(before);
  });

  it("fails with a timeout when the endpoint never answers", async () => {
    const generation = await createGeneration(owner);
    standIn.queueFault("hang");
    const api = { baseUrl: standIn.url, apiKey: standIn.apiKey, timeoutMs: 300, maxRetries: 0 };

    const started = Date.now();
    expect(await runGeneration(generation.id, deps({ imageApi: api }))).toEqual({ outcome: "failed", errorCode: "timeout" });
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).toMatchObject({
      status: "FAILED",
      errorMessage: "The image service took too long to answer. Please try again later.",
    });
  });

  it("runs a generation once when two workers race for it", async () => {
    const generation = await createGeneration(owner);

    const outcomes = await Promise.all([runGeneration(generation.id, deps()), runGeneration(generation.id, deps())]);

    expect(outcomes.map((o) => o.outcome).sort()).toEqual(["skipped", "succeeded"]);
    expect(generationCalls()).toHaveLength(1);
    expect(await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).toMatchObject({ status: "SUCCEEDED", attempts: 1 });
  });

  it("leaves a generation that is not QUEUED alone", async () => {
    const generation = await createGeneration(owner, { status: "FAILED" });

    expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "skipped" });
    expect(generationCalls()).toHaveLength(0);
    expect(await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).toMatchObject({ status: "FAILED", attempts: 0 });
  });

  it("fails as interrupted when the process shuts down mid-call", async () => {
    const generation = await createGeneration(owner);
    standIn.queueFault("hang");
    const shutdown = new AbortController();

    const run = runGeneration(generation.id, deps({ signal: shutdown.signal }));
    await expect.poll(() => generationCalls().length).toBe(1);
    shutdown.abort();

    expect(await run).toEqual({ outcome: "failed", errorCode: "interrupted" });
    expect(await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).toMatchObject({
      status: "FAILED",
      errorCode: "interrupted",
      errorMessage: INTERRUPTED_MESSAGE,
    });
  });

  it("writes nothing once a sweep has declared the run interrupted", async () => {
    const generation = await createGeneration(owner);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const heldFetch: typeof fetch = async (input, init) => {
      await released;
      return fetch(input, init);
    };

    const run = runGeneration(generation.id, deps({ fetch: heldFetch, heartbeatMs: 20 }));
    await expect.poll(async () => (await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).status).toBe("RUNNING");
    await db.generation.update({
      where: { id: generation.id },
      data: { status: "FAILED", errorCode: "interrupted", errorMessage: INTERRUPTED_MESSAGE },
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    release();

    expect(await run).toEqual({ outcome: "superseded" });
    expect(generationCalls()).toHaveLength(0);
    expect(await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).toMatchObject({ status: "FAILED", errorCode: "interrupted" });
  });

  it("fails without calling the endpoint when a reference file is gone", async () => {
    const ref = await createReference(owner, storage, "#00ff00");
    const generation = await createGeneration(owner, { referenceIds: [ref.asset.id] });
    await storage.delete([ref.asset.storageKey]);

    expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "failed", errorCode: "reference_missing" });
    expect(generationCalls()).toHaveLength(0);
  });
});
