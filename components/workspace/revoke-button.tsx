"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { useProblemText } from "@/components/ui/problem";
import type { ActionState } from "@/lib/actions/action";

type RevokeAction<T> = (prev: ActionState<T> | undefined, form: FormData) => Promise<ActionState<T>>;

/**
 * Two steps, because what is revoked (a share link, an API key) cannot be brought back: Revoke,
 * then Revoke now (or Keep). `fields` are the hidden inputs the action needs; `what` names it.
 */
export function RevokeButton<T>({ action: revoke, fields, what }: { action: RevokeAction<T>; fields: Record<string, string>; what: string }) {
  const t = useTranslations("workspace.revoke");
  const text = useProblemText();
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(revoke, undefined);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirming ? (
        <>
          <button type="submit" autoFocus disabled={pending} className={buttonClass("danger", "px-3 py-1.5")} aria-label={t("now", { what })}>
            {pending ? t("revoking") : t("nowButton")}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={buttonClass("ghost", "px-3 py-1.5")}>
            {t("keep")}
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={buttonClass("ghost", "px-3 py-1.5 text-danger")} aria-label={t("label", { what })}>
          {t("button")}
        </button>
      )}
      <span role="status" aria-live="polite" className={state?.ok === false ? "text-xs text-danger" : "sr-only"}>
        {(state?.ok ? text(state.done, "done") : text(state?.problem)) ?? ""}
      </span>
    </form>
  );
}
