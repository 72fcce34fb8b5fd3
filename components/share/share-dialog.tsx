"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useEffect, useId, useRef } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { useFieldProblems, useProblemText } from "@/components/ui/problem";
import { createShareLinkAction } from "@/lib/actions/create-share-link";
import { workspaceUrls } from "@/lib/urls";
import { SHARE_EXPIRIES, SHARE_PASSWORD_MIN_LENGTH } from "@/lib/validations/share";
import { CopyLinkButton } from "./copy-link-button";
import type { ShareTargetRef } from "./types";

export interface ShareDialogProps {
  workspace: string;
  target: ShareTargetRef;
  subject?: string;
  onClose: () => void;
}

/**
 * A modal <dialog>: the browser traps focus, closes it on Escape and returns focus to the button
 * that opened it. Mounted fresh on every opening, so each one starts with an empty form.
 */
export function ShareDialog({ workspace, target, subject, onClose }: ShareDialogProps) {
  const t = useTranslations("gallery.share");
  const format = useFormatter();
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [state, formAction, pending] = useActionState(createShareLinkAction, undefined);
  const created = state?.ok ? state.data : undefined;
  const text = useProblemText();
  const fieldText = useFieldProblems(state?.fieldProblems);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  const close = () => ref.current?.close();

  return (
    <dialog
      ref={ref}
      aria-labelledby={headingId}
      onClose={onClose}
      // The dialog is portalled, but React still bubbles its events to the button's ancestors
      // (a clickable card, say); they stop here. A click on the dialog itself is on the backdrop.
      onClick={(e) => {
        e.stopPropagation();
        if (e.target === e.currentTarget) close();
      }}
      onKeyDown={(e) => e.stopPropagation()}
      className="m-auto w-[calc(100%-2rem)] max-w-md rounded-card border border-ink/10 bg-paper-raised p-0 text-ink shadow-xl backdrop:bg-ink/40"
    >
      <div className="space-y-5 p-6">
        <header>
          <h2 id={headingId} className="text-lg font-semibold tracking-tight">
            {t(`heading.${target.type}`)}
          </h2>
          {subject ? (
            <p className="mt-1 line-clamp-2 text-sm text-ink-soft" title={subject}>
              {subject}
            </p>
          ) : null}
          <p className="mt-2 text-sm text-ink-muted">{t(`reach.${target.type}`)}</p>
        </header>

        {created ? (
          <div className="space-y-4">
            <FormMessage ok message={t("created")} />
            <div className="space-y-1.5">
              <label htmlFor={`${headingId}-url`} className="block text-sm font-medium text-ink-soft">
                {t("link")}
              </label>
              <div className="flex gap-2">
                <input
                  id={`${headingId}-url`}
                  readOnly
                  autoFocus
                  value={created.url}
                  onFocus={(e) => e.currentTarget.select()}
                  className="block min-w-0 flex-1 rounded-lg border border-ink/15 bg-paper-sunk px-3 py-2 font-mono text-xs"
                />
                <CopyLinkButton url={created.url} />
              </div>
              <p className="text-xs text-ink-muted">
                {created.expiresAt
                  ? t("expires", { date: format.dateTime(new Date(created.expiresAt), "dateTime") })
                  : t("neverExpires")}
                {created.hasPassword ? <> · {t("passwordProtected")}</> : null} · {t("revocable")}
              </p>
            </div>
            <div className="flex items-center justify-between gap-3">
              <Link href={workspaceUrls.shared(workspace)} className="text-sm font-medium text-accent hover:underline">
                {t("manage")}
              </Link>
              <Button type="button" onClick={close}>
                {t("done")}
              </Button>
            </div>
          </div>
        ) : (
          <form action={formAction} className="space-y-4" noValidate>
            <input type="hidden" name="workspace" value={workspace} />
            <input type="hidden" name="target" value={target.type} />
            {target.type === "GENERATION" ? <input type="hidden" name="generationId" value={target.generationId} /> : null}
            {target.type === "COLLECTION" ? <input type="hidden" name="collectionId" value={target.collectionId} /> : null}

            <label className="flex cursor-pointer items-start gap-3 text-sm">
              <input
                type="checkbox"
                name="showReferences"
                defaultChecked={state?.values?.showReferences === "on"}
                className="mt-0.5 size-4 accent-accent"
              />
              <span>
                <span className="font-medium">{t("showReferences")}</span>
                <span className="block text-xs text-ink-muted">{t("showReferencesHint")}</span>
              </span>
            </label>

            <div className="space-y-1.5">
              <label htmlFor={`${headingId}-expires`} className="block text-sm font-medium text-ink-soft">
                {t("expiresLabel")}
              </label>
              <select
                id={`${headingId}-expires`}
                name="expiresIn"
                defaultValue={state?.values?.expiresIn ?? "never"}
                className="block w-full rounded-lg border border-ink/15 bg-paper-raised px-3 py-2 text-sm"
              >
                {SHARE_EXPIRIES.map((value) => (
                  <option key={value} value={value}>
                    {value === "never" ? t("expiry.never") : t("expiry.days", { count: Number(value) })}
                  </option>
                ))}
              </select>
            </div>

            <Field
              label={t("password")}
              name="password"
              type="password"
              autoComplete="new-password"
              hint={t("passwordHint", { min: SHARE_PASSWORD_MIN_LENGTH })}
              errors={fieldText("password")}
            />

            <FormMessage message={state && !state.ok ? text(state.problem) : undefined} />

            <div className="flex justify-end gap-2">
              <button type="button" onClick={close} className={buttonClass("ghost")}>
                {t("cancel")}
              </button>
              <Button type="submit" disabled={pending}>
                {t(pending ? "creating" : "create")}
              </Button>
            </div>
          </form>
        )}
      </div>
    </dialog>
  );
}
