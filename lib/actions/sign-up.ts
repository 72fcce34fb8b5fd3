"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { publicAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth";
import { createUserWithPassword, EmailTakenError } from "@/lib/data/users";
import { callbackUrlSchema, signUpSchema } from "@/lib/validations/auth";

// An invitation link sends people here with a callbackUrl back to it.
const schema = signUpSchema.and(z.object({ callbackUrl: callbackUrlSchema }));

export const signUpAction = publicAction("sign-up", schema, async (input) => {
  try {
    await createUserWithPassword(input);
  } catch (e) {
    if (e instanceof EmailTakenError) {
      return { ok: false, message: e.message, fieldErrors: { email: [e.message] } };
    }
    throw e;
  }
  await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  redirect(input.callbackUrl);
});
