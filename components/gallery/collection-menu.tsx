"use client";

import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import type { CollectionOptionDTO } from "@/lib/data/collections";
import { COLLECTION_NAME_MAX_LENGTH } from "@/lib/validations/gallery-filters";
import type { GalleryActions } from "./use-gallery-actions";

interface Props {
  workspace: string;
  collections: CollectionOptionDTO[];
  imageIds: string[];
  /** For one image: the collections it is in, shown as ticked boxes that add or remove it. */
  memberOf?: string[];
  actions: GalleryActions;
  onCreated: (collection: CollectionOptionDTO) => void;
  buttonClassName: string;
  /** Where the panel opens relative to its button. */
  placement?: "above" | "below";
}

/**
 * "Add to collection": a popover (the browser closes it on Escape or a click outside, and it sits
 * in the top layer, so it works inside the lightbox's modal dialog) listing the workspace's
 * collections, with a field to make a new one from these images.
 */
export function CollectionMenu({ workspace, collections, imageIds, memberOf, actions, onCreated, buttonClassName, placement = "below" }: Props) {
  const t = useTranslations("gallery.menu");
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const [name, setName] = useState("");
  const single = memberOf !== undefined;

  // The top layer ignores the button's position; place the panel next to it each time it opens.
  const place = (e: React.ToggleEvent<HTMLDivElement>) => {
    if (e.newState !== "open" || !button.current || !panel.current) return;
    const r = button.current.getBoundingClientRect();
    const width = Math.min(288, window.innerWidth - 16);
    panel.current.style.left = `${Math.max(8, Math.min(r.left, window.innerWidth - width - 8))}px`;
    panel.current.style.width = `${width}px`;
    if (placement === "above") {
      panel.current.style.top = "auto";
      panel.current.style.bottom = `${window.innerHeight - r.top + 6}px`;
    } else {
      panel.current.style.bottom = "auto";
      panel.current.style.top = `${r.bottom + 6}px`;
    }
  };

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    const created = await actions.createCollection(workspace, name, imageIds);
    if (created) {
      onCreated(created);
      setName("");
    }
  };

  return (
    <>
      <button ref={button} type="button" popoverTarget={`${id}-panel`} className={buttonClassName}>
        {t(single ? "collections" : "add")}
      </button>
      <div
        ref={panel}
        id={`${id}-panel`}
        popover="auto"
        onToggle={place}
        aria-label={t("collections")}
        className="fixed m-0 max-h-[70vh] overflow-auto rounded-xl border border-ink/10 bg-paper-raised p-2 text-sm text-ink shadow-xl"
      >
        <p className="px-2 pb-1 pt-1 text-xs font-medium uppercase tracking-wide text-ink-muted">
          {single ? t("inCollections") : t("addCount", { count: imageIds.length })}
        </p>
        {collections.length === 0 ? (
          <p className="px-2 py-1.5 text-ink-muted">{t("none")}</p>
        ) : (
          <ul className="space-y-0.5">
            {collections.map((c) => {
              const member = memberOf?.includes(c.id) ?? false;
              const busy = actions.busy === `collection:${c.id}`;
              return (
                <li key={c.id}>
                  {single ? (
                    <label className="flex cursor-pointer items-center gap-2 rounded-lg px-2 py-1.5 hover:bg-ink/5">
                      <input
                        type="checkbox"
                        checked={member}
                        disabled={busy}
                        onChange={() =>
                          member ? actions.removeFromCollection(workspace, c, imageIds) : actions.addToCollection(workspace, c, imageIds)
                        }
                        className="size-4 accent-accent"
                      />
                      <span className="truncate">{c.name}</span>
                    </label>
                  ) : (
                    <button
                      type="button"
                      disabled={busy}
                      onClick={() => void actions.addToCollection(workspace, c, imageIds)}
                      className="w-full truncate rounded-lg px-2 py-1.5 text-left hover:bg-ink/5 disabled:opacity-60"
                    >
                      {c.name}
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
        <form onSubmit={create} className="mt-2 flex gap-1.5 border-t border-ink/10 px-1 pt-2">
          <label htmlFor={`${id}-name`} className="sr-only">
            {t("newName")}
          </label>
          <input
            id={`${id}-name`}
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={COLLECTION_NAME_MAX_LENGTH}
            placeholder={t("newPlaceholder")}
            className="min-w-0 flex-1 rounded-lg border border-ink/15 bg-paper-raised px-2 py-1.5 text-sm"
          />
          <button
            type="submit"
            disabled={!name.trim() || actions.busy === "collection:new"}
            className="rounded-lg bg-accent px-3 py-1.5 text-sm font-medium text-white hover:bg-accent-hover disabled:bg-accent/50"
          >
            {t("create")}
          </button>
        </form>
      </div>
    </>
  );
}
