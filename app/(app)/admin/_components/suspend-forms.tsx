"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { suspendUserAction } from "@/lib/actions/suspend-user";
import { suspendWorkspaceAction } from "@/lib/actions/suspend-workspace";

export function SuspendUserForm({ email, suspended = true }: { email?: string; suspended?: boolean }) {
  const [state, action, pending] = useActionState(suspendUserAction, undefined);
  return (
    <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
      <input type="hidden" name="suspended" value={String(suspended)} />
      {email ? (
        <input type="hidden" name="email" value={email} />
      ) : (
        <div className="min-w-64">
          <Field label="Account email" name="email" type="email" defaultValue={state?.values?.email ?? ""} errors={state?.fieldErrors?.email} />
        </div>
      )}
      <Button type="submit" variant={suspended ? "danger" : "secondary"} disabled={pending} aria-label={`${suspended ? "Suspend" : "Lift suspension of"} ${email ?? "account"}`}>
        {suspended ? "Suspend" : "Lift suspension"}
      </Button>
      <FormMessage message={state?.fieldErrors?.email ? undefined : state?.message} ok={state?.ok} />
    </form>
  );
}

export function SuspendWorkspaceButton({ workspaceId, slug, suspended }: { workspaceId: string; slug: string; suspended: boolean }) {
  const [state, action, pending] = useActionState(suspendWorkspaceAction, undefined);
  return (
    <form action={action} className="inline-flex items-center gap-2">
      <input type="hidden" name="workspaceId" value={workspaceId} />
      <input type="hidden" name="suspended" value={String(!suspended)} />
      <Button type="submit" variant={suspended ? "secondary" : "ghost"} className="px-3 py-1.5" disabled={pending} aria-label={`${suspended ? "Lift suspension of" : "Suspend"} ${slug}`}>
        {suspended ? "Lift suspension" : "Suspend"}
      </Button>
      {state?.ok === false ? <span className="text-xs text-danger">{state.message}</span> : null}
    </form>
  );
}
