"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { generalMessage } from "@/components/ui/form-state";
import { renameWorkspaceAction } from "@/lib/actions/rename-workspace";
import { WORKSPACE_NAME_MAX_LENGTH } from "@/lib/validations/workspace";

export function RenameForm({ workspace, name }: { workspace: string; name: string }) {
  const [state, action, pending] = useActionState(renameWorkspaceAction, undefined);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="workspace" value={workspace} />
      <Field
        label="Workspace name"
        name="name"
        defaultValue={state?.values?.name ?? name}
        maxLength={WORKSPACE_NAME_MAX_LENGTH}
        required
        errors={state?.fieldErrors?.name}
      />
      <FormMessage message={generalMessage(state)} ok={state?.ok} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Rename"}
      </Button>
    </form>
  );
}
