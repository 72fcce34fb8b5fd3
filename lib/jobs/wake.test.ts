import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, beforeAll, expect, it } from "vitest";

import { db } from "@/lib/db";
import { createGeneration, createOwner } from "@/lib/jobs/testing/fixtures";
import { closeListener } from "@/lib/live/listener";
import { createLocalStorage } from "@/lib/storage/local";
import { startStandIn, type StandIn } from "@/scripts/stand-in/server";

import { enqueueGeneration, stopQueue } from "./queue";
import { startWorker, type StopWorker } from "./worker";

let standIn: StandIn;
let storageDir: string;
let stop: StopWorker;

beforeAll(async () => {
  standIn = await startStandIn({ port: 0, latencyMs: 0 });
  storageDir = await mkdtemp(path.join(os.tmpdir(), "atelier-wake-"));
});

afterAll(async () => {
  await stop?.();
  await stopQueue();
  await closeListener();
  await standIn.close();
  await rm(storageDir, { recursive: true, force: true });
  await db.$disconnect();
});

const statusOf = async (id: string) => (await db.generation.findUniqueOrThrow({ where: { id } })).status;

it("a sent generation wakes a sleeping worker: it runs long before the queue's next poll", async () => {
  const owner = await createOwner();
  const first = await createGeneration(owner);
  await enqueueGeneration(first.id);
  // Polls once at start (taking `first`), then not again for an hour: only the wake-up can start `second`.
  stop = await startWorker({
    concurrency: 2,
    pollingIntervalSeconds: 3600,
    deps: {
      storage: createLocalStorage({ rootDir: storageDir }),
      imageApi: { baseUrl: standIn.url, apiKey: standIn.apiKey, timeoutMs: 60_000, maxRetries: 0 },
    },
  });
  await expect.poll(() => statusOf(first.id), { timeout: 15_000, interval: 100 }).toBe("SUCCEEDED");

  const second = await createGeneration(owner);
  await enqueueGeneration(second.id);
  await expect.poll(() => statusOf(second.id), { timeout: 15_000, interval: 100 }).toBe("SUCCEEDED");
});
