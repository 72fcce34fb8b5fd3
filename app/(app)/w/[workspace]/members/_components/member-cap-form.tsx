"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { setMemberCapAction } from "@/lib/actions/set-member-cap";
import { MAX_DAILY_QUOTA } from "@/lib/validations/workspace";

/** A member's own daily image cap, on top of the workspace quota; empty means no cap of their own. */
export function MemberCapForm({ workspace, member }: { workspace: string; member: { userId: string; label: string; cap: number | null } }) {
  const [state, action, pending] = useActionState(setMemberCapAction, undefined);
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
        placeholder="no cap"
        defaultValue={state?.values?.dailyCap ?? member.cap ?? ""}
        aria-label={`Daily image cap for ${member.label}`}
        className="w-24 rounded-lg border border-ink/15 bg-paper-raised px-2 py-1.5 text-sm tabular-nums"
      />
      <Button type="submit" variant="secondary" className="px-3 py-1.5" disabled={pending} aria-label={`Save cap for ${member.label}`}>
        {pending ? "Saving…" : "Set cap"}
      </Button>
      <span aria-live="polite" className={`text-xs ${state?.ok === false ? "text-danger" : "text-ink-muted"}`}>
        {state?.message ?? state?.fieldErrors?.dailyCap?.[0]}
      </span>
    </form>
  );
}
