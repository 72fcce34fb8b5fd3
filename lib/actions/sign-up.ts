"use server";

import { redirect } from "next/navigation";
import { publicAction } from "@/lib/actions/action";
import { signIn } from "@/lib/auth";
import { createUserWithPassword, EmailTakenError } from "@/lib/data/users";
import { signUpSchema } from "@/lib/validations/auth";

export const signUpAction = publicAction("sign-up", signUpSchema, async (input) => {
  try {
    await createUserWithPassword(input);
  } catch (e) {
    if (e instanceof EmailTakenError) {
      return { ok: false, message: e.message, fieldErrors: { email: [e.message] } };
    }
    throw e;
  }
  await signIn("credentials", { email: input.email, password: input.password, redirect: false });
  redirect("/w");
});
