"use client";

import { usePathname } from "next/navigation";
import { useEffect, useRef, type ReactNode } from "react";

/**
 * A `<details>` used as a popover menu (its first child is the `<summary>`): it still opens and
 * works before hydration, and after it closes as a menu should: on Escape (focus back on the
 * summary when it was in the menu), on a press outside it, when focus moves out of it, on
 * following one of its links (a plain click: one opened in a new tab leaves it open), and on any
 * navigation (the layout that holds it stays mounted across pages).
 */
export function MenuDetails({ className, children }: { className?: string; children: ReactNode }) {
  const details = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();

  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);

  useEffect(() => {
    const el = details.current;
    if (!el) return;
    const close = () => {
      el.open = false;
    };
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== "Escape" || !el.open) return;
      const focusInside = el.contains(document.activeElement);
      close();
      if (focusInside) el.querySelector("summary")?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (el.open && !el.contains(event.target as Node)) close();
    };
    // Tabbing out of the menu closes it; a click on its own text (focus to nowhere) does not.
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && !el.contains(event.relatedTarget)) close();
    };
    const onClick = (event: MouseEvent) => {
      if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
      if ((event.target as Element).closest("a")) close();
    };
    document.addEventListener("keydown", onKey);
    document.addEventListener("pointerdown", onPointer);
    el.addEventListener("focusout", onFocusOut);
    el.addEventListener("click", onClick);
    return () => {
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("pointerdown", onPointer);
      el.removeEventListener("focusout", onFocusOut);
      el.removeEventListener("click", onClick);
    };
  }, []);

  return (
    <details ref={details} className={className}>
      {children}
    </details>
  );
}
