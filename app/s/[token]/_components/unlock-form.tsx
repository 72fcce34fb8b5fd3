"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems, useProblemText } from "@/components/ui/problem";
import { unlockShareLinkAction } from "@/lib/actions/unlock-share-link";

export function UnlockForm({ token }: { token: string }) {
  const t = useTranslations("share.locked");
  const [state, action, pending] = useActionState(unlockShareLinkAction, undefined);
  const text = useProblemText();
  const wrong = useFieldProblems(state?.fieldProblems)("password");
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field label={t("password")} name="password" type="password" autoComplete="off" autoFocus required errors={wrong} />
      {/* A wrong password shows under the field; this announces it too, without repeating it on screen. */}
      <p aria-live="polite" className="sr-only">
        {wrong ? wrong[0] : ""}
      </p>
      <FormMessage message={state?.ok === false && !wrong ? text(state.problem) : undefined} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("checking") : t("open")}
      </Button>
    </form>
  );
}
