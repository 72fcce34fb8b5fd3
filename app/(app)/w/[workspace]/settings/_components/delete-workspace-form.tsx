"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems } from "@/components/ui/problem";
import { useStateMessage } from "@/components/workspace/state-message";
import { deleteWorkspaceAction } from "@/lib/actions/delete-workspace";

/** The button wakes up only once the address is typed; the server checks it again. */
export function DeleteWorkspaceForm({ workspace }: { workspace: string }) {
  const [state, action, pending] = useActionState(deleteWorkspaceAction, undefined);
  const t = useTranslations("workspace.settings");
  const message = useStateMessage();
  const fieldProblems = useFieldProblems(state?.fieldProblems);
  const [typed, setTyped] = useState("");
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="workspace" value={workspace} />
      <Field
        label={t("confirmLabel", { slug: workspace })}
        name="confirm"
        autoComplete="off"
        spellCheck={false}
        value={typed}
        onChange={(e) => setTyped(e.target.value)}
        errors={fieldProblems("confirm")}
      />
      <FormMessage message={state?.ok === false ? message(state) : undefined} />
      <Button type="submit" variant="danger" className="disabled:opacity-50" disabled={pending || typed.trim().toLowerCase() !== workspace}>
        {pending ? t("deleting") : t("delete")}
      </Button>
    </form>
  );
}
