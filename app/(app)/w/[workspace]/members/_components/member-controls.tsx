"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { useStateMessage } from "@/components/workspace/state-message";
import { changeRoleAction } from "@/lib/actions/change-role";
import { removeMemberAction } from "@/lib/actions/remove-member";
import type { Role } from "@/lib/generated/prisma/enums";
import type { AssignableRole } from "@/lib/validations/workspace";

interface Props {
  workspace: string;
  member: { userId: string; label: string; role: Role };
  /** Only what the server would allow: the page asks memberControls(). */
  roles: AssignableRole[];
  canRemove: boolean;
}

export function MemberControls({ workspace, member, roles, canRemove }: Props) {
  const t = useTranslations("workspace.memberControls");
  const tRoles = useTranslations("common.roles");
  const stateMessage = useStateMessage();
  const [roleState, changeRole, changing] = useActionState(changeRoleAction, undefined);
  const [removeState, remove, removing] = useActionState(removeMemberAction, undefined);
  const [confirming, setConfirming] = useState(false);
  const current = (roles as readonly Role[]).includes(member.role) ? member.role : "";
  const message = stateMessage(removeState?.ok === false ? removeState : roleState);
  const failed = removeState?.ok === false || roleState?.ok === false;

  return (
    <div className="flex flex-wrap items-center gap-2">
      {roles.length > 0 ? (
        <form action={changeRole} className="flex items-center gap-2">
          <input type="hidden" name="workspace" value={workspace} />
          <input type="hidden" name="userId" value={member.userId} />
          <select
            name="role"
            defaultValue={current}
            required
            aria-label={t("newRole", { name: member.label })}
            className="rounded-lg border border-ink/15 bg-paper-raised px-2 py-1.5 text-sm"
          >
            {current ? null : (
              <option value="" disabled>
                {t("chooseRole")}
              </option>
            )}
            {roles.map((r) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
          <Button type="submit" variant="secondary" className="px-3 py-1.5" disabled={changing} aria-label={t("changeRoleOf", { name: member.label })}>
            {changing ? t("saving") : t("change")}
          </Button>
        </form>
      ) : null}
      {canRemove ? (
        confirming ? (
          <form action={remove} className="flex items-center gap-2">
            <input type="hidden" name="workspace" value={workspace} />
            <input type="hidden" name="userId" value={member.userId} />
            <Button type="submit" variant="danger" className="px-3 py-1.5" disabled={removing} aria-label={t("confirmRemove", { name: member.label })}>
              {removing ? t("removing") : t("yesRemove")}
            </Button>
            <Button type="button" variant="ghost" className="px-3 py-1.5" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </Button>
          </form>
        ) : (
          <Button type="button" variant="ghost" className="px-3 py-1.5 text-danger" onClick={() => setConfirming(true)} aria-label={t("removeName", { name: member.label })}>
            {t("remove")}
          </Button>
        )
      ) : null}
      <p aria-live="polite" role="status" className={`w-full text-xs ${failed ? "text-danger" : "text-success"}`}>
        {message}
      </p>
    </div>
  );
}
