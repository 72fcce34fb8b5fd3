"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { useFieldProblems } from "@/components/ui/problem";
import { useStateMessage } from "@/components/workspace/state-message";
import { setMemberCapAction } from "@/lib/actions/set-member-cap";
import { MAX_DAILY_QUOTA } from "@/lib/validations/workspace";

/** A member's own daily image cap, on top of the workspace quota; empty means no cap of their own. */
export function MemberCapForm({ workspace, member }: { workspace: string; member: { userId: string; label: string; cap: number | null } }) {
  const t = useTranslations("workspace.cap");
  const [state, action, pending] = useActionState(setMemberCapAction, undefined);
  const message = useStateMessage();
  const fieldProblems = useFieldProblems(state?.fieldProblems);
  return (
    <form action={action} className="flex items-center gap-2" noValidate>
      <input type="hidden" name="workspace" value={workspace} />
      <input type="hidden" name="userId" value={member.userId} />
      <input
        name="dailyCap"
        type="number"
        inputMode="numeric"
        min={0}
        max={MAX_DAILY_QUOTA}
        placeholder={t("none")}
        defaultValue={state?.values?.dailyCap ?? member.cap ?? ""}
        aria-label={t("label", { name: member.label })}
        className="w-24 rounded-lg border border-ink/15 bg-paper-raised px-2 py-1.5 text-sm tabular-nums"
      />
      <Button type="submit" variant="secondary" className="px-3 py-1.5" disabled={pending} aria-label={t("saveFor", { name: member.label })}>
        {pending ? t("saving") : t("set")}
      </Button>
      <span aria-live="polite" className={`text-xs ${state?.ok === false ? "text-danger" : "text-ink-muted"}`}>
        {fieldProblems("dailyCap")?.[0] ?? message(state)}
      </span>
    </form>
  );
}
