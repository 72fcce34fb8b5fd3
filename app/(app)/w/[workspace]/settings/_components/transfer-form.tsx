"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems } from "@/components/ui/problem";
import { useStateMessage } from "@/components/workspace/state-message";
import { transferOwnershipAction } from "@/lib/actions/transfer-ownership";

export function TransferForm({ workspace, members }: { workspace: string; members: { userId: string; label: string }[] }) {
  const [state, action, pending] = useActionState(transferOwnershipAction, undefined);
  const t = useTranslations("workspace.settings");
  const message = useStateMessage();
  const fieldProblems = useFieldProblems(state?.fieldProblems);
  const userIdProblem = fieldProblems("userId")?.[0];
  const [userId, setUserId] = useState("");
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="workspace" value={workspace} />
      <div className="space-y-1.5">
        <label htmlFor="transfer-to" className="block text-sm font-medium text-ink-soft">
          {t("newOwner")}
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
          aria-describedby={userIdProblem ? "transfer-error" : undefined}
        >
          <option value="">{t("chooseMember")}</option>
          {members.map((m) => (
            <option key={m.userId} value={m.userId}>
              {m.label}
            </option>
          ))}
        </select>
        {userIdProblem ? (
          <p id="transfer-error" className="text-sm text-danger">
            {userIdProblem}
          </p>
        ) : null}
      </div>
      <FormMessage message={message(state)} ok={state?.ok} />
      {confirming ? (
        <div className="flex items-center gap-2">
          <Button type="submit" variant="danger" disabled={pending}>
            {pending ? t("transferring") : t("yesTransfer")}
          </Button>
          <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
            {t("cancel")}
          </Button>
        </div>
      ) : (
        <Button type="button" variant="secondary" disabled={!userId} onClick={() => setConfirming(true)}>
          {t("transfer")}
        </Button>
      )}
    </form>
  );
}
