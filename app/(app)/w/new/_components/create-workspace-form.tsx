"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems } from "@/components/ui/problem";
import { useStateMessage } from "@/components/workspace/state-message";
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
  const t = useTranslations("workspace.new");
  const [state, action, pending] = useActionState(createWorkspaceAction, undefined);
  const message = useStateMessage();
  const fieldProblems = useFieldProblems(state?.fieldProblems);
  const [name, setName] = useState(state?.values?.name ?? "");
  const [slug, setSlug] = useState(state?.values?.slug ?? "");
  // The address follows the name until the person edits it themselves.
  const [slugEdited, setSlugEdited] = useState(false);
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field
        label={t("name")}
        name="name"
        value={name}
        onChange={(e) => {
          setName(e.target.value);
          if (!slugEdited) setSlug(suggestSlug(e.target.value));
        }}
        maxLength={WORKSPACE_NAME_MAX_LENGTH}
        required
        errors={fieldProblems("name")}
      />
      <Field
        label={t("address")}
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
        hint={t("addressHint", { slug: slug || t("slugExample") })}
        errors={fieldProblems("slug")}
      />
      <FormMessage message={state?.ok === false ? message(state) : undefined} />
      <Button type="submit" disabled={pending} className="w-full">
        {pending ? t("creating") : t("create")}
      </Button>
    </form>
  );
}
