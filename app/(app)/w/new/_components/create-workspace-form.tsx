"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { generalMessage } from "@/components/ui/form-state";
import { createWorkspaceAction } from "@/lib/actions/create-workspace";
import { SLUG_MAX_LENGTH, WORKSPACE_NAME_MAX_LENGTH } from "@/lib/validations/workspace";

/** A suggestion only; the server validates the slug (format, reserved words, uniqueness). */
function suggestSlug(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, SLUG_MAX_LENGTH)
    .replace(/-+$/, "");
}

export function CreateWorkspaceForm() {
  const [state, action, pending] = useActionState(createWorkspaceAction, undefined);
  const [name, setName] = useState(state?.values?.name ?? "");
  const [slug, setSlug] = useState(state?.values?.slug ?? "");
  // The address follows the name until the person edits it themselves.
  const [slugEdited, setSlugEdited] = useState(false);
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field
        label="Name"
        name="name"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugEdited) setSlug(suggestSlug(e.target.value));
        }}
        maxLength={WORKSPACE_NAME_MAX_LENGTH}
        required
        errors={state?.fieldErrors?.name}
      />
      <Field
        label="Address"
        name="slug"
        value={slug}
        onChange={(e) => {
          setSlug(e.target.value);
          setSlugEdited(true);
        }}
        maxLength={SLUG_MAX_LENGTH}
        autoCapitalize="none"
        spellCheck={false}
        required
        hint={`Lower-case letters, digits and hyphens: /w/${slug || "your-team"}`}
        errors={state?.fieldErrors?.slug}
      />
      <FormMessage message={state?.ok === false ? generalMessage(state) : undefined} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? "Creating…" : "Create workspace"}
      </Button>
    </form>
  );
}
