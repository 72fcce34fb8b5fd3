"use client";

import { useFormatter, useTranslations } from "next-intl";
import { useState, type MouseEvent } from "react";
import { useFailureText } from "@/components/studio/failure-text";
import { workspaceUrls } from "@/lib/urls";
import { ConfirmDialog } from "./confirm-dialog";
import type { GridItem } from "./gallery-state";
import { Heart } from "./heart";
import { sizeLabel } from "./size-text";
import type { GalleryActions } from "./use-gallery-actions";

interface Props {
  items: GridItem[];
  selecting: boolean;
  selected: ReadonlySet<string>;
  onToggleSelected: (imageId: string) => void;
  onOpen: (imageId: string) => void;
  actions: GalleryActions;
}

function ratioOf(item: GridItem): number {
  if (item.kind === "image") return item.image.width / item.image.height;
  const [w, h] = item.generation.size.split("x").map(Number);
  return w && h ? w / h : 1;
}

/**
 * Justified rows: each tile's flex-basis and flex-grow are proportional to its aspect ratio, so a
 * row stretches to the full width while every tile keeps its real shape at one common height.
 * Sizes come from the DTO, so nothing shifts as thumbnails load, and a new page only extends the
 * last row. The trailing filler keeps an unfinished last row from being blown up.
 */
export function GalleryGrid({ items, selecting, selected, onToggleSelected, onOpen, actions }: Props) {
  const t = useTranslations("gallery");
  return (
    <ul
      className="flex flex-wrap gap-2 [--row:9rem] after:grow-[999] after:content-[''] sm:[--row:12rem] lg:[--row:14rem]"
      aria-label={t("grid.label")}
      data-testid="gallery-grid"
    >
      {items.map((item) => {
        const ratio = ratioOf(item);
        const style = { flexGrow: ratio, flexBasis: `calc(var(--row) * ${ratio})` };
        return item.kind === "image" ? (
          <ImageTile
            key={item.key}
            item={item}
            style={style}
            selecting={selecting}
            selected={selected.has(item.image.id)}
            onToggleSelected={onToggleSelected}
            onOpen={onOpen}
            actions={actions}
          />
        ) : (
          <FailedTile key={item.key} item={item} style={style} actions={actions} />
        );
      })}
    </ul>
  );
}

interface TileProps {
  item: Extract<GridItem, { kind: "image" }>;
  style: React.CSSProperties;
  selecting: boolean;
  selected: boolean;
  onToggleSelected: (imageId: string) => void;
  onOpen: (imageId: string) => void;
  actions: GalleryActions;
}

const REVIEW_BADGE = {
  APPROVED: { key: "approved", className: "bg-success text-white" },
  NEEDS_CHANGES: { key: "needsChanges", className: "bg-danger text-white" },
} as const;

/** The review and the comment count, small, over the tile's corner; nothing when there is neither. */
function TileBadges({ g }: { g: Extract<GridItem, { kind: "image" }>["generation"] }) {
  const t = useTranslations("gallery");
  const format = useFormatter();
  if (!g.review && g.commentCount === 0 && !g.viaApi) return null;
  return (
    <p className="pointer-events-none absolute left-2 top-2 flex gap-1 text-[11px] font-medium">
      {g.review ? (
        <span className={`rounded-full px-2 py-0.5 shadow-sm ${REVIEW_BADGE[g.review].className}`} data-testid="tile-review">
          {t(`review.${REVIEW_BADGE[g.review].key}`)}
        </span>
      ) : null}
      {g.commentCount > 0 ? (
        <span className="flex items-center gap-1 rounded-full bg-ink/65 px-2 py-0.5 text-white shadow-sm" data-testid="tile-comments">
          <svg aria-hidden viewBox="0 0 16 16" className="size-3 fill-current">
            <path d="M2 3a2 2 0 0 1 2-2h8a2 2 0 0 1 2 2v6a2 2 0 0 1-2 2H7l-3 3v-3a2 2 0 0 1-2-2z" />
          </svg>
          <span aria-hidden>{format.number(g.commentCount)}</span>
          <span className="sr-only">{t("grid.comments", { count: g.commentCount })}</span>
        </span>
      ) : null}
      {g.viaApi ? (
        <span className="max-w-40 truncate rounded-full bg-ink/65 px-2 py-0.5 text-white shadow-sm" data-testid="tile-via-api" title={t("grid.viaApiTitle", { key: g.viaApi.keyName })}>
          {t("grid.viaApi", { key: g.viaApi.keyName })}
        </span>
      ) : null}
    </p>
  );
}

function ImageTile({ item: { image, generation: g }, style, selecting, selected, onToggleSelected, onOpen, actions }: TileProps) {
  const t = useTranslations("gallery");
  const prompt = `${g.prompt.slice(0, 80)}${g.prompt.length > 80 ? "…" : ""}`;
  const label =
    g.images.length > 1 ? t("grid.tileOf", { prompt, index: image.index + 1, total: g.images.length }) : t("grid.tile", { prompt });
  const open = (e: MouseEvent<HTMLAnchorElement>) => {
    // A modified click opens the real page in a new tab, as a link should.
    if (e.metaKey || e.ctrlKey || e.shiftKey || e.altKey || e.button !== 0) return;
    e.preventDefault();
    onOpen(image.id);
  };
  return (
    <li
      style={style}
      className={`group relative min-w-0 overflow-hidden rounded-lg bg-paper-sunk ${selected ? "ring-4 ring-accent" : ""}`}
      data-testid="gallery-tile"
      data-image-id={image.id}
      data-generation-id={g.id}
    >
      <a href={workspaceUrls.image(g.workspace.slug, image.id)} onClick={open} tabIndex={selecting ? -1 : undefined} className="block" data-testid="tile-link">
        {/* eslint-disable-next-line @next/next/no-img-element -- auth-checked thumbnails, already 512 px WebP */}
        <img
          src={image.thumbUrl}
          alt={label}
          width={image.width}
          height={image.height}
          loading="lazy"
          decoding="async"
          style={{ aspectRatio: `${image.width} / ${image.height}` }}
          className="block h-auto w-full transition-transform duration-300 group-hover:scale-[1.02]"
        />
      </a>
      <div className="pointer-events-none absolute inset-x-0 bottom-0 bg-gradient-to-t from-ink/75 to-transparent px-3 pb-2 pt-8 text-xs text-white opacity-0 transition-opacity group-focus-within:opacity-100 group-hover:opacity-100">
        <p className="line-clamp-2">{g.prompt}</p>
      </div>
      {selecting ? (
        <label className="absolute inset-0 cursor-pointer">
          <input
            type="checkbox"
            checked={selected}
            onChange={() => onToggleSelected(image.id)}
            aria-label={t("grid.select", { label })}
            className="absolute left-2 top-2 size-5 accent-accent"
            data-testid="tile-select"
          />
        </label>
      ) : (
        <TileBadges g={g} />
      )}
      {selecting ? null : (
        <button
          type="button"
          aria-pressed={image.favorite}
          aria-label={t(image.favorite ? "grid.unfavourite" : "grid.favourite", { label })}
          disabled={actions.busy === `favorite:${image.id}`}
          onClick={() => void actions.favorite(g.workspace.slug, image.id, !image.favorite)}
          className={`absolute right-2 top-2 flex size-8 items-center justify-center rounded-full bg-ink/55 text-base text-white transition-opacity hover:bg-ink/75 focus-visible:opacity-100 group-hover:opacity-100 ${image.favorite ? "opacity-100" : "opacity-0"}`}
          data-testid="tile-favorite"
        >
          <Heart filled={image.favorite} />
        </button>
      )}
    </li>
  );
}

function FailedTile({ item: { generation: g }, style, actions }: { item: Extract<GridItem, { kind: "failed" }>; style: React.CSSProperties; actions: GalleryActions }) {
  const t = useTranslations("gallery");
  const failure = useFailureText();
  const [confirming, setConfirming] = useState(false);
  const ws = g.workspace.slug;
  const [w, h] = g.size.split("x");
  return (
    <li
      style={{ ...style, aspectRatio: `${w} / ${h}` }}
      className="flex min-w-0 flex-col gap-2 overflow-hidden rounded-lg border border-danger/25 bg-danger-soft p-3 text-sm"
      data-testid="gallery-failed"
      data-generation-id={g.id}
    >
      <p className="flex items-center gap-2 text-xs">
        <span className="rounded-full bg-danger px-2 py-0.5 font-medium text-white">{t("grid.failed")}</span>
        <span className="text-ink-muted">{sizeLabel(t, g.size)}</span>
      </p>
      <p className="line-clamp-3 text-ink" title={g.prompt}>
        {g.prompt}
      </p>
      <p className="line-clamp-4 text-danger" data-testid="failed-reason">
        {g.error ? failure(g.error).reason : null}
      </p>
      <div className="mt-auto flex flex-wrap gap-2">
        {g.can.retry ? (
          <button
            type="button"
            disabled={actions.busy === `retry:${g.id}`}
            onClick={() => void actions.retry(ws, g.id)}
            className="rounded-md bg-danger px-3 py-1 text-xs font-medium text-white hover:bg-danger/90 disabled:opacity-60"
          >
            {t(actions.busy === `retry:${g.id}` ? "grid.retrying" : "grid.retry")}
          </button>
        ) : null}
        {g.can.delete ? (
          <button type="button" onClick={() => setConfirming(true)} className="rounded-md px-3 py-1 text-xs font-medium text-danger hover:bg-danger/10">
            {t("grid.delete")}
          </button>
        ) : null}
      </div>
      <ConfirmDialog
        open={confirming}
        title={t("grid.confirmFailed.title")}
        confirmLabel={t("grid.confirmFailed.confirm")}
        busy={actions.busy === `delete:${g.id}`}
        onConfirm={async () => {
          if (await actions.deleteGeneration(ws, g.id)) setConfirming(false);
        }}
        onClose={() => setConfirming(false)}
      >
        {t("grid.confirmFailed.body")}
      </ConfirmDialog>
    </li>
  );
}
