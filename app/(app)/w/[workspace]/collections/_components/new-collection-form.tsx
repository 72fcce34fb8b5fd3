"use client";

import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems, useProblemText } from "@/components/ui/problem";
import { createCollectionAction } from "@/lib/actions/create-collection";
import { workspaceUrls } from "@/lib/urls";
import { COLLECTION_NAME_MAX_LENGTH } from "@/lib/validations/gallery-filters";

/** Names a new, empty collection and opens it. */
export function NewCollectionForm({ workspace }: { workspace: string }) {
  const router = useRouter();
  const t = useTranslations("gallery.collections");
  const [state, action, pending] = useActionState(createCollectionAction, undefined);
  const created = state?.ok ? state.data?.id : null;
  const text = useProblemText();
  const nameText = useFieldProblems(state?.fieldProblems)("name");

  useEffect(() => {
    if (created) router.push(workspaceUrls.collection(workspace, created));
  }, [created, router, workspace]);

  return (
    <form action={action} className="ml-auto flex flex-wrap items-start gap-2" aria-label={t("new.label")}>
      <input type="hidden" name="workspace" value={workspace} />
      <div>
        <label htmlFor="new-collection-name" className="sr-only">
          {t("name")}
        </label>
        <input
          id="new-collection-name"
          name="name"
          required
          maxLength={COLLECTION_NAME_MAX_LENGTH}
          defaultValue={state?.values?.name}
          placeholder={t("new.placeholder")}
          aria-invalid={nameText ? true : undefined}
          aria-describedby="new-collection-message"
          className="w-64 rounded-lg border border-ink/15 bg-paper-raised px-3 py-2 text-sm shadow-sm aria-invalid:border-danger"
        />
      </div>
      <Button type="submit" disabled={pending}>
        {t(pending ? "new.creating" : "new.submit")}
      </Button>
      <div id="new-collection-message" className="basis-full">
        {state && !state.ok ? <FormMessage message={nameText?.[0] ?? text(state.problem)} /> : null}
      </div>
    </form>
  );
}
