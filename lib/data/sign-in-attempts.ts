import "server-only";
import { randomBytes } from "node:crypto";
import { findUserWithPasswordHash } from "@/lib/data/users";
import { clearAttempts, consumeAttempt, refundAttempt, type RateLimitRule } from "@/lib/data/rate-limit";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { signInSchema } from "@/lib/validations/auth";

/**
 * The one place a password is checked, whichever way it arrives (the sign-in form's action or
 * Auth.js's own POST /api/auth/callback/credentials), and so the one place attempts are counted.
 *
 * Three counters, each per 15 minutes, checked in this order and stopping at the first refusal:
 * - per client address, across accounts (100): one machine spraying many accounts;
 * - per account from one address (10): guessing one person's password. The victim, elsewhere,
 *   is not locked out by it;
 * - per account from everywhere (50): guessing spread over many addresses. This one can lock the
 *   victim out, but only for the window, and only for a distributed attacker.
 * A refused attempt stops before the next counter, so hammering a locked door only raises the
 * attacker's own counts. A success takes its attempt back from every counter and clears the
 * account-at-address one, so the counters measure failures.
 *
 * Without a known address (see lib/http/client-address.ts) there is no address counter (a shared
 * "unknown" one would let one person lock everybody out), and the account-at-address counter is
 * the account's "unknown address" bucket: it can only lock out other unknown-address attempts at
 * that same account.
 */
const WINDOW_MS = 15 * 60_000;
export const SIGN_IN_LIMITS = {
  address: { limit: 100, windowMs: WINDOW_MS },
  accountAtAddress: { limit: 10, windowMs: WINDOW_MS },
  account: { limit: 50, windowMs: WINDOW_MS },
} satisfies Record<string, RateLimitRule>;

export function signInKeys(email: string, address: string | null) {
  return {
    address: address ? `sign-in:address:${address}` : null,
    accountAtAddress: `sign-in:account-address:${email}|${address ?? "unknown"}`,
    account: `sign-in:account:${email}`,
  };
}

// Unknown emails cost the same argon2 verify as known ones, so timing does not tell them apart.
let decoyHash: Promise<string> | undefined;
const decoy = () => (decoyHash ??= hashPassword(randomBytes(16).toString("base64url")));

export type CredentialsOutcome =
  | { status: "ok"; user: { id: string; email: string; name: string | null; image: string | null } }
  | { status: "wrong" }
  | { status: "throttled"; retryAfterMs: number };

export async function checkCredentials(raw: unknown, address: string | null): Promise<CredentialsOutcome> {
  const parsed = signInSchema.safeParse(raw);
  if (!parsed.success) return { status: "wrong" };
  const { email, password } = parsed.data;
  const keys = signInKeys(email, address);
  const counted: string[] = [];
  for (const name of ["address", "accountAtAddress", "account"] as const) {
    const key = keys[name];
    if (!key) continue;
    const outcome = await consumeAttempt(key, SIGN_IN_LIMITS[name]);
    counted.push(key);
    if (!outcome.allowed) return { status: "throttled", retryAfterMs: outcome.retryAfterMs };
  }
  const user = await findUserWithPasswordHash(email);
  const valid = await verifyPassword(user?.passwordHash ?? (await decoy()), password);
  if (!user?.passwordHash || !valid) return { status: "wrong" };
  await Promise.all(counted.map(refundAttempt));
  await clearAttempts(keys.accountAtAddress);
  return { status: "ok", user: { id: user.id, email: user.email, name: user.name, image: user.image } };
}
