"use client";

import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { createPortal } from "react-dom";
import type { ShareTargetRef } from "./types";

// Few visitors share: the dialog (its form, expiry choices, copy button) loads on the first click.
const ShareDialog = dynamic(() => import("./share-dialog").then((m) => m.ShareDialog), { ssr: false });

export type { ShareTargetRef } from "./types";

export interface ShareButtonProps {
  /** The workspace's slug, as in /w/<slug>/…. */
  workspace: string;
  /** What to share. The server checks the viewer's role against it again. */
  target: ShareTargetRef;
  /** What is shared, in words (a prompt, a collection's name): names the button for screen readers and heads the dialog. */
  subject?: string;
  /** The visible text; the catalogue's "Share" unless given. */
  label?: string;
  /** Replaces the default (small, ghost) button classes. */
  className?: string;
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * Opens the share dialog. The dialog is portalled to <body>, so the button may sit inside a form,
 * a link or a card without nesting one form in another.
 */
export function ShareButton({ workspace, target, subject, label, className }: ShareButtonProps) {
  const t = useTranslations("gallery.share");
  const [open, setOpen] = useState(false);
  const text = label ?? t("button");
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={subject ? t("buttonName", { label: text, subject: short(subject) }) : undefined}
        onClick={() => setOpen(true)}
        className={className ?? "rounded-md px-2 py-1 text-xs font-medium text-ink-soft hover:bg-ink/5"}
      >
        {text}
      </button>
      {open
        ? createPortal(
            <ShareDialog workspace={workspace} target={target} subject={subject} onClose={() => setOpen(false)} />,
            document.body,
          )
        : null}
    </>
  );
}
