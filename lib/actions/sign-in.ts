"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { fail, publicAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth";
import { env } from "@/lib/env";
import { safeReturnPath } from "@/lib/http/return-path";
import { appUrls } from "@/lib/urls";
import { callbackUrlSchema, signInSchema, signInThrottleMs } from "@/lib/validations/auth";

/** The attempt limits live where the password is checked (lib/data/sign-in-attempts.ts). */
export const signInAction = publicAction(
  "sign-in",
  signInSchema.extend({ callbackUrl: callbackUrlSchema }),
  async ({ email, password, callbackUrl }) => {
    try {
      await signIn("credentials", { email, password, redirect: false });
    } catch (e) {
      if (e instanceof AuthError) {
        const throttled = signInThrottleMs("code" in e ? e.code : undefined);
        if (throttled !== null) return fail("auth.throttled", { minutes: Math.max(1, Math.ceil(throttled / 60_000)) });
        return fail("auth.wrongPassword", undefined, "password");
      }
      throw e;
    }
    redirect(appUrls.checked(safeReturnPath(callbackUrl, env.APP_URL)));
  },
);

