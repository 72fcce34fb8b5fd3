"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { useProblemText } from "@/components/ui/problem";
import { leaveWorkspaceAction } from "@/lib/actions/leave-workspace";

export function LeaveWorkspace({ workspace, name }: { workspace: string; name: string }) {
  const t = useTranslations("workspace.leave");
  const text = useProblemText();
  const [state, action, pending] = useActionState(leaveWorkspaceAction, undefined);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-col items-end gap-1">
      {confirming ? (
        <form action={action} className="flex items-center gap-2">
          <input type="hidden" name="workspace" value={workspace} />
          <span className="text-sm">{t("confirm", { name })}</span>
          <Button type="submit" variant="danger" className="px-3 py-1.5" disabled={pending}>
            {pending ? t("leaving") : t("yes")}
          </Button>
          <Button type="button" variant="ghost" className="px-3 py-1.5" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
        </form>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          {t("button")}
        </Button>
      )}
      <p aria-live="polite" role="status" className="max-w-sm text-right text-xs text-danger">
        {state?.ok === false ? text(state.problem) : null}
      </p>
    </div>
  );
}
