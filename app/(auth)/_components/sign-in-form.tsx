"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems, useProblemText } from "@/components/ui/problem";
import { signInAction } from "@/lib/actions/sign-in";

/** `notice`: what an earlier attempt that did not come through this form ended with (see the page). */
export function SignInForm({ callbackUrl, notice }: { callbackUrl?: string; notice?: { message: string; ok?: boolean } }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(signInAction, undefined);
  const text = useProblemText();
  const fieldText = useFieldProblems(state?.fieldProblems);
  return (
    <form action={action} className="space-y-4" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field label={t("fields.email")} name="email" defaultValue={state?.values?.email} type="email" autoComplete="email" required errors={fieldText("email")} />
      <Field
        label={t("fields.password")}
        name="password"
        type="password"
        autoComplete="current-password"
        required
        errors={fieldText("password")}
      />
      {state ? (
        <FormMessage message={state.ok === false && !state.fieldProblems?.password ? text(state.problem) : undefined} />
      ) : (
        <FormMessage message={notice?.message} ok={notice?.ok} />
      )}
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("signIn.submitting") : t("signIn.submit")}
      </Button>
    </form>
  );
}
