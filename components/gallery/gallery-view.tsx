"use client";

import { useQueryClient, type InfiniteData } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useTranslations } from "next-intl";
import { useCallback, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { GallerySource } from "@/lib/client-data/gallery";
import type { CollectionOptionDTO } from "@/lib/data/collections";
import type { GalleryPageDTO } from "@/lib/data/gallery/types";
import { GalleryGrid } from "./gallery-grid";
import { applyToPages, type GalleryUpdate } from "./gallery-state";
import { useGalleryActions } from "./use-gallery-actions";
import { useGalleryPages } from "./use-gallery-pages";
import { useInfiniteSentinel } from "./use-infinite-sentinel";
import { useLightboxRoute } from "./use-lightbox-route";
import { useLiveGallery } from "./use-live-gallery";
import { useNotice, type NoticeState } from "./use-notice";

// Loaded when first shown: the lightbox (detail, sharing, discussion) when an image is opened,
// the selection bar (bulk actions, collections) in select mode. Server-rendered when the URL
// opens an image, so a shared link still paints the image at once.
const Lightbox = dynamic(() => import("./lightbox").then((m) => m.Lightbox));
const SelectionBar = dynamic(() => import("./selection-bar").then((m) => m.SelectionBar));

interface Props {
  source: GallerySource;
  /** The first page, rendered on the server. */
  initialPage: GalleryPageDTO;
  /** The workspace's collections for "Add to collection"; null where they do not apply. */
  collections: CollectionOptionDTO[] | null;
  /** Offer select mode (ZIP, collections, bulk delete); needs one workspace. */
  selectable: boolean;
  /** The collection this view shows, if any: the selection can be taken out of it. */
  collection?: CollectionOptionDTO;
  canCollect?: boolean;
  showWorkspace?: boolean;
  /** Shown when there is nothing to show (the page knows whether that is "nothing yet" or "no match"). */
  empty: ReactNode;
}

/** A gallery view: the grid, infinite scroll, the lightbox (see useLightboxRoute) and select mode. */
export function GalleryView({ source, initialPage, collections: initialCollections, selectable, collection, canCollect = false, showWorkspace, empty }: Props) {
  const queryClient = useQueryClient();
  const t = useTranslations("gallery");
  const { edition, queryKey, query, items, images } = useGalleryPages(source, initialPage);
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;
  const { notice, announce } = useNotice();

  const [collections, setCollections] = useState(initialCollections);
  const onCollectionCreated = useCallback(
    (c: CollectionOptionDTO) => setCollections((prev) => (prev ? [...prev, c].sort((a, b) => a.name.localeCompare(b.name)) : prev)),
    [],
  );

  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());

  const lightbox = useLightboxRoute(images, { hasNextPage, isFetchingNextPage, fetchNextPage });
  const { current, openIndex, leaveGone } = lightbox;

  // Deleted here while a live poll was under way: that poll's answer must not bring them back.
  const removed = useRef(new Set<string>());

  const onUpdate = useCallback(
    (update: GalleryUpdate) => {
      queryClient.setQueryData<InfiniteData<GalleryPageDTO, string | null>>(queryKey, (old) =>
        old ? { ...old, pages: applyToPages(old.pages, update) } : old,
      );
      if (update.type === "removed") for (const id of [...update.imageIds, ...update.generationIds]) removed.current.add(id);
      if (update.type !== "removed" && update.type !== "unlisted") return;
      const gone = new Set(update.imageIds);
      setSelected((prev) => new Set([...prev].filter((id) => !gone.has(id))));
      leaveGone(gone);
    },
    [queryClient, queryKey, leaveGone],
  );

  const actions = useGalleryActions({ onUpdate, announce });
  useLiveGallery({ source, edition, initialPage, pagesKey: queryKey, removed, announce });
  const sentinel = useInfiniteSentinel(hasNextPage, isFetchingNextPage, fetchNextPage);

  const toggle = (imageId: string) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (!next.delete(imageId)) next.add(imageId);
      return next;
    });
  const selectedIds = images.filter((i) => selected.has(i.image.id)).map((i) => i.image.id);
  const canDeleteSelection = images.every((i) => !selected.has(i.image.id) || i.generation.can.delete);
  const workspace = source.kind === "me" ? null : source.workspace;

  return (
    <div>
      <div className="mb-4 flex min-h-9 flex-wrap items-center gap-3">
        {items.length > 0 ? (
          <p className="text-sm text-ink-muted" data-testid="gallery-count">
            {t(hasNextPage ? "view.countSoFar" : "view.count", { count: images.length })}
          </p>
        ) : null}
        {selectable && workspace && images.length > 0 ? (
          <Button
            type="button"
            variant={selecting ? "primary" : "secondary"}
            className="ml-auto px-3 py-1.5"
            aria-pressed={selecting}
            onClick={() => {
              setSelecting((s) => !s);
              setSelected(new Set());
            }}
          >
            {t(selecting ? "view.selecting" : "view.select")}
          </Button>
        ) : null}
      </div>

      {items.length === 0 && !hasNextPage ? empty : (
        <GalleryGrid items={items} selecting={selecting} selected={selected} onToggleSelected={toggle} onOpen={lightbox.open} actions={actions} />
      )}

      <div ref={sentinel} aria-hidden />
      <div className="mt-6 flex flex-col items-center gap-2 text-sm text-ink-muted" aria-live="polite">
        {query.isFetchNextPageError ? <p className="text-danger">{t("view.loadError")}</p> : null}
        {hasNextPage ? (
          <Button type="button" variant="secondary" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage} data-testid="load-more">
            {t(isFetchingNextPage ? "view.loading" : query.isFetchNextPageError ? "view.tryAgain" : "view.loadMore")}
          </Button>
        ) : items.length > 0 ? (
          <p data-testid="gallery-end">{t("view.end")}</p>
        ) : null}
      </div>

      {selecting && workspace ? (
        <SelectionBar
          workspace={workspace}
          selected={selectedIds}
          canDelete={canDeleteSelection}
          collections={collections}
          collection={collection}
          canCollect={canCollect}
          onCollectionCreated={onCollectionCreated}
          onRemovedFromCollection={(ids) => collection && onUpdate({ type: "unlisted", imageIds: ids })}
          onSelectAll={() => setSelected(new Set(images.map((i) => i.image.id)))}
          onClear={() => setSelected(new Set())}
          onDone={() => {
            setSelecting(false);
            setSelected(new Set());
          }}
          actions={actions}
        />
      ) : null}

      {current ? (
        <Lightbox
          generation={current.generation}
          image={current.image}
          position={openIndex + 1}
          total={images.length}
          hasPrevious={openIndex > 0}
          hasNext={openIndex < images.length - 1 || hasNextPage}
          onPrevious={lightbox.goPrevious}
          onNext={() => void lightbox.goNext()}
          onNavigate={lightbox.showId}
          onClose={lightbox.close}
          collections={collections}
          onCollectionCreated={onCollectionCreated}
          actions={actions}
          showWorkspace={showWorkspace}
          notice={<Notice notice={notice} />}
        />
      ) : null}

      {current ? null : <Notice notice={notice} />}
    </div>
  );
}

/**
 * What the last action did, announced politely and shown briefly. Rendered inside the lightbox
 * while it is open: the page behind a modal dialog is inert, to the eye and to screen readers.
 */
function Notice({ notice }: { notice: NoticeState | null }) {
  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-6 z-50 flex justify-center px-4" data-testid="gallery-notice">
      {notice ? (
        <p key={notice.at} className="rounded-full bg-ink px-4 py-2 text-sm text-white shadow-lg">
          {notice.text}
        </p>
      ) : null}
    </div>
  );
}
