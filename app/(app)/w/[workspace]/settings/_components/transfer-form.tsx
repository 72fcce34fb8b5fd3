"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems } from "@/components/ui/problem";
import { useStateMessage } from "@/components/workspace/state-message";
import { transferOwnershipAction } from "@/lib/actions/transfer-ownership";

export function TransferForm({ workspace, members }: { workspace: string; members: { userId: string; label: string }[] }) {
  const [state, action, pending] = useActionState(transferOwnershipAction, undefined);
  const t = useTranslations("workspace.settings");
  const message = useStateMessage();
  const fieldProblems = useFieldProblems(state?.fieldProblems);
  const [userId, setUserId] = useState("");
  const [confirming, setConfirming] = useState(false);
  return (
    <form action={action} className="space-y-3">
      <input type="hidden" name="workspace" value={workspace} />
      <SelectField
        label={t("newOwner")}
        name="userId"
        value={userId}
        onChange={(e) => {
          setUserId(e.target.value);
          setConfirming(false);
        }}
        errors={fieldProblems("userId")}
      >
        <option value="">{t("chooseMember")}</option>
        {members.map((m) => (
          <option key={m.userId} value={m.userId}>
            {m.label}
          </option>
        ))}
      </SelectField>
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
