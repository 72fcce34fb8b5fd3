"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { generalMessage } from "@/components/ui/form-state";
import { deleteWorkspaceAction } from "@/lib/actions/delete-workspace";

/** The button wakes up only once the address is typed; the server checks it again. */
export function DeleteWorkspaceForm({ workspace }: { workspace: string }) {
  const [state, action, pending] = useActionState(deleteWorkspaceAction, undefined);
  const [typed, setTyped] = useState("");
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="workspace" value={workspace} />
      <Field
        label={`Type ${workspace} to confirm`}
        name="confirm"
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        errors={state?.fieldErrors?.confirm}
      />
      <FormMessage message={state?.ok === false ? generalMessage(state) : undefined} />
      <Button type="submit" variant="danger" className="disabled:opacity-50" disabled={pending || typed.trim().toLowerCase() !== workspace}>
        {pending ? "Deleting…" : "Delete this workspace"}
      </Button>
    </form>
  );
}
