"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems } from "@/components/ui/problem";
import { useStateMessage } from "@/components/workspace/state-message";
import { renameWorkspaceAction } from "@/lib/actions/rename-workspace";
import { WORKSPACE_NAME_MAX_LENGTH } from "@/lib/validations/workspace";

export function RenameForm({ workspace, name }: { workspace: string; name: string }) {
  const [state, action, pending] = useActionState(renameWorkspaceAction, undefined);
  const t = useTranslations("workspace.settings");
  const message = useStateMessage();
  const fieldProblems = useFieldProblems(state?.fieldProblems);
  return (
    <form action={action} className="space-y-3" noValidate>
      <input type="hidden" name="workspace" value={workspace} />
      <Field
        label={t("nameLabel")}
        name="name"
        defaultValue={state?.values?.name ?? name}
        maxLength={WORKSPACE_NAME_MAX_LENGTH}
        required
        errors={fieldProblems("name")}
      />
      <FormMessage message={message(state)} ok={state?.ok} />
      <Button type="submit" disabled={pending}>
        {pending ? t("saving") : t("rename")}
      </Button>
    </form>
  );
}
