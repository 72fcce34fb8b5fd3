"use server";

import { AuthError } from "next-auth";
import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth";
import { signInSchema } from "@/lib/validations/auth";

// Only same-site paths: an open redirect after sign-in is a phishing tool.
const callbackSchema = z
  .string()
  .optional()
  .transform((v) => (v && v.startsWith("/") && !v.startsWith("//") && !v.startsWith("/\\") ? v : "/w"));

export const signInAction = publicAction(
  "sign-in",
  signInSchema.extend({ callbackUrl: callbackSchema }),
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
