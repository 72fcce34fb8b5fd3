"use client";

import { usePathname } from "next/navigation";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

interface Props {
  /** The button's visible (and so spoken) name. */
  label: string;
  /** The bar's left end: the product's name and the workspace menu. */
  start: ReactNode;
  /** The bar's right end: the account menu. */
  end: ReactNode;
  /** The app's navigation and tools: a second row on wide screens, the menu's panel below lg. */
  children: ReactNode;
}

/**
 * The app's header. Below lg the navigation does not fit beside the bar, so it folds behind a
 * disclosure button (aria-expanded + aria-controls); the panel closes on Escape, on following one
 * of its links, and on any navigation (it is open only for the path it was opened on).
 */
export function AppShellMenu({ label, start, end, children }: Props) {
  const pathname = usePathname();
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;
  const panelId = useId();
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape") return;
      setOpenOn(null);
      button.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);

  return (
    <header className="border-b border-ink/10 bg-paper-raised">
      <div className="mx-auto flex max-w-7xl items-center gap-2 px-4 py-2.5 sm:gap-4 sm:px-6">
        <div className="flex min-w-0 items-center gap-2 sm:gap-4">{start}</div>
        <div className="ml-auto flex shrink-0 items-center gap-2">
          <button
            ref={button}
            type="button"
            aria-expanded={open}
            aria-controls={panelId}
            onClick={() => setOpenOn(open ? null : pathname)}
            className="flex items-center gap-1.5 rounded-lg border border-ink/15 px-2.5 py-1.5 text-sm font-medium text-ink-soft hover:bg-ink/5 lg:hidden"
          >
            <svg aria-hidden viewBox="0 0 16 16" className="size-4" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round">
              {open ? <path d="M4 4l8 8M12 4l-8 8" /> : <path d="M2.5 4.5h11M2.5 8h11M2.5 11.5h11" />}
            </svg>
            {label}
          </button>
          {end}
        </div>
      </div>
      <div
        id={panelId}
        className={`${open ? "block" : "hidden"} border-t border-ink/10 lg:block`}
        onClick={(event) => {
          if ((event.target as Element).closest("a")) setOpenOn(null);
        }}
      >
        <div className="mx-auto flex max-w-7xl flex-col gap-3 px-4 py-3 sm:px-6 lg:flex-row lg:items-center lg:gap-6 lg:py-1.5">
          {children}
        </div>
      </div>
    </header>
  );
}
