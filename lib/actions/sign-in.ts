"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth";
import { callbackUrlSchema, signInSchema } from "@/lib/validations/auth";

export const signInAction = publicAction(
  "sign-in",
  signInSchema.extend({ callbackUrl: callbackUrlSchema }),
  async ({ email, password, callbackUrl }) => {
    try {
      await signIn("credentials", { email, password, redirect: false });
    } catch (e) {
      if (e instanceof AuthError) {
        return { ok: false, message: "Wrong email or password.", fieldErrors: { password: ["Wrong email or password."] } };
      }
      throw e;
    }
    redirect(callbackUrl);
  },
);
