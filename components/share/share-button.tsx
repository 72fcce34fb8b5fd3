"use client";

import dynamic from "next/dynamic";
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
  /** The visible text; "Share" unless given. */
  label?: string;
  /** Replaces the default (small, ghost) button classes. */
  className?: string;
}

const short = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text);

/**
 * Opens the share dialog. The dialog is portalled to <body>, so the button may sit inside a form,
 * a link or a card without nesting one form in another.
 */
export function ShareButton({ workspace, target, subject, label = "Share", className }: ShareButtonProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        aria-haspopup="dialog"
        aria-label={subject ? `${label}: ${short(subject)}` : undefined}
        onClick={() => setOpen(true)}
        className={className ?? "rounded-md px-2 py-1 text-xs font-medium text-ink-soft hover:bg-ink/5"}
      >
        {label}
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
