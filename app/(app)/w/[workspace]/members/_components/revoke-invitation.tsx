"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { useProblemText } from "@/components/ui/problem";
import { revokeInvitationAction } from "@/lib/actions/revoke-invitation";

export function RevokeInvitation({ workspace, invitationId, description }: { workspace: string; invitationId: string; description: string }) {
  const t = useTranslations("workspace.revokeInvitation");
  const text = useProblemText();
  const [state, action, pending] = useActionState(revokeInvitationAction, undefined);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="workspace" value={workspace} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" variant="ghost" className="px-3 py-1.5 text-danger" disabled={pending} aria-label={t("label", { description })}>
        {pending ? t("revoking") : t("revoke")}
      </Button>
      <span aria-live="polite" role="status" className="text-xs text-danger">
        {state?.ok === false ? text(state.problem) : null}
      </span>
    </form>
  );
}
