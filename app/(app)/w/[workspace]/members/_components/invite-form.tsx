"use client";

import { useActionState, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { generalMessage } from "@/components/ui/form-state";
import { inviteMemberAction } from "@/lib/actions/invite-member";
import { INVITE_EXPIRY_DAYS, ROLE_LABEL, type AssignableRole } from "@/lib/validations/workspace";

const noSubscribe = () => () => {};

const selectClass = "block w-full rounded-lg border border-ink/15 bg-paper-raised px-3 py-2 text-sm shadow-sm";

const ROLE_HINT: Record<AssignableRole, string> = {
  ADMIN: "manages members and everyone's images",
  EDITOR: "creates, remixes, shares their own",
  VIEWER: "browses and downloads",
};

export function InviteForm({ workspace, roles }: { workspace: string; roles: AssignableRole[] }) {
  const [state, action, pending] = useActionState(inviteMemberAction, undefined);
  const [copied, setCopied] = useState<string | null>(null);
  // The link is built from the address the inviter is using, which is the one invitees can reach.
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => "");
  const path = state?.ok ? (state.data as { path: string }).path : null;
  const link = path ? `${origin}${path}` : null;

  return (
    <div className="space-y-4 rounded-card border border-ink/10 bg-paper-raised p-5">
      <form action={action} className="grid gap-4 sm:grid-cols-2" aria-label="Create an invitation link" noValidate>
        <input type="hidden" name="workspace" value={workspace} />
        <div className="space-y-1.5">
          <label htmlFor="invite-role" className="block text-sm font-medium text-ink-soft">
            Role
          </label>
          <select id="invite-role" name="role" defaultValue={roles.includes("EDITOR") ? "EDITOR" : roles[0]} className={selectClass}>
            {roles.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABEL[r]} — {ROLE_HINT[r]}
              </option>
            ))}
          </select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="invite-expiry" className="block text-sm font-medium text-ink-soft">
            Link expires after
          </label>
          <select id="invite-expiry" name="expiresInDays" defaultValue="7" className={selectClass}>
            {INVITE_EXPIRY_DAYS.map((d) => (
              <option key={d} value={d}>
                {d === 1 ? "1 day" : `${d} days`}
              </option>
            ))}
          </select>
        </div>
        <Field
          label="Only for this email (optional)"
          name="email"
          type="email"
          autoComplete="off"
          hint="Then only someone signed in with this address can use the link."
          defaultValue={state?.ok ? undefined : state?.values?.email}
          errors={state?.fieldErrors?.email}
        />
        <div className="flex items-start gap-2 self-center text-sm">
          <input id="invite-multi" type="checkbox" name="multiUse" className="mt-0.5 size-4" />
          <label htmlFor="invite-multi">
            <span className="font-medium">Multi-use link</span>
            <span className="block text-ink-muted">Anyone with it can join until it expires or you revoke it.</span>
          </label>
        </div>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Creating link…" : "Create invite link"}
          </Button>
        </div>
      </form>
      <FormMessage message={generalMessage(state)} ok={state?.ok} />
      {link ? (
        <div className="flex flex-wrap items-center gap-2">
          <label htmlFor="invite-link" className="sr-only">
            Invitation link
          </label>
          <input
            id="invite-link"
            readOnly
            value={link}
            onFocus={(e) => e.currentTarget.select()}
            className="min-w-0 flex-1 rounded-lg border border-ink/15 bg-paper px-3 py-2 font-mono text-xs"
            data-testid="invite-link"
          />
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              void navigator.clipboard.writeText(link).then(
                () => setCopied(link),
                () => setCopied(null),
              );
            }}
          >
            {copied === link ? "Copied" : "Copy link"}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
