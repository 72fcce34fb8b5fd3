"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { generalMessage } from "@/components/ui/form-state";
import { transferOwnershipAction } from "@/lib/actions/transfer-ownership";

export function TransferForm({ workspace, members }: { workspace: string; members: { userId: string; label: string }[] }) {
  const [state, action, pending] = useActionState(transferOwnershipAction, undefined);
  const [userId, setUserId] = useState("");
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="workspace" value={workspace} />
      <div className="space-y-1.5">
        <label htmlFor="transfer-to" className="block text-sm font-medium text-ink-soft">
          New owner
        </label>
        <select
          id="transfer-to"
          name="userId"
          value={userId}
          onChange={(e) => {
            setUserId(e.target.value);
            setConfirming(false);
          }}
          className="block w-full rounded-lg border border-ink/15 bg-paper-raised px-3 py-2 text-sm"
          aria-describedby={state?.fieldErrors?.userId ? "transfer-error" : undefined}
        >
          <option value="">Choose a member</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.label}
            </option>
          ))}
        </select>
        {state?.fieldErrors?.userId ? (
          <p id="transfer-error" className="text-sm text-danger">
            {state.fieldErrors.userId[0]}
          </p>
        ) : null}
      </div>
      <FormMessage message={generalMessage(state)} ok={state?.ok} />
      {confirming ? (
        <div className="flex items-center gap-2">
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? "Transferring…" : "Yes, transfer ownership"}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button type="button" variant="secondary" disabled={!userId} onClick={() => setConfirming(true)}>
          Transfer…
        </Button>
      )}
    </form>
  );
}
