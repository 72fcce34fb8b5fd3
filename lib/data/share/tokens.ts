import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { apiUrls, appUrls } from "@/lib/urls";

// A share link's token, its URLs and the unlock proof of a password-protected link: no database.

/** 24 random bytes = 192 bits, 32 base64url characters: unguessable, and short enough to paste. */
export function newShareToken(): string {
  return randomBytes(24).toString("base64url");
}

export const sharePath = (token: string) => appUrls.share(token);
export const shareUrl = (token: string) => new URL(sharePath(token), env.APP_URL).toString();

/**
 * The unlock proof of a password-protected link travels in two httpOnly cookies with the same
 * value: one scoped to the page (/s/<token>, which also receives its server actions) and one to its
 * files (/api/s/<token>). No single path covers both, and a site-wide cookie would ride along on
 * every request; they need two names because a response carries one Set-Cookie per name.
 */
export const SHARE_PAGE_PROOF_COOKIE = "share_proof";
export const SHARE_FILE_PROOF_COOKIE = "share_file_proof";

export function shareProofCookies(token: string) {
  return [
    { name: SHARE_PAGE_PROOF_COOKIE, path: sharePath(token) },
    { name: SHARE_FILE_PROOF_COOKIE, path: apiUrls.sharedFiles(token) },
  ];
}

const UNLOCK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

// Production refuses to start without AUTH_SECRET (lib/env.ts); unit tests may run without one,
// and a per-process key then simply makes unlocks last until the process restarts.
const proofKey = env.AUTH_SECRET ?? randomBytes(32).toString("base64url");

// Binding the password hash means a proof dies with the password it was earned with.
function proofMac(link: { id: string; passwordHash: string }, expires: number): string {
  return createHmac("sha256", proofKey).update(`share-unlock\n${link.id}\n${link.passwordHash}\n${expires}`).digest("base64url");
}

/** `<expiry ms>.<HMAC>`; valid for a week, or until the link itself expires if that is sooner. */
export function makeUnlockProof(
  link: { id: string; passwordHash: string; expiresAt: Date | null },
  now = Date.now(),
): { value: string; expires: Date } {
  const expires = Math.min(now + UNLOCK_TTL_MS, link.expiresAt?.getTime() ?? Infinity);
  return { value: `${expires}.${proofMac(link, expires)}`, expires: new Date(expires) };
}

export function verifyUnlockProof(
  link: { id: string; passwordHash: string | null },
  proof: string | null | undefined,
  now = Date.now(),
): boolean {
  if (!link.passwordHash || !proof) return false;
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(proof);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires <= now) return false;
  const expected = Buffer.from(proofMac({ id: link.id, passwordHash: link.passwordHash }, expires));
  const given = Buffer.from(match[2] ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
