import { createHash } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";

import { requeueFailedSlots, cancelGeneration } from "@/lib/data/generations";
import { getDailyUsage, takeQuota } from "@/lib/data/quota";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import { FAILURE_TABLE } from "@/lib/image-api/failures";
import { resolveProfile } from "@/lib/image-api/profiles";
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

afterEach(async () => {
  standIn.clearFaults();
  standIn.clearLedger();
  // Each case starts with a relay in good standing: the shared backoff is tested on its own.
  await db.relayState.deleteMany();
});

/** The built-in profile of gpt-image-2-all: no `n`, size ignored. */
const field = (model: string) => resolveProfile(model, { [model]: { price: { amount: 0.05, currency: "USD", per: "call" } } });
/** A relay that honours everything, priced per image. */
const ideal = (model: string) => resolveProfile(model, { [model]: { like: "ideal", price: { amount: 0.04, currency: "USD", per: "image" } } });

function deps(overrides: Partial<RunGenerationDeps> = {}): RunGenerationDeps {
  return {
    storage,
    imageApi: { baseUrl: standIn.url, apiKey: standIn.apiKey, timeoutMs: 10_000, maxRetries: 0 },
    profile: field,
    ...overrides,
  };
}

const viewerOf = (o: typeof owner) => ({ id: o.userId }) as Parameters<typeof requeueFailedSlots>[0];
const accessOf = (o: typeof owner) => ({ id: o.workspaceId, role: "OWNER" }) as WorkspaceAccess;

const slotsOf = async (generationId: string) =>
  db.generationSlot.findMany({ where: { generationId }, orderBy: { index: "asc" }, select: { index: true, status: true, errorCode: true, errorMessage: true, errorDetail: true, calls: true } });
const callsOf = async (generationId: string) =>
  db.imageCall.findMany({ where: { generationId }, orderBy: [{ startedAt: "asc" }, { slotIndex: "asc" }] });

const generationCalls = () => standIn.ledger().filter((e) => e.path === "/v1/images/generations");


describe("runGeneration (real PostgreSQL, stand-in endpoint over HTTP)", () => {
  it("asks a model that honours n once, sends the references inline in order, and records every image, slot and the call", async () => {
    const red = await createReference(owner, storage, "#ff0000");
    const blue = await createReference(owner, storage, "#0000ff");
    const generation = await createGeneration(owner, { n: 2, size: "1536x1024", referenceIds: [red.asset.id, blue.asset.id] });

    expect(await runGeneration(generation.id, deps({ profile: ideal }))).toEqual({ outcome: "succeeded", images: 2, failed: 0 });

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
    expect(row.finishedAt!.getTime()).toBeGreaterThanOrEqual(row.startedAt!.getTime());
    expect(row.images.map((i) => i.index)).toEqual([0, 1]);
    for (const image of row.images) {
      expect(image.revisedPrompt).toMatch(/^A lighthouse at dusk, rendered as/);
      expect(image.asset).toMatchObject({ ...owner, kind: "RESULT", mime: "image/webp", width: 1536, height: 1024 });
      expect(image.shape).toBe("LANDSCAPE");
      expect(image.thumb).toMatchObject({ ...owner, kind: "THUMB", mime: "image/webp", width: 512 });
      const stored = await storage.get(image.asset.storageKey);
      expect(createHash("sha256").update(stored!).digest("hex")).toBe(image.asset.sha256);
      const thumb = await storage.get(image.thumb.storageKey);
      expect(await sharp(thumb!).metadata()).toMatchObject({ format: "webp", width: 512, height: image.thumb.height });
    }
    expect((await slotsOf(generation.id)).map((s) => [s.status, s.calls])).toEqual([["SUCCEEDED", 1], ["SUCCEEDED", 1]]);
    expect(await callsOf(generation.id)).toEqual([
      expect.objectContaining({
        ...owner,
        model: "gpt-image-2-all",
        slotIndex: null,
        requestedN: 2,
        attempt: 1,
        outcome: "ok",
        charged: "YES",
        imagesReturned: 2,
        httpStatus: 200,
        costMicros: 80_000,
        currency: "USD",
        finishedAt: expect.any(Date),
      }),
    ]);
  });

  it("fans a model without n out into one call of n = 1 per image, the body otherwise unchanged", async () => {
    const generation = await createGeneration(owner, { n: 4, prompt: "four harbours", size: "1024x1536" });

    expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "succeeded", images: 4, failed: 0 });

    const calls = generationCalls();
    expect(calls).toHaveLength(4);
    for (const call of calls) expect(call.body).toEqual({ model: "gpt-image-2-all", prompt: "four harbours", size: "1024x1536", n: 1 });
    const ledger = await callsOf(generation.id);
    expect(ledger.map((c) => c.slotIndex).sort()).toEqual([0, 1, 2, 3]);
    expect(ledger.every((c) => c.requestedN === 1 && c.outcome === "ok" && c.costMicros === 50_000)).toBe(true);
    expect(await db.generationImage.count({ where: { generationId: generation.id } })).toBe(4);
  });

  it("stores each result's real shape: a field relay asked landscape that renders square files it as square", async () => {
    standIn.setFieldModels(["gpt-image-2-all"]);
    try {
      const generation = await createGeneration(owner, { prompt: "a square harbour", size: "1536x1024" });
      expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "succeeded", images: 1, failed: 0 });
      const image = await db.generationImage.findFirstOrThrow({ where: { generationId: generation.id }, include: { asset: true } });
      expect([image.asset.width, image.asset.height, image.shape]).toEqual([1254, 1254, "SQUARE"]);
    } finally {
      standIn.setFieldModels([]);
    }
  });

  it("keeps the images of the calls that worked when one fails, and Retry of that slot makes exactly one more call", async () => {
    const generation = await createGeneration(owner, { n: 4, prompt: "three of four" });
    standIn.queueFault("500");

    expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "succeeded", images: 3, failed: 1 });
    const slots = await slotsOf(generation.id);
    const failed = slots.filter((s) => s.status === "FAILED");
    expect(slots.filter((s) => s.status === "SUCCEEDED")).toHaveLength(3);
    expect(failed).toEqual([expect.objectContaining({ errorCode: "server_error", calls: 1 })]);
    expect(await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).toMatchObject({ status: "SUCCEEDED", errorCode: null });
    const failedCall = (await callsOf(generation.id)).find((c) => c.outcome !== "ok");
    expect(failedCall).toMatchObject({ slotIndex: failed[0]!.index, httpStatus: 500, charged: "MAYBE", imagesReturned: 0 });

    standIn.clearLedger();
    expect(await requeueFailedSlots(viewerOf(owner), accessOf(owner), generation.id, failed[0]!.index)).toEqual({ ok: true, value: undefined });
    expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "succeeded", images: 4, failed: 0 });

    expect(generationCalls()).toHaveLength(1);
    expect(await db.generationImage.count({ where: { generationId: generation.id } })).toBe(4);
    expect((await callsOf(generation.id)).filter((c) => c.slotIndex === failed[0]!.index).map((c) => c.attempt)).toEqual([1, 2]);
  });

  it("shows a shortfall when a model that honours n returns fewer images", async () => {
    const generation = await createGeneration(owner, { n: 4, prompt: "asked for four" });
    const stingy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      const url = input instanceof Request ? input.url : String(input);
      if (!url.endsWith("/v1/images/generations")) return res;
      const body = (await res.json()) as { data: unknown[] };
      return Response.json({ ...body, data: body.data.slice(0, 2) }, { status: res.status });
    };

    expect(await runGeneration(generation.id, deps({ profile: ideal, fetch: stingy }))).toEqual({ outcome: "succeeded", images: 2, failed: 2 });
    expect((await slotsOf(generation.id)).slice(2)).toEqual([
      expect.objectContaining({ status: "FAILED", errorCode: "no_images", errorMessage: "Asked for 4, the service returned 2." }),
      expect.objectContaining({ status: "FAILED", errorCode: "no_images", errorMessage: "Asked for 4, the service returned 2." }),
    ]);
    // The counts are stored with the code, so the page can say them in the viewer's language.
    expect((await slotsOf(generation.id)).slice(2).map((s) => s.errorDetail)).toEqual([
      { key: "shortfall", params: { asked: 4, returned: 2 } },
      { key: "shortfall", params: { asked: 4, returned: 2 } },
    ]);
    expect(await callsOf(generation.id)).toEqual([expect.objectContaining({ outcome: "ok", requestedN: 4, imagesReturned: 2, costMicros: 80_000 })]);
  });

  it.each<[FaultName, string, string]>([
    ["moderation", "safety", "MAYBE"],
    ["safety-500", "safety", "MAYBE"],
    ["401", "bad_key", "NO"],
    ["403-quota", "out_of_balance", "NO"],
    ["quota-429", "out_of_balance", "NO"],
    ["no-channel", "model_unavailable", "NO"],
    ["400", "bad_request", "NO"],
    ["500", "server_error", "MAYBE"],
    ["error-200", "server_error", "MAYBE"],
    ["html-502", "gateway", "MAYBE"],
    ["cf-524", "gateway", "MAYBE"],
    ["empty", "no_images", "MAYBE"],
    ["truncated", "bad_response", "YES"],
  ])("records the %s fault as a FAILED slot and generation (%s, charged %s), with the call and the raw answer in the ledger", async (fault, errorCode, charged) => {
    const generation = await createGeneration(owner);
    standIn.queueFault(fault);

    expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "failed", errorCode });

    const row = await db.generation.findUniqueOrThrow({ where: { id: generation.id } });
    const [slot] = await slotsOf(generation.id);
    expect(row).toMatchObject({ status: "FAILED", errorCode, errorMessage: slot!.errorMessage, errorDetail: slot!.errorDetail });
    // The 400 names the parameter it refused; the name is kept as a value beside the code.
    if (fault === "400") expect(slot!.errorDetail).toEqual({ key: "withParam", params: { param: expect.any(String) } });
    expect(slot).toMatchObject({ status: "FAILED", errorCode });
    const [call] = await callsOf(generation.id);
    expect(call).toMatchObject({ outcome: errorCode, charged, imagesReturned: 0, finishedAt: expect.any(Date) });
    expect(call!.httpStatus).toEqual(expect.any(Number));
    expect(call!.rawExcerpt?.length).toBeLessThanOrEqual(2048);
    expect(call!.rawExcerpt).not.toContain(standIn.apiKey);
    expect(generationCalls()).toHaveLength(1);
  });

  it("retries a rate limit on its own, as a second ledger row", async () => {
    const generation = await createGeneration(owner, { prompt: "busy relay" });
    standIn.queueFault("429");
    const api = { baseUrl: standIn.url, apiKey: standIn.apiKey, timeoutMs: 10_000, maxRetries: 1 };

    expect(await runGeneration(generation.id, deps({ imageApi: api, permitPollMs: 10 }))).toEqual({ outcome: "succeeded", images: 1, failed: 0 });
    expect((await callsOf(generation.id)).map((c) => [c.attempt, c.outcome, c.charged])).toEqual([
      [1, "rate_limited", "NO"],
      [2, "ok", "YES"],
    ]);
  });

  it("fails only the slot whose result link expired before it could be copied", async () => {
    const generation = await createGeneration(owner, { n: 2 });
    standIn.queueFault("expired");

    expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "succeeded", images: 1, failed: 1 });
    const failed = (await slotsOf(generation.id)).find((s) => s.status === "FAILED");
    // Its class and words from the one failure table.
    expect(failed).toMatchObject({ errorCode: "result_expired", errorMessage: FAILURE_TABLE.result_expired.reason });
    // The call itself was answered (and billed); only the copy failed.
    expect((await callsOf(generation.id)).map((c) => c.outcome)).toEqual(["ok", "ok"]);
  });

  it("fails with a timeout when the endpoint never answers", async () => {
    const generation = await createGeneration(owner);
    standIn.queueFault("hang");
    const api = { baseUrl: standIn.url, apiKey: standIn.apiKey, timeoutMs: 300, maxRetries: 0 };

    expect(await runGeneration(generation.id, deps({ imageApi: api }))).toEqual({ outcome: "failed", errorCode: "timeout" });
    expect(await callsOf(generation.id)).toEqual([expect.objectContaining({ outcome: "timeout", charged: "MAYBE" })]);
  });

  /** A generation made as Create makes it: its images taken from the quota and the member's count. */
  async function generationWithQuota(o: typeof owner, n: number, api: RunGenerationDeps["imageApi"]) {
    const generation = await createGeneration(o, { n });
    await db.$transaction((tx) => takeQuota(tx, { ...o, images: n }));
    return { generation, run: () => runGeneration(generation.id, deps({ imageApi: api, profile: ideal })) };
  }
  const usedToday = async (o: typeof owner) => {
    const usage = await getDailyUsage({ id: o.workspaceId }, new Date(), o.userId);
    return { workspace: usage.used, member: usage.member?.used };
  };

  it("gives the quota and the member's count back for the slots of a call that failed uncharged (bad key)", async () => {
    const mine = await createOwner();
    const { generation, run } = await generationWithQuota(mine, 2, deps().imageApi);
    expect(await usedToday(mine)).toEqual({ workspace: 2, member: 2 });
    standIn.queueFault("401");

    expect(await run()).toEqual({ outcome: "failed", errorCode: "bad_key" });
    expect(await callsOf(generation.id)).toEqual([expect.objectContaining({ outcome: "bad_key", charged: "NO" })]);
    expect(await usedToday(mine)).toEqual({ workspace: 0, member: 0 });
    expect(await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).toMatchObject({ refundedImages: 2 });
  });

  it("takes a refunded image again on Retry, and refuses the retry (slot left failed) when the quota has none left", async () => {
    const mine = await createOwner();
    await db.workspace.update({ where: { id: mine.workspaceId }, data: { dailyQuota: 1 } });
    const first = await generationWithQuota(mine, 1, deps().imageApi);
    standIn.queueFault("401");
    expect(await first.run()).toEqual({ outcome: "failed", errorCode: "bad_key" });
    expect(await usedToday(mine)).toEqual({ workspace: 0, member: 0 });

    // The image given back is spent on another generation: nothing left for the retry.
    const second = await generationWithQuota(mine, 1, deps().imageApi);
    expect(await requeueFailedSlots(viewerOf(mine), accessOf(mine), first.generation.id)).toMatchObject({
      ok: false,
      problem: { code: "studio.quotaWorkspace", params: { scope: "workspace", requested: 1 } },
    });
    expect(await slotsOf(first.generation.id)).toEqual([expect.objectContaining({ status: "FAILED", errorCode: "bad_key" })]);
    expect(await db.generation.findUniqueOrThrow({ where: { id: first.generation.id } })).toMatchObject({ status: "FAILED", refundedImages: 1 });
    expect(await usedToday(mine)).toEqual({ workspace: 1, member: 1 });

    // Once the other one fails uncharged too, the retry takes that image back, once.
    standIn.queueFault("401");
    expect(await second.run()).toEqual({ outcome: "failed", errorCode: "bad_key" });
    expect(await requeueFailedSlots(viewerOf(mine), accessOf(mine), first.generation.id)).toEqual({ ok: true, value: undefined });
    expect(await usedToday(mine)).toEqual({ workspace: 1, member: 1 });
    expect(await db.generation.findUniqueOrThrow({ where: { id: first.generation.id } })).toMatchObject({ status: "QUEUED", refundedImages: 0 });
    expect(await first.run()).toEqual({ outcome: "succeeded", images: 1, failed: 0 });
    expect(await usedToday(mine)).toEqual({ workspace: 1, member: 1 });
  });

  it("keeps the quota taken when the call may have been charged (timeout), and for a re-queued rate limit until it ends", async () => {
    const mine = await createOwner();
    const { generation, run } = await generationWithQuota(mine, 1, { baseUrl: standIn.url, apiKey: standIn.apiKey, timeoutMs: 300, maxRetries: 0 });
    standIn.queueFault("hang");

    expect(await run()).toEqual({ outcome: "failed", errorCode: "timeout" });
    expect(await callsOf(generation.id)).toEqual([expect.objectContaining({ outcome: "timeout", charged: "MAYBE" })]);
    expect(await usedToday(mine)).toEqual({ workspace: 1, member: 1 });

    // An uncharged rate limit that is retried on its own and then succeeds gives nothing back.
    const again = await generationWithQuota(mine, 1, { baseUrl: standIn.url, apiKey: standIn.apiKey, timeoutMs: 10_000, maxRetries: 1 });
    standIn.queueFault("429");
    expect(await again.run()).toEqual({ outcome: "succeeded", images: 1, failed: 0 });
    expect(await usedToday(mine)).toEqual({ workspace: 2, member: 2 });
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
    expect(await callsOf(generation.id)).toEqual([expect.objectContaining({ outcome: "interrupted", charged: "MAYBE" })]);
  });

  it("cancels a queued generation without a call", async () => {
    const generation = await createGeneration(owner, { n: 2 });

    expect(await cancelGeneration(viewerOf(owner), accessOf(owner), generation.id)).toBe(true);
    expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "skipped" });

    expect(generationCalls()).toHaveLength(0);
    expect(await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).toMatchObject({ status: "FAILED", errorCode: "cancelled" });
    expect((await slotsOf(generation.id)).map((s) => s.status)).toEqual(["CANCELLED", "CANCELLED"]);
  });

  it("aborts the calls of a running generation when it is cancelled, and says the relay may still bill them", async () => {
    const generation = await createGeneration(owner, { prompt: "cancel me" });
    standIn.queueFault("hang");

    const run = runGeneration(generation.id, deps());
    await expect.poll(() => generationCalls().length).toBe(1);
    expect(await cancelGeneration(viewerOf(owner), accessOf(owner), generation.id)).toBe(true);

    expect(await run).toEqual({ outcome: "failed", errorCode: "cancelled" });
    expect(await slotsOf(generation.id)).toEqual([
      expect.objectContaining({ status: "CANCELLED", errorMessage: expect.stringMatching(/may still bill/) }),
    ]);
    expect(await callsOf(generation.id)).toEqual([expect.objectContaining({ outcome: "cancelled", charged: "MAYBE" })]);
  });

  it("writes nothing once a sweep has declared the run interrupted", async () => {
    const generation = await createGeneration(owner);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let held: AbortSignal | undefined;
    const heldFetch: typeof fetch = async (input, init) => {
      held = init?.signal ?? undefined;
      await released;
      return fetch(input, init);
    };

    const run = runGeneration(generation.id, deps({ fetch: heldFetch, heartbeatMs: 20 }));
    await expect.poll(() => held).toBeDefined();
    await db.generation.update({
      where: { id: generation.id },
      data: { status: "FAILED", errorCode: "interrupted", errorMessage: INTERRUPTED_MESSAGE },
    });
    // The next heartbeat finds the run is no longer ours and aborts its call.
    await expect.poll(() => held?.aborted).toBe(true);
    release();

    expect(await run).toEqual({ outcome: "superseded" });
    expect(generationCalls()).toHaveLength(0);
    expect(await db.generationImage.count({ where: { generationId: generation.id } })).toBe(0);
    expect(await db.generation.findUniqueOrThrow({ where: { id: generation.id } })).toMatchObject({ status: "FAILED", errorCode: "interrupted" });
  });

  it("fails without calling the endpoint when a reference file is gone", async () => {
    const ref = await createReference(owner, storage, "#00ff00");
    const generation = await createGeneration(owner, { referenceIds: [ref.asset.id] });
    await storage.delete([ref.asset.storageKey]);

    expect(await runGeneration(generation.id, deps())).toEqual({ outcome: "failed", errorCode: "reference_missing" });
    expect(generationCalls()).toHaveLength(0);
    expect(await db.imageCall.count({ where: { generationId: generation.id } })).toBe(0);
  });
});
