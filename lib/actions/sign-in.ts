"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth";
import { clearAttempts, consumeAttempt, retryAfterText } from "@/lib/data/rate-limit";
import { callbackUrlSchema, signInSchema } from "@/lib/validations/auth";

// Per account, so guessing one person's password is slow while others sign in as usual.
const SIGN_IN_LIMIT = { limit: 10, windowMs: 15 * 60_000 };

export const signInAction = publicAction(
  "sign-in",
  signInSchema.extend({ callbackUrl: callbackUrlSchema }),
  async ({ email, password, callbackUrl }) => {
    const key = `sign-in:${email}`;
    const attempt = await consumeAttempt(key, SIGN_IN_LIMIT);
    if (!attempt.allowed) {
      return { ok: false, message: `Too many sign-in attempts for this account. Try again ${retryAfterText(attempt.retryAfterMs)}.` };
    }
    try {
      await signIn("credentials", { email, password, redirect: false });
    } catch (e) {
      if (e instanceof AuthError) {
        return { ok: false, message: "Wrong email or password.", fieldErrors: { password: ["Wrong email or password."] } };
      }
      throw e;
    }
    await clearAttempts(key);
    redirect(callbackUrl);
  },
);
