"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { generalMessage } from "@/components/ui/form-state";
import { createApiKeyAction } from "@/lib/actions/create-api-key";
import type { Role } from "@/lib/generated/prisma/enums";
import { API_KEY_NAME_MAX_LENGTH, ROLE_LABEL } from "@/lib/validations/workspace";

/** Names a new key and picks its role (at most the maker's); the token appears once, below the form. */
export function CreateKeyForm({ workspace, roles }: { workspace: string; roles: Role[] }) {
  const [state, action, pending] = useActionState(createApiKeyAction, undefined);
  const token = state?.ok ? (state.data as { token: string } | undefined)?.token : undefined;
  return (
    <div className="space-y-4">
      <form action={action} className="flex flex-wrap items-end gap-3" noValidate>
        <input type="hidden" name="workspace" value={workspace} />
        <div className="min-w-56 flex-1">
          <Field
            label="Key name"
            name="name"
            maxLength={API_KEY_NAME_MAX_LENGTH}
            placeholder="e.g. nightly catalogue script"
            defaultValue={state?.values?.name ?? ""}
            errors={state?.fieldErrors?.name}
          />
        </div>
        <label className="space-y-1.5 text-sm font-medium text-ink-soft">
          <span className="block">Acts as</span>
          <select name="role" defaultValue={roles.includes("EDITOR") ? "EDITOR" : roles[0]} className="rounded-lg border border-ink/15 bg-paper-raised px-2 py-2 text-sm">
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit" disabled={pending}>
          {pending ? "Creating…" : "Create key"}
        </Button>
      </form>
      <FormMessage message={generalMessage(state)} ok={state?.ok} />
      {token ? (
        <div className="space-y-1 rounded-card border border-accent/40 bg-paper-raised p-4" data-testid="new-api-key">
          <p className="text-sm font-medium">Your new key (shown only this once):</p>
          <code className="block break-all rounded bg-ink/5 px-2 py-1.5 font-mono text-sm" data-testid="new-api-key-token">
            {token}
          </code>
        </div>
      ) : null}
    </div>
  );
}
