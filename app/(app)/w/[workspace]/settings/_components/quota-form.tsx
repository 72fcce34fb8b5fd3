"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems } from "@/components/ui/problem";
import { useStateMessage } from "@/components/workspace/state-message";
import { setDailyQuotaAction } from "@/lib/actions/set-daily-quota";
import { MAX_DAILY_QUOTA } from "@/lib/validations/workspace";

export function QuotaForm({ workspace, dailyQuota }: { workspace: string; dailyQuota: number | null }) {
  const [state, action, pending] = useActionState(setDailyQuotaAction, undefined);
  const t = useTranslations("workspace.settings");
  const message = useStateMessage();
  const fieldProblems = useFieldProblems(state?.fieldProblems);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="workspace" value={workspace} />
      <Field
        label={t("quotaLabel")}
        name="dailyQuota"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_DAILY_QUOTA}
        placeholder={t("quotaDefault")}
        defaultValue={state?.values?.dailyQuota ?? dailyQuota ?? ""}
        errors={fieldProblems("dailyQuota")}
      />
      <FormMessage message={message(state)} ok={state?.ok} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("saveQuota")}
      </Button>
    </form>
  );
}
