"use client";

import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, type ReactNode } from "react";
import { Button } from "@/components/ui/button";

interface Props {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
  onClose: () => void;
}

/**
 * A modal confirmation on the native <dialog>: the browser traps focus in it, closes it on Escape
 * and gives focus back to whatever opened it. Cancel has focus first, so Enter never deletes.
 */
export function ConfirmDialog({ open, title, children, confirmLabel, busy, onConfirm, onClose }: Props) {
  const t = useTranslations("gallery.confirm");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      className="m-auto w-full max-w-sm rounded-card border border-ink/10 bg-paper-raised p-6 text-ink shadow-xl backdrop:bg-ink/50"
    >
      <h2 id={titleId} className="text-lg font-semibold">
        {title}
      </h2>
      <div className="mt-2 text-sm text-ink-muted">{children}</div>
      <div className="mt-6 flex justify-end gap-2">
        <Button type="button" variant="secondary" onClick={onClose} autoFocus>
          {t("cancel")}
        </Button>
        <Button type="button" variant="danger" disabled={busy} onClick={onConfirm}>
          {busy ? t("deleting") : confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
