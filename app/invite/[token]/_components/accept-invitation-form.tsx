"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useProblemText } from "@/components/ui/problem";
import { acceptInvitationAction } from "@/lib/actions/accept-invitation";

export function AcceptInvitationForm({ token, workspaceName }: { token: string; workspaceName: string }) {
  const t = useTranslations("auth.invite");
  const text = useProblemText();
  const [state, action, pending] = useActionState(acceptInvitationAction, undefined);
  return (
    <form action={action} className="space-y-3 pt-2">
      <input type="hidden" name="token" value={token} />
      <FormMessage message={state?.ok === false ? text(state.problem) : undefined} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("joining") : t("join", { workspace: workspaceName })}
      </Button>
    </form>
  );
}
