"use server";

import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { fail, publicAction } from "@/lib/actions/action";
import { consumeAttempt } from "@/lib/data/rate-limit";
import { unlockShareLink } from "@/lib/data/share/shared-access";
import { sharePath, shareProofCookies } from "@/lib/data/share/tokens";
import { env } from "@/lib/env";
import { unlockShareLinkSchema } from "@/lib/validations/share";

// Per link: a short password on a shared link should not be guessable by brute force.
const UNLOCK_LIMIT = { limit: 10, windowMs: 15 * 60_000 };

/**
 * Checks a protected link's password and leaves an HMAC proof in httpOnly cookies scoped to the
 * link's page and files, so the page and its images open without asking again.
 */
export const unlockShareLinkAction = publicAction("unlock-share-link", unlockShareLinkSchema, async ({ token, password }) => {
  const attempt = await consumeAttempt(`share-unlock:${token}`, UNLOCK_LIMIT);
  if (!attempt.allowed) {
    return fail("gallery.linkTooManyPasswords", { minutes: Math.max(1, Math.ceil(attempt.retryAfterMs / 60_000)) });
  }
  const unlocked = await unlockShareLink(token, password);
  if (!unlocked.ok) return unlocked;
  const proof = unlocked.value;
  if (proof) {
    const store = await cookies();
    for (const cookie of shareProofCookies(token)) {
      store.set(cookie.name, proof.value, {
        path: cookie.path,
        httpOnly: true,
        sameSite: "lax",
        secure: new URL(env.APP_URL).protocol === "https:",
        expires: proof.expires,
      });
    }
  }
  redirect(sharePath(token));
});
