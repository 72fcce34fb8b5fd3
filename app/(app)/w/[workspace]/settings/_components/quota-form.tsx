"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { generalMessage } from "@/components/ui/form-state";
import { setDailyQuotaAction } from "@/lib/actions/set-daily-quota";
import { MAX_DAILY_QUOTA } from "@/lib/validations/workspace";

export function QuotaForm({ workspace, dailyQuota }: { workspace: string; dailyQuota: number | null }) {
  const [state, action, pending] = useActionState(setDailyQuotaAction, undefined);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="workspace" value={workspace} />
      <Field
        label="Images per day"
        name="dailyQuota"
        type="number"
        inputMode="numeric"
        min={1}
        max={MAX_DAILY_QUOTA}
        placeholder="default"
        defaultValue={state?.values?.dailyQuota ?? dailyQuota ?? ""}
        errors={state?.fieldErrors?.dailyQuota}
      />
      <FormMessage message={generalMessage(state)} ok={state?.ok} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save limit"}
      </Button>
    </form>
  );
}
