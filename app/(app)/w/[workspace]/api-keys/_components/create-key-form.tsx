"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems } from "@/components/ui/problem";
import { useStateMessage } from "@/components/workspace/state-message";
import { createApiKeyAction } from "@/lib/actions/create-api-key";
import type { Role } from "@/lib/generated/prisma/enums";
import { API_KEY_NAME_MAX_LENGTH } from "@/lib/validations/workspace";

/** Names a new key and picks its role (at most the maker's); the token appears once, below the form. */
export function CreateKeyForm({ workspace, roles }: { workspace: string; roles: Role[] }) {
  const t = useTranslations("workspace.apiKeys");
  const tRoles = useTranslations("common.roles");
  const [state, action, pending] = useActionState(createApiKeyAction, undefined);
  const message = useStateMessage();
  const fieldProblems = useFieldProblems(state?.fieldProblems);
  const token = state?.ok ? (state.data as { token: string } | undefined)?.token : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="workspace" value={workspace} />
        <div className="min-w-56 flex-1">
          <Field
            label={t("keyName")}
            name="name"
            maxLength={API_KEY_NAME_MAX_LENGTH}
            placeholder={t("keyNameExample")}
            defaultValue={state?.values?.name ?? ""}
            errors={fieldProblems("name")}
          />
        </div>
        <label className="space-y-1.5 text-sm font-medium text-ink-soft">
          <span className="block">{t("actsAs")}</span>
          <select name="role" defaultValue={roles.includes("EDITOR") ? "EDITOR" : roles[0]} className="rounded-lg border border-ink/15 bg-paper-raised px-2 py-2 text-sm">
            {roles.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" disabled={pending}>
          {pending ? t("creating") : t("create")}
        </Button>
      </form>
      <FormMessage message={message(state)} ok={state?.ok} />
      {token ? (
        <div className="space-y-1 rounded-card border border-accent/40 bg-paper-raised p-4" data-testid="new-api-key">
          <p className="text-sm font-medium">{t("newToken")}</p>
          <code className="block break-all rounded bg-ink/5 px-2 py-1.5 font-mono text-sm" data-testid="new-api-key-token">
            {token}
          </code>
        </div>
      ) : null}
    </div>
  );
}
