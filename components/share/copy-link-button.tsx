"use client";

import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { buttonClass } from "@/components/ui/button";

type CopyState = "idle" | "copied" | "failed";

/** Copies a link; says so out loud, and falls back to asking the person to copy it themselves. */
export function CopyLinkButton({
  url,
  label,
  name,
  className,
}: {
  url: string;
  label?: string;
  /** An accessible name, where several copy buttons share a page. */
  name?: string;
  className?: string;
}) {
  const t = useTranslations("gallery.share");
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2500);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      // The clipboard API exists only in secure contexts (https or localhost).
      await navigator.clipboard.writeText(url);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="inline-flex items-center gap-2">
      <button type="button" onClick={copy} aria-label={name} className={className ?? buttonClass("secondary")}>
        {state === "copied" ? t("copied") : (label ?? t("copy"))}
      </button>
      <span aria-live="polite" role="status" className={state === "failed" ? "text-xs text-danger" : "sr-only"}>
        {state === "copied" ? t("copiedStatus") : state === "failed" ? t("copyFailed") : null}
      </span>
    </span>
  );
}
