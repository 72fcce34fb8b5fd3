"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems, useProblemText } from "@/components/ui/problem";
import { signUpAction } from "@/lib/actions/sign-up";
import { PASSWORD_MIN_LENGTH } from "@/lib/validations/auth";

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("auth");
  const [state, action, pending] = useActionState(signUpAction, undefined);
  const text = useProblemText();
  const fieldText = useFieldProblems(state?.fieldProblems);
  return (
    <form action={action} className="space-y-4" noValidate>
      {callbackUrl ? <input type="hidden" name="callbackUrl" value={callbackUrl} /> : null}
      <Field label={t("fields.name")} name="name" defaultValue={state?.values?.name} autoComplete="name" required errors={fieldText("name")} />
      <Field label={t("fields.email")} name="email" defaultValue={state?.values?.email} type="email" autoComplete="email" required errors={fieldText("email")} />
      <Field
        label={t("fields.password")}
        name="password"
        type="password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN_LENGTH}
        hint={t("signUp.passwordHint", { count: PASSWORD_MIN_LENGTH })}
        errors={fieldText("password")}
      />
      <FormMessage message={state?.ok === false ? text(state.problem) : undefined} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("signUp.submitting") : t("signUp.submit")}
      </Button>
    </form>
  );
}
