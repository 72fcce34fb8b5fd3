import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { clearAttempts, consumeAttempt } from "@/lib/data/rate-limit";
import { db } from "@/lib/db";

afterAll(async () => {
  await db.$disconnect();
});

const rule = { limit: 3, windowMs: 60_000 };

describe("consumeAttempt (real PostgreSQL)", () => {
  it("allows the limit, then refuses with the time left in the window", async () => {
    const key = `test:${randomUUID()}`;
    for (let i = 0; i < 3; i++) expect((await consumeAttempt(key, rule)).allowed).toBe(true);
    const refused = await consumeAttempt(key, rule);
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.retryAfterMs).toBeGreaterThan(55_000);
      expect(refused.retryAfterMs).toBeLessThanOrEqual(60_000);
    }
  });

  it("starts over once the window has passed", async () => {
    const key = `test:${randomUUID()}`;
    const short = { limit: 1, windowMs: 300 };
    expect((await consumeAttempt(key, short)).allowed).toBe(true);
    expect((await consumeAttempt(key, short)).allowed).toBe(false);
    await new Promise((r) => setTimeout(r, 400));
    expect((await consumeAttempt(key, short)).allowed).toBe(true);
  });

  it("gives exactly `limit` of many concurrent attempts", async () => {
    const key = `test:${randomUUID()}`;
    const outcomes = await Promise.all(Array.from({ length: 12 }, () => consumeAttempt(key, rule)));
    expect(outcomes.filter((o) => o.allowed)).toHaveLength(3);
  });

  it("clearAttempts forgets a key, and keys are independent", async () => {
    const a = `test:${randomUUID()}`;
    const b = `test:${randomUUID()}`;
    for (let i = 0; i < 4; i++) await consumeAttempt(a, rule);
    expect((await consumeAttempt(b, rule)).allowed).toBe(true);
    await clearAttempts(a);
    expect((await consumeAttempt(a, rule)).allowed).toBe(true);
  });
});
