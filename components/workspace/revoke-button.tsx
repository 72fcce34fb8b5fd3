"use client";

import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import type { ActionState } from "@/lib/actions/action";

type RevokeAction = (prev: ActionState | undefined, form: FormData) => Promise<ActionState>;

/**
 * Two steps, because what is revoked (a share link, an API key) cannot be brought back: Revoke,
 * then Revoke now (or Keep). `fields` are the hidden inputs the action needs; `what` names it.
 */
export function RevokeButton({ action: revoke, fields, what }: { action: RevokeAction; fields: Record<string, string>; what: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(revoke, undefined);
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirming ? (
        <>
          <button type="submit" autoFocus disabled={pending} className={buttonClass("danger", "px-3 py-1.5")} aria-label={`Revoke now: ${what}`}>
            {pending ? "Revoking…" : "Revoke now"}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={buttonClass("ghost", "px-3 py-1.5")}>
            Keep
          </button>
        </>
      ) : (
        <button type="button" onClick={() => setConfirming(true)} className={buttonClass("ghost", "px-3 py-1.5 text-danger")} aria-label={`Revoke ${what}`}>
          Revoke
        </button>
      )}
      <span role="status" aria-live="polite" className={state?.ok === false ? "text-xs text-danger" : "sr-only"}>
        {state?.message ?? ""}
      </span>
    </form>
  );
}
