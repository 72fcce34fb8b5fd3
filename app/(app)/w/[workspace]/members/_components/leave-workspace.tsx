"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { leaveWorkspaceAction } from "@/lib/actions/leave-workspace";

export function LeaveWorkspace({ workspace, name }: { workspace: string; name: string }) {
  const [state, action, pending] = useActionState(leaveWorkspaceAction, undefined);
  const [confirming, setConfirming] = useState(false);
  return (
    <div className="flex flex-col items-end gap-1">
      {confirming ? (
        <form action={action} className="flex items-center gap-2">
          <input type="hidden" name="workspace" value={workspace} />
          <span className="text-sm">Leave {name}? Your generations stay here.</span>
          <Button type="submit" variant="danger" className="px-3 py-1.5" disabled={pending}>
            {pending ? "Leaving…" : "Yes, leave"}
          </Button>
          <Button type="button" variant="ghost" className="px-3 py-1.5" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </form>
      ) : (
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Leave workspace
        </Button>
      )}
      <p aria-live="polite" role="status" className="max-w-sm text-right text-xs text-danger">
        {state?.ok === false ? state.message : null}
      </p>
    </div>
  );
}
