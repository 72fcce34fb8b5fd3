"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { revokeInvitationAction } from "@/lib/actions/revoke-invitation";

export function RevokeInvitation({ workspace, invitationId, description }: { workspace: string; invitationId: string; description: string }) {
  const [state, action, pending] = useActionState(revokeInvitationAction, undefined);
  return (
    <form action={action} className="flex items-center gap-2">
      <input type="hidden" name="workspace" value={workspace} />
      <input type="hidden" name="invitationId" value={invitationId} />
      <Button type="submit" variant="ghost" className="px-3 py-1.5 text-danger" disabled={pending} aria-label={`Revoke ${description}`}>
        {pending ? "Revoking…" : "Revoke"}
      </Button>
      <span aria-live="polite" role="status" className="text-xs text-danger">
        {state?.ok === false ? state.message : null}
      </span>
    </form>
  );
}
