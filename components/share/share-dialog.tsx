"use client";

import Link from "next/link";
import { useActionState, useEffect, useId, useRef } from "react";
import { Button, buttonClass } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { createShareLinkAction } from "@/lib/actions/create-share-link";
import { workspaceUrls } from "@/lib/urls";
import { SHARE_EXPIRY_CHOICES, SHARE_PASSWORD_MIN_LENGTH, type ShareExpiry } from "@/lib/validations/share";
import { CopyLinkButton } from "./copy-link-button";
import type { ShareTargetRef } from "./types";

const HEADINGS: Record<ShareTargetRef["type"], string> = {
  GENERATION: "Share this generation",
  COLLECTION: "Share this collection",
  WORKSPACE: "Share the whole gallery",
};

const REACH: Record<ShareTargetRef["type"], string> = {
  GENERATION: "Anyone with the link sees its images and prompt, without signing in.",
  COLLECTION: "Anyone with the link sees the images in this collection, including ones added later.",
  WORKSPACE: "Anyone with the link sees every finished image in this workspace, including future ones.",
};

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
  const ref = useRef<HTMLDialogElement>(null);
  const headingId = useId();
  const [state, formAction, pending] = useActionState(createShareLinkAction, undefined);
  const created = state?.ok ? state.data : undefined;

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
            {HEADINGS[target.type]}
          </h2>
          {subject ? (
            <p className="mt-1 line-clamp-2 text-sm text-ink-soft" title={subject}>
              {subject}
            </p>
          ) : null}
          <p className="mt-2 text-sm text-ink-muted">{REACH[target.type]}</p>
        </header>

        {created ? (
          <div className="space-y-4">
            <FormMessage ok message={state?.message} />
            <div className="space-y-1.5">
              <label htmlFor={`${headingId}-url`} className="block text-sm font-medium text-ink-soft">
                Share link
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
                {created.expiresAt ? `Expires ${new Date(created.expiresAt).toLocaleString()}` : "Never expires"}
                {created.hasPassword ? " · Password-protected" : ""} · You can revoke it at any time.
              </p>
            </div>
            <div className="flex items-center justify-between gap-3">
              <Link href={workspaceUrls.shared(workspace)} className="text-sm font-medium text-accent hover:underline">
                Manage shared links
              </Link>
              <Button type="button" onClick={close}>
                Done
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
                <span className="font-medium">Show the reference images</span>
                <span className="block text-xs text-ink-muted">
                  Visitors also see the images this was made from, and can remix with them.
                </span>
              </span>
            </label>

            <div className="space-y-1.5">
              <label htmlFor={`${headingId}-expires`} className="block text-sm font-medium text-ink-soft">
                Link expires
              </label>
              <select
                id={`${headingId}-expires`}
                name="expiresIn"
                defaultValue={state?.values?.expiresIn ?? "never"}
                className="block w-full rounded-lg border border-ink/15 bg-paper-raised px-3 py-2 text-sm"
              >
                {(Object.entries(SHARE_EXPIRY_CHOICES) as [ShareExpiry, string][]).map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </select>
            </div>

            <Field
              label="Password (optional)"
              name="password"
              type="password"
              autoComplete="new-password"
              hint={`Visitors must enter it before they see anything. At least ${SHARE_PASSWORD_MIN_LENGTH} characters.`}
              errors={state?.fieldErrors?.password}
            />

            <FormMessage message={state && !state.ok ? state.message : undefined} />

            <div className="flex justify-end gap-2">
              <button type="button" onClick={close} className={buttonClass("ghost")}>
                Cancel
              </button>
              <Button type="submit" disabled={pending}>
                {pending ? "Creating…" : "Create link"}
              </Button>
            </div>
          </form>
        )}
      </div>
    </dialog>
  );
}
