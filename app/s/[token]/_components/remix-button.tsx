"use client";

import { useTranslations } from "next-intl";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useProblemText } from "@/components/ui/problem";
import { remixSharedAction } from "@/lib/actions/remix-shared";

interface Props {
  token: string;
  /** Needed on gallery links, where the page shows several generations. */
  generationId?: string;
  /** Names the button when several share a page. */
  subject?: string;
}

export function RemixButton({ token, generationId, subject }: Props) {
  const t = useTranslations("share.remix");
  const [state, action, pending] = useActionState(remixSharedAction, undefined);
  const text = useProblemText();
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="token" value={token} />
      {generationId ? <input type="hidden" name="generationId" value={generationId} /> : null}
      <Button
        type="submit"
        variant="secondary"
        disabled={pending}
        aria-label={subject ? t("named", { subject: subject.length > 60 ? `${subject.slice(0, 59)}…` : subject }) : undefined}
      >
        {pending ? t("opening") : t("button")}
      </Button>
      <FormMessage message={state?.ok === false ? text(state.problem) : undefined} />
    </form>
  );
}
