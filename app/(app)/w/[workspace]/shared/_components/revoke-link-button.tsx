"use client";

import { useActionState, useState } from "react";
import { buttonClass } from "@/components/ui/button";
import { revokeShareLinkAction } from "@/lib/actions/revoke-share-link";

/** Two steps, because a revoked link cannot be brought back: Revoke, then Revoke now (or Keep). */
export function RevokeLinkButton({ workspace, linkId, subject }: { workspace: string; linkId: string; subject: string }) {
  const [confirming, setConfirming] = useState(false);
  const [state, action, pending] = useActionState(revokeShareLinkAction, undefined);
  const name = subject.length > 60 ? `${subject.slice(0, 59)}…` : subject;
  return (
    <form action={action} className="inline-flex flex-wrap items-center gap-2">
      <input type="hidden" name="workspace" value={workspace} />
      <input type="hidden" name="linkId" value={linkId} />
      {confirming ? (
        <>
          <button
            type="submit"
            autoFocus
            disabled={pending}
            className={buttonClass("danger", "px-3 py-1.5")}
            aria-label={`Revoke now: link to “${name}”`}
          >
            {pending ? "Revoking…" : "Revoke now"}
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={buttonClass("ghost", "px-3 py-1.5")}>
            Keep
          </button>
        </>
      ) : (
        <button
          type="button"
          onClick={() => setConfirming(true)}
          className={buttonClass("ghost", "px-3 py-1.5 text-danger")}
          aria-label={`Revoke link to “${name}”`}
        >
          Revoke
        </button>
      )}
      <span role="status" aria-live="polite" className={state?.ok === false ? "text-xs text-danger" : "sr-only"}>
        {state?.message ?? ""}
      </span>
    </form>
  );
}
