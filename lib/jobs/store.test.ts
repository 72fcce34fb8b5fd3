import { randomUUID } from "node:crypto";

import { afterAll, describe, expect, it, vi } from "vitest";

import { db } from "@/lib/db";
import { createGeneration, createOwner } from "@/lib/jobs/testing/fixtures";

import { renderMetrics } from "@/lib/metrics";

import { acquireCall, type CallRequest } from "./calls";
import { databaseNow } from "./fence";
import { noteRelayOutcome, relayBackoffUntil } from "./relay-state";
import { claimGeneration, finishCall, heartbeat } from "./store";

afterAll(async () => {
  await db.$disconnect();
});

/** Calls in flight right now (other tests in this database may have left some). */
const inFlight = () =>
  db.imageCall.count({ where: { finishedAt: null, generation: { status: "RUNNING" } } });

async function claimed(owner: { userId: string; workspaceId: string }, n: number) {
  const generation = await createGeneration(owner, { n });
  const claim = await claimGeneration(generation.id);
  if (!claim) throw new Error("claim failed");
  return claim;
}

const ask = (claim: Awaited<ReturnType<typeof claimed>>, index: number, relay: string, maxInFlight: number) => {
  const request: CallRequest = {
    fence: claim.fence,
    generation: { workspaceId: claim.generation.workspaceId, userId: claim.generation.userId, model: claim.generation.model },
    slotIndexes: [index],
    attempt: 1,
    relay,
    maxInFlight,
  };
  return acquireCall(request);
};

describe("call permits (real PostgreSQL)", () => {
  it("holds calls in flight to the cap, serves the workspace with fewer in flight first, and writes a ledger row per grant", async () => {
    const relay = `http://relay-${randomUUID()}.test`;
    const [busy, quiet] = await Promise.all([createOwner(), createOwner()]);
    const batch = await claimed(busy, 4);
    const single = await claimed(quiet, 1);
    const cap = (await inFlight()) + 3;

    // The busy workspace takes two; its third would leave one permit, which the quiet workspace
    // (waiting, nothing in flight) is owed.
    expect(await ask(batch, 0, relay, cap)).toMatchObject({ granted: true });
    expect(await ask(batch, 1, relay, cap)).toMatchObject({ granted: true });
    expect(await ask(batch, 2, relay, cap)).toEqual({ granted: false, wait: "fair" });
    const granted = await ask(single, 0, relay, cap);
    expect(granted).toMatchObject({ granted: true });

    // Now the cap is reached for everyone.
    expect(await ask(batch, 2, relay, cap)).toEqual({ granted: false, wait: "cap" });

    expect(await db.generationSlot.findMany({ where: { generationId: batch.fence.id }, orderBy: { index: "asc" }, select: { status: true, calls: true } })).toEqual([
      { status: "RUNNING", calls: 1 },
      { status: "RUNNING", calls: 1 },
      { status: "QUEUED", calls: 0 },
      { status: "QUEUED", calls: 0 },
    ]);
    const call = await db.imageCall.findUniqueOrThrow({ where: { id: (granted as { callId: string }).callId } });
    expect(call).toMatchObject({ ...quiet, generationId: single.fence.id, slotIndex: 0, requestedN: 1, attempt: 1, finishedAt: null, outcome: null });

    // A finished call frees its permit.
    await db.imageCall.updateMany({ where: { generationId: batch.fence.id }, data: { finishedAt: new Date(), outcome: "ok" } });
    expect(await ask(batch, 2, relay, cap)).toMatchObject({ granted: true });
    await db.generation.updateMany({ where: { id: { in: [batch.fence.id, single.fence.id] } }, data: { status: "FAILED" } });
  });

  it("never grants past the cap when workers ask at the same moment", async () => {
    const relay = `http://relay-${randomUUID()}.test`;
    const owner = await createOwner();
    // Runs left RUNNING by earlier files in this database count against the deployment's cap and
    // make their workspaces "waiting" to the fairness rule: end them, so this ask is the only one.
    await db.generation.updateMany({ where: { status: "RUNNING" }, data: { status: "FAILED" } });
    const claims = await Promise.all(Array.from({ length: 8 }, () => claimed(owner, 1)));
    const cap = (await inFlight()) + 3;
    const permits = await Promise.all(claims.map((claim) => ask(claim, 0, relay, cap)));
    expect(permits.filter((p) => p.granted)).toHaveLength(3);
    expect(permits.filter((p) => !p.granted)).toEqual(Array(5).fill({ granted: false, wait: "cap" }));
    await db.generation.updateMany({ where: { id: { in: claims.map((c) => c.fence.id) } }, data: { status: "FAILED" } });
  });

  it("grants nothing for a slot that is no longer waiting, or a run that is no longer ours", async () => {
    const owner = await createOwner();
    const claim = await claimed(owner, 1);
    const relay = `http://relay-${randomUUID()}.test`;

    await db.generationSlot.updateMany({ where: { generationId: claim.fence.id }, data: { status: "CANCELLED" } });
    expect(await ask(claim, 0, relay, 10_000)).toEqual({ granted: false, wait: null });
    await db.generationSlot.updateMany({ where: { generationId: claim.fence.id }, data: { status: "QUEUED" } });
    await db.generation.update({ where: { id: claim.fence.id }, data: { attempts: { increment: 1 } } });
    expect(await ask(claim, 0, relay, 10_000)).toEqual({ granted: false, wait: null });
    expect(await db.imageCall.count({ where: { generationId: claim.fence.id } })).toBe(0);
  });

  it("backs off for everyone after repeated strain from the relay, and one good answer ends it", async () => {
    const owner = await createOwner();
    const claim = await claimed(owner, 1);
    const relay = `http://relay-${randomUUID()}.test`;

    await noteRelayOutcome(relay, true);
    await noteRelayOutcome(relay, true);
    expect(await relayBackoffUntil(relay)).toBeNull();
    await noteRelayOutcome(relay, true, 30_000);

    const until = await relayBackoffUntil(relay);
    expect(until!.getTime()).toBeGreaterThan(Date.now() + 20_000);
    expect(await ask(claim, 0, relay, 10_000)).toEqual({ granted: false, wait: "backoff", until });

    await noteRelayOutcome(relay, false);
    expect(await relayBackoffUntil(relay)).toBeNull();
    expect(await ask(claim, 0, relay, 10_000)).toMatchObject({ granted: true });
    await db.generation.update({ where: { id: claim.fence.id }, data: { status: "FAILED" } });
  });
});

describe("the database's clock and the metrics (real PostgreSQL)", () => {
  it("writes claims and heartbeats with the database's clock, not the worker host's", async () => {
    const owner = await createOwner();
    const generation = await createGeneration(owner, { n: 1 });
    // A worker host whose clock is a year behind.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() - 365 * 24 * 3600_000 });
    try {
      const claim = await claimGeneration(generation.id);
      if (!claim) throw new Error("claim failed");
      const claimedAt = await db.generation.findUniqueOrThrow({ where: { id: generation.id }, select: { heartbeatAt: true } });
      await db.generation.update({ where: { id: generation.id }, data: { heartbeatAt: new Date(0) } });
      expect(await heartbeat(claim.fence)).toBe(true);
      const beat = await db.generation.findUniqueOrThrow({ where: { id: generation.id }, select: { heartbeatAt: true } });
      const dbNow = (await databaseNow()).getTime();
      for (const at of [claimedAt.heartbeatAt, beat.heartbeatAt]) {
        expect(Math.abs(at!.getTime() - dbNow)).toBeLessThan(60_000);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("stamps the ledger and judges the shared backoff by the database's clock", async () => {
    const owner = await createOwner();
    const claim = await claimed(owner, 1);
    const relay = `http://relay-${randomUUID()}.test`;
    // A worker host whose clock is a year ahead: by it, any backoff would already be over.
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 365 * 24 * 3600_000 });
    try {
      const permit = await ask(claim, 0, relay, 10_000);
      if (!permit.granted) throw new Error("no permit");
      await finishCall(claim.fence, owner, permit.callId, {
        record: { outcome: "server_error", charged: "MAYBE", imagesReturned: 0, httpStatus: 500 },
        filled: [],
        failed: [{ index: 0, code: "server_error", message: "The image service had an internal error." }],
        requeued: [],
      });
      for (let i = 0; i < 3; i++) await noteRelayOutcome(relay, true);
      const until = await relayBackoffUntil(relay);
      const dbNow = (await databaseNow()).getTime();
      expect(until!.getTime() - dbNow).toBeGreaterThan(2_000);
      expect(until!.getTime() - dbNow).toBeLessThan(10_000);
      const call = await db.imageCall.findUniqueOrThrow({ where: { id: permit.callId } });
      for (const at of [call.startedAt, call.finishedAt!]) expect(Math.abs(at.getTime() - dbNow)).toBeLessThan(60_000);
    } finally {
      vi.useRealTimers();
      await db.generation.update({ where: { id: claim.fence.id }, data: { status: "FAILED" } });
    }
  });

  it("feeds the relay latency histogram and the 429 counter when a call finishes", async () => {
    const read = async () => {
      const { body } = await renderMetrics();
      const value = (re: RegExp) => Number(body.match(re)?.[1] ?? 0);
      return {
        calls: value(/^atelier_relay_request_duration_seconds_count\{outcome="rate_limited"\} (\S+)$/m),
        limited: value(/^atelier_relay_rate_limited_total (\S+)$/m),
      };
    };
    const before = await read();
    const owner = await createOwner();
    const claim = await claimed(owner, 1);
    const permit = await ask(claim, 0, `http://relay-${randomUUID()}.test`, 10_000);
    if (!permit.granted) throw new Error("no permit");
    await finishCall(claim.fence, owner, permit.callId, {
      record: { outcome: "rate_limited", charged: "NO", imagesReturned: 0, httpStatus: 429 },
      filled: [],
      failed: [{ index: 0, code: "rate_limited", message: "The image service is limiting requests." }],
      requeued: [],
    });
    expect(await read()).toEqual({ calls: before.calls + 1, limited: before.limited + 1 });
  });
});
