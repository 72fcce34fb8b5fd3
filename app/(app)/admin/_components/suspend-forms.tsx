"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems, useProblemText } from "@/components/ui/problem";
import { useStateMessage } from "@/components/workspace/state-message";
import { suspendUserAction } from "@/lib/actions/suspend-user";
import { suspendWorkspaceAction } from "@/lib/actions/suspend-workspace";

export function SuspendUserForm({ email, suspended = true }: { email?: string; suspended?: boolean }) {
  const t = useTranslations("workspace.admin");
  const [state, action, pending] = useActionState(suspendUserAction, undefined);
  const message = useStateMessage();
  const fieldProblems = useFieldProblems(state?.fieldProblems);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="suspended" value={String(suspended)} />
      {email ? (
        <input type="hidden" name="email" value={email} />
      ) : (
        <div className="min-w-64">
          <Field label={t("accountEmail")} name="email" type="email" defaultValue={state?.values?.email ?? ""} errors={fieldProblems("email")} />
        </div>
      )}
      <Button type="submit" variant={suspended ? "danger" : "secondary"} disabled={pending} aria-label={t(suspended ? "suspendTarget" : "liftTarget", { target: email ?? t("account") })}>
        {suspended ? t("suspend") : t("lift")}
      </Button>
      <FormMessage message={message(state)} ok={state?.ok} />
    </form>
  );
}

export function SuspendWorkspaceButton({ workspaceId, slug, suspended }: { workspaceId: string; slug: string; suspended: boolean }) {
  const t = useTranslations("workspace.admin");
  const text = useProblemText();
  const [state, action, pending] = useActionState(suspendWorkspaceAction, undefined);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="suspended" value={String(!suspended)} />
      <Button type="submit" variant={suspended ? "secondary" : "ghost"} className="px-3 py-1.5" disabled={pending} aria-label={t(suspended ? "liftTarget" : "suspendTarget", { target: slug })}>
        {suspended ? t("lift") : t("suspend")}
      </Button>
      {state?.ok === false ? <span className="text-xs text-danger">{text(state.problem)}</span> : null}
    </form>
  );
}
