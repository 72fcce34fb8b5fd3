"use client";

import { useTranslations } from "next-intl";
import type { LibraryItemDTO } from "@/lib/data/library";

interface Props {
  items: LibraryItemDTO[];
  /** Asset ids already in a slot: each reference can be used once. */
  inSlots: ReadonlySet<string>;
  full: boolean;
  onAdd: (item: LibraryItemDTO) => void;
  onUnpin: (assetId: string) => void;
  message?: string;
}

/** The workspace's pinned references (logos, products, faces), one click from a slot. */
export function LibraryPicker({ items, inSlots, full, onAdd, onUnpin, message }: Props) {
  const t = useTranslations("studio.library");
  return (
    <details className="group rounded-lg border border-ink/10 bg-paper-raised" data-testid="library-picker">
      <summary className="flex cursor-pointer list-none items-center justify-between px-3 py-2 text-sm font-medium text-ink-soft">
        <span>{t("summary", { count: items.length })}</span>
        <span aria-hidden className="text-ink-muted group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="border-t border-ink/10 p-3">
        {items.length === 0 ? (
          <p className="text-xs text-ink-muted">
            {t("empty")}
          </p>
        ) : (
          <ul className="grid grid-cols-3 gap-2 sm:grid-cols-4" aria-label={t("pinned")}>
            {items.map((item) => {
              const used = inSlots.has(item.assetId);
              return (
                <li key={item.assetId} className="space-y-1" data-testid="library-item">
                  <button
                    type="button"
                    disabled={used || full}
                    onClick={() => onAdd(item)}
                    aria-label={used ? t("used", { name: item.name }) : t("add", { name: item.name })}
                    className="block aspect-square w-full overflow-hidden rounded-md border border-ink/10 bg-paper-sunk disabled:opacity-40"
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element -- auth-checked files */}
                    <img src={item.url} alt="" className="size-full object-cover" loading="lazy" />
                  </button>
                  <div className="flex items-center gap-1">
                    <span className="min-w-0 flex-1 truncate text-xs" title={item.name}>
                      {item.name}
                    </span>
                    <button
                      type="button"
                      onClick={() => onUnpin(item.assetId)}
                      aria-label={t("unpin", { name: item.name })}
                      className="rounded px-1 text-xs text-ink-muted hover:bg-ink/5 hover:text-danger"
                    >
                      ✕
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
        <p aria-live="polite" className="mt-2 min-h-4 text-xs text-danger">
          {message}
        </p>
      </div>
    </details>
  );
}
