import { randomUUID } from "node:crypto";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { checkCredentials, SIGN_IN_LIMITS, signInKeys } from "@/lib/data/sign-in-attempts";
import { createUserWithPassword } from "@/lib/data/users";
import { db } from "@/lib/db";

// The real argon2 runs; the spy only counts how often a password is actually checked.
const checks = vi.hoisted(() => ({ count: 0 }));
vi.mock("@/lib/passwords", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/passwords")>();
  return {
    ...real,
    verifyPassword: async (hash: string, password: string) => {
      checks.count++;
      return real.verifyPassword(hash, password);
    },
  };
});

afterAll(async () => {
  await db.$disconnect();
});

beforeEach(() => {
  checks.count = 0;
});

const PASSWORD = "the right passphrase";

async function person() {
  const email = `limit-${randomUUID()}@example.test`;
  expect((await createUserWithPassword({ name: "Target", email, password: PASSWORD })).ok).toBe(true);
  return email;
}

/** Moves every counter of this account (and these addresses) back past its window: time passing, without a wait. */
async function letWindowPass(email: string, addresses: string[]) {
  const keys = addresses.flatMap((a) => Object.values(signInKeys(email, a))).filter((k): k is string => k !== null);
  await db.$executeRaw`UPDATE "RateLimit" SET "windowStart" = "windowStart" - interval '16 minutes' WHERE "key" = ANY(${keys})`;
}

describe("sign-in attempts are counted where the password is checked (real PostgreSQL)", () => {
  it("the 11th wrong password from one address is refused without an argon2 check, and so is the right one until the window passes", async () => {
    const email = await person();
    const attacker = "203.0.113.66";
    for (let i = 0; i < SIGN_IN_LIMITS.accountAtAddress.limit; i++) {
      expect((await checkCredentials({ email, password: `guess ${i}` }, attacker)).status).toBe("wrong");
    }
    expect(checks.count).toBe(10);

    const eleventh = await checkCredentials({ email, password: "guess 11" }, attacker);
    expect(eleventh).toMatchObject({ status: "throttled" });
    if (eleventh.status === "throttled") expect(eleventh.retryAfterMs).toBeGreaterThan(14 * 60_000);
    const right = await checkCredentials({ email, password: PASSWORD }, attacker);
    expect(right.status).toBe("throttled");
    expect(checks.count, "no password was checked once the limit was reached").toBe(10);

    await letWindowPass(email, [attacker]);
    expect((await checkCredentials({ email, password: PASSWORD }, attacker)).status).toBe("ok");
  });

  it("another address is counted separately: the person themselves still signs in", async () => {
    const email = await person();
    for (let i = 0; i < 15; i++) await checkCredentials({ email, password: `guess ${i}` }, "203.0.113.66");
    const victim = await checkCredentials({ email, password: PASSWORD }, "198.51.100.20");
    expect(victim.status).toBe("ok");
    expect(victim.status === "ok" && victim.user.email).toBe(email);
  });

  it("guesses spread over many addresses stop at the per-account limit, for the window only", async () => {
    const email = await person();
    const addresses = Array.from({ length: SIGN_IN_LIMITS.account.limit }, (_, i) => `192.0.2.${i + 1}`);
    for (const address of addresses) expect((await checkCredentials({ email, password: "guess" }, address)).status).toBe("wrong");
    const before = checks.count;
    expect((await checkCredentials({ email, password: PASSWORD }, "198.51.100.99")).status).toBe("throttled");
    expect(checks.count).toBe(before);
    await letWindowPass(email, [...addresses, "198.51.100.99"]);
    expect((await checkCredentials({ email, password: PASSWORD }, "198.51.100.99")).status).toBe("ok");
  });

  it("one address spraying many accounts stops at the per-address limit; other addresses are unaffected", async () => {
    const sprayer = "198.18.0.9";
    const target = await person();
    for (let i = 0; i < SIGN_IN_LIMITS.address.limit; i++) {
      await checkCredentials({ email: `nobody-${i}-${randomUUID()}@example.test`, password: "guess" }, sprayer);
    }
    expect((await checkCredentials({ email: target, password: PASSWORD }, sprayer)).status).toBe("throttled");
    expect((await checkCredentials({ email: target, password: PASSWORD }, "198.51.100.7")).status).toBe("ok");
    await db.rateLimit.deleteMany({ where: { key: signInKeys(target, sprayer).address! } });
  });

  it("successes do not count: a person who signs in often is never locked out", async () => {
    const email = await person();
    for (let i = 0; i < SIGN_IN_LIMITS.accountAtAddress.limit + 5; i++) {
      expect((await checkCredentials({ email, password: PASSWORD }, "198.51.100.30")).status).toBe("ok");
    }
  });

  it("an unknown email costs a password check too (no timing tell), and an unknown address is no shared bucket", async () => {
    const email = await person();
    await checkCredentials({ email: `ghost-${randomUUID()}@example.test`, password: "guess" }, null);
    expect(checks.count).toBe(1);
    for (let i = 0; i < 12; i++) await checkCredentials({ email, password: "guess" }, null);
    expect((await checkCredentials({ email, password: PASSWORD }, null)).status).toBe("throttled");
    // The account's unknown-address bucket locks only that; another account is untouched.
    const other = await person();
    expect((await checkCredentials({ email: other, password: PASSWORD }, null)).status).toBe("ok");
    expect(signInKeys(email, null).address).toBeNull();
  });

  it("malformed credentials are a plain wrong answer, counted nowhere", async () => {
    for (const raw of [null, {}, { email: 5, password: [] }, { email: "a\u0000@x.test", password: "x" }]) {
      expect((await checkCredentials(raw, "203.0.113.1")).status).toBe("wrong");
    }
    expect(checks.count).toBe(0);
  });
});
