"use client";

import { useTranslations } from "next-intl";
import { useActionState, useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Field, SelectField } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems } from "@/components/ui/problem";
import { useStateMessage } from "@/components/workspace/state-message";
import { inviteMemberAction } from "@/lib/actions/invite-member";
import type { InvitationLetter } from "@/lib/data/invitations";
import { localeNames } from "@/lib/i18n/config";
import { INVITE_EXPIRY_DAYS, type AssignableRole } from "@/lib/validations/workspace";

const noSubscribe = () => () => {};

function CopyButton({ text, label, done }: { text: string; label: string; done: string }) {
  const [copied, setCopied] = useState<string | null>(null);
  return (
    <Button
      type="button"
      variant="secondary"
      onClick={() => {
        void navigator.clipboard.writeText(text).then(
          () => setCopied(text),
          () => setCopied(null),
        );
      }}
    >
      {copied === text ? done : label}
    </Button>
  );
}

export function InviteForm({ workspace, roles }: { workspace: string; roles: AssignableRole[] }) {
  const t = useTranslations("workspace.invite");
  const tRoles = useTranslations("common.roles");
  const message = useStateMessage();
  const [state, action, pending] = useActionState(inviteMemberAction, undefined);
  const fieldProblems = useFieldProblems(state?.fieldProblems);
  // The link is built from the address the inviter is using, which is the one invitees can reach.
  const origin = useSyncExternalStore(noSubscribe, () => window.location.origin, () => "");
  const created = state?.ok ? (state.data as { path: string; letter: InvitationLetter }) : null;
  const link = created ? `${origin}${created.path}` : null;
  const letter = created && link ? `${created.letter.subject}\n\n${created.letter.body}\n\n${link}` : null;

  return (
    <div className="space-y-4 rounded-card border border-ink/10 bg-paper-raised p-5">
      <form action={action} className="grid gap-4 sm:grid-cols-2" aria-label={t("formLabel")} noValidate>
        <input type="hidden" name="workspace" value={workspace} />
        <SelectField label={t("role")} name="role" defaultValue={roles.includes("EDITOR") ? "EDITOR" : roles[0]} errors={fieldProblems("role")}>
          {roles.map((r) => (
            <option key={r} value={r}>
              {tRoles(r)} — {t(`roleHint.${r}`)}
            </option>
          ))}
        </SelectField>
        <SelectField label={t("expiry")} name="expiresInDays" defaultValue="7" errors={fieldProblems("expiresInDays")}>
          {INVITE_EXPIRY_DAYS.map((d) => (
            <option key={d} value={d}>
              {t("days", { days: d })}
            </option>
          ))}
        </SelectField>
        <Field
          label={t("email")}
          name="email"
          type="email"
          autoComplete="off"
          hint={t("emailHint")}
          defaultValue={state?.ok ? undefined : state?.values?.email}
          errors={fieldProblems("email")}
        />
        <div className="flex items-start gap-2 self-center text-sm">
          <input id="invite-multi" type="checkbox" name="multiUse" className="mt-0.5 size-4" />
          <label htmlFor="invite-multi">
            <span className="font-medium">{t("multi")}</span>
            <span className="block text-ink-muted">{t("multiHint")}</span>
          </label>
        </div>
        <div className="sm:col-span-2">
          <Button type="submit" disabled={pending}>
            {pending ? t("creating") : t("create")}
          </Button>
        </div>
      </form>
      <FormMessage message={message(state)} ok={state?.ok} />
      {link && created && letter ? (
        <>
          <div className="flex flex-wrap items-center gap-2">
            <label htmlFor="invite-link" className="sr-only">
              {t("link")}
            </label>
            <input
              id="invite-link"
              readOnly
              value={link}
              onFocus={(e) => e.currentTarget.select()}
              className="min-w-0 flex-1 rounded-lg border border-ink/15 bg-paper px-3 py-2 font-mono text-xs"
              data-testid="invite-link"
            />
            <CopyButton text={link} label={t("copy")} done={t("copied")} />
          </div>
          <div className="space-y-1.5">
            <label htmlFor="invite-letter" className="block text-sm font-medium text-ink-soft">
              {t("letter", { language: localeNames[created.letter.locale] })}
            </label>
            <textarea
              id="invite-letter"
              readOnly
              rows={6}
              lang={created.letter.locale}
              value={letter}
              onFocus={(e) => e.currentTarget.select()}
              className="block w-full rounded-lg border border-ink/15 bg-paper px-3 py-2 text-sm"
              data-testid="invite-letter"
            />
            <CopyButton text={letter} label={t("copyLetter")} done={t("copied")} />
          </div>
        </>
      ) : null}
    </div>
  );
}
