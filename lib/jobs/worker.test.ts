import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { db } from "@/lib/db";
import { createGeneration, createOwner } from "@/lib/jobs/testing/fixtures";
import { createLocalStorage } from "@/lib/storage/local";
import { startStandIn, type StandIn } from "@/scripts/stand-in/server";

import { enqueueGeneration, stopQueue } from "./queue";
import { INTERRUPTED_MESSAGE } from "./run-generation";
import { startWorker, sweepGenerations } from "./worker";

let standIn: StandIn;
let storageDir: string;
let owner: { userId: string; workspaceId: string };

beforeAll(async () => {
  standIn = await startStandIn({ port: 0, latencyMs: 0 });
  storageDir = await mkdtemp(path.join(os.tmpdir(), "atelier-worker-"));
  owner = await createOwner();
});

afterAll(async () => {
  await stopQueue();
  await standIn.close();
  await rm(storageDir, { recursive: true, force: true });
  await db.$disconnect();
});

const statusOf = async (id: string) => (await db.generation.findUniqueOrThrow({ where: { id } })).status;

describe("recovery sweep", () => {
  it("fails RUNNING generations whose heartbeat stopped, and only those", async () => {
    const now = new Date();
    const stale = await createGeneration(owner, { status: "RUNNING", heartbeatAt: new Date(now.getTime() - 91_000) });
    const fresh = await createGeneration(owner, { status: "RUNNING", heartbeatAt: new Date(now.getTime() - 20_000) });

    const result = await sweepGenerations({ now, enqueue: async () => null });

    expect(result.interrupted).toBeGreaterThanOrEqual(1);
    expect(await db.generation.findUniqueOrThrow({ where: { id: stale.id } })).toMatchObject({
      status: "FAILED",
      errorCode: "interrupted",
      errorMessage: INTERRUPTED_MESSAGE,
      finishedAt: now,
    });
    expect(await db.generation.findUniqueOrThrow({ where: { id: fresh.id } })).toMatchObject({ status: "RUNNING", errorCode: null });
  });

  it("sends QUEUED generations again once they have waited a while", async () => {
    const now = new Date();
    const waiting = await createGeneration(owner, { createdAt: new Date(now.getTime() - 31_000) });
    const justQueued = await createGeneration(owner, { createdAt: new Date(now.getTime() - 1_000) });
    const sent: string[] = [];

    await sweepGenerations({ now, enqueue: async (id) => sent.push(id) });

    expect(sent).toContain(waiting.id);
    expect(sent).not.toContain(justQueued.id);
    await db.generation.deleteMany({ where: { id: { in: [waiting.id, justQueued.id] } } });
  });
});

describe("worker (pg-boss on the test database)", () => {
  it("runs an enqueued generation to SUCCEEDED, drops a duplicate send, and on stop fails a hung run as interrupted", async () => {
    // Both sends land before any worker polls, so the second meets the first still waiting.
    const generation = await createGeneration(owner, { n: 2, prompt: "a harbour seen twice" });
    expect(await enqueueGeneration(generation.id)).toEqual(expect.any(String));
    expect(await enqueueGeneration(generation.id)).toBeNull();

    const stop = await startWorker({
      concurrency: 2,
      pollingIntervalSeconds: 0.5,
      deps: {
        storage: createLocalStorage({ rootDir: storageDir }),
        imageApi: { baseUrl: standIn.url, apiKey: standIn.apiKey, timeoutMs: 60_000, maxRetries: 0 },
      },
    });
    expect(await startWorker()).toBe(stop);

    await expect.poll(() => statusOf(generation.id), { timeout: 15_000, interval: 100 }).toBe("SUCCEEDED");
    expect(await db.generationImage.count({ where: { generationId: generation.id } })).toBe(2);

    const hung = await createGeneration(owner, { prompt: "a bridge [fault:hang]" });
    await enqueueGeneration(hung.id);
    await expect.poll(() => statusOf(hung.id), { timeout: 15_000, interval: 100 }).toBe("RUNNING");

    await stop({ graceMs: 200 });

    expect(await db.generation.findUniqueOrThrow({ where: { id: hung.id } })).toMatchObject({
      status: "FAILED",
      errorCode: "interrupted",
    });
    // One run despite the duplicate send: the model ignores n, so its two images were two calls of n = 1.
    const calls = standIn.ledger().filter((e) => (e.body as { prompt?: string } | undefined)?.prompt === "a harbour seen twice");
    expect(calls.map((e) => (e.body as { n?: number }).n)).toEqual([1, 1]);
  });
});
