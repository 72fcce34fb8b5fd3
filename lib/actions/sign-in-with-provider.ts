"use server";

import { z } from "zod";
import { publicAction } from "@/lib/actions/action";
import { oauthProviders, signIn } from "@/lib/auth";
import { env } from "@/lib/env";
import { safeReturnPath } from "@/lib/http/return-path";
import { callbackUrlSchema } from "@/lib/validations/auth";

const signInWithProviderSchema = z.object({
  provider: z.string().refine((id) => oauthProviders.some((p) => p.id === id), "auth.providerUnknown"),
  callbackUrl: callbackUrlSchema,
});

/** "Continue with GitHub / Google": Auth.js answers with a redirect to the provider. */
export const signInWithProviderAction = publicAction("sign-in-with-provider", signInWithProviderSchema, async ({ provider, callbackUrl }) => {
  // The posted return path is checked again: a hidden field is as forgeable as the address bar.
  await signIn(provider, { redirectTo: safeReturnPath(callbackUrl, env.APP_URL) });
  return { ok: true };
});
