"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/actions/action";
import { createUserWithPassword, firstName } from "@/lib/data/users";
import { env } from "@/lib/env";
import { safeReturnPath } from "@/lib/http/return-path";
import { browserTranslator } from "@/lib/i18n/translator";
import { appUrls } from "@/lib/urls";
import { callbackUrlSchema, signUpSchema } from "@/lib/validations/auth";

// An invitation link sends people here with a callbackUrl back to it.
const schema = signUpSchema.and(z.object({ callbackUrl: callbackUrlSchema }));

/**
 * Sign-up never says whether an email already has an account: a new email and a taken one get the
 * same answer (on to the sign-in form, with the same notice), and both pay for one argon2 hash
 * before the insert that tells them apart. So the new account is not signed in automatically:
 * signing in there is the step that proves the password, for a new account and an old one alike.
 * A taken email's account is left exactly as it was.
 */
export const signUpAction = publicAction("sign-up", schema, async (input) => {
  const t = await browserTranslator();
  // A refusal (the email is taken) is deliberately answered like a success.
  await createUserWithPassword(input, t("auth.signUp.personalWorkspace", { name: firstName(input.name) }));
  redirect(appUrls.signIn(safeReturnPath(input.callbackUrl, env.APP_URL, ""), { signedUp: true }));
});
