"use client";

import { useInfiniteQuery, useQuery, useQueryClient, type InfiniteData } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { CollectionOptionDTO } from "@/lib/data/collections";
import type { GalleryPageDTO } from "@/lib/data/gallery";
import { GalleryGrid } from "./gallery-grid";
import {
  applyToPages,
  detailHref,
  fetchGalleryPage,
  fetchGalleryUpdates,
  galleryKeys,
  gridItems,
  initialLiveAfter,
  liveUrl,
  mergeLive,
  type GallerySource,
  type GalleryUpdate,
  type GridItem,
} from "./gallery-state";
import { Lightbox } from "./lightbox";
import { SelectionBar } from "./selection-bar";
import { useGalleryActions } from "./use-gallery-actions";

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

type ImageItem = Extract<GridItem, { kind: "image" }>;

/** A short, stable digest of the server's first page (djb2), to tell a new render from a revisit. */
function digest(page: GalleryPageDTO): string {
  const text = JSON.stringify(page);
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

const OPEN_IMAGE = /\/gallery\/([A-Za-z0-9_-]+)$/;

/** How often a workspace gallery asks for what teammates made since (only while the tab is visible). */
const LIVE_POLL_MS = 4_000;

// The view's filters stay in the address while an image is open, so Back returns to the same view.
const urlFor = (item: ImageItem) => `${detailHref(item.generation, item.image.id)}${window.location.search}`;

/**
 * A gallery view: the grid, infinite scroll, the lightbox and select mode. The lightbox is the URL
 * `/w/<slug>/gallery/<imageId>` pushed with the history API (Next keeps the mounted page and
 * `usePathname` follows), so the address is shareable, Back closes it, and a reload or a new tab
 * opens the server-rendered detail page at that same address.
 */
export function GalleryView({ source, initialPage, collections: initialCollections, selectable, collection, canCollect = false, showWorkspace, empty }: Props) {
  const queryClient = useQueryClient();
  const pathname = usePathname();
  // The cache entry is named after the server's first page: coming back to an unchanged page
  // (Back, or nothing new) finds every page loaded before and the scroll position still fits;
  // a first page that changed starts a fresh entry from it.
  const edition = useMemo(() => digest(initialPage), [initialPage]);
  const queryKey = useMemo(() => galleryKeys.view(source, edition), [source, edition]);

  const query = useInfiniteQuery({
    queryKey,
    queryFn: ({ pageParam, signal }) => fetchGalleryPage(source, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    initialData: { pages: [initialPage], pageParams: [null] },
    // This view changes its pages itself (every action's confirmed result goes into the cache);
    // refetching dozens of loaded pages on focus would cost much and change nothing.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = query;

  const items = useMemo(() => gridItems(query.data.pages.flatMap((p) => p.generations)), [query.data]);
  const images = useMemo(() => items.filter((i): i is ImageItem => i.kind === "image"), [items]);

  const [notice, setNotice] = useState<{ text: string; at: number } | null>(null);
  const announce = useCallback((text: string) => setNotice({ text, at: Date.now() }), []);
  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(null), 5000);
    return () => clearTimeout(timer);
  }, [notice]);

  const [collections, setCollections] = useState(initialCollections);
  const onCollectionCreated = useCallback(
    (c: CollectionOptionDTO) => setCollections((prev) => (prev ? [...prev, c].sort((a, b) => a.name.localeCompare(b.name)) : prev)),
    [],
  );

  const [selecting, setSelecting] = useState(false);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set());

  // ---------- the lightbox, driven by the URL ----------
  const openId = OPEN_IMAGE.exec(pathname)?.[1] ?? null;
  const openIndex = openId ? images.findIndex((i) => i.image.id === openId) : -1;
  const current = openIndex >= 0 ? images[openIndex] : undefined;

  const latest = useRef({ images, openId });
  useEffect(() => {
    latest.current = { images, openId };
  }, [images, openId]);

  const open = (imageId: string) => {
    const item = images.find((i) => i.image.id === imageId);
    if (item) window.history.pushState(null, "", urlFor(item));
  };
  const show = useCallback((item: ImageItem) => window.history.replaceState(null, "", urlFor(item)), []);
  const close = useCallback(() => window.history.back(), []);

  // Back on the grid: focus the tile of the image last shown, so keyboard users are where they were.
  const lastShown = useRef<string | null>(null);
  useEffect(() => {
    if (openId) {
      lastShown.current = openId;
      return;
    }
    const last = lastShown.current;
    lastShown.current = null;
    if (!last) return;
    const link = document.querySelector<HTMLElement>(`[data-image-id="${CSS.escape(last)}"] a`);
    link?.focus({ preventScroll: true });
    link?.scrollIntoView({ block: "nearest" });
  }, [openId]);

  // Steps start from the address shown now, not from the last render: a quick second ← or →
  // arrives before React has re-rendered with the first one.
  const shownId = () => OPEN_IMAGE.exec(window.location.pathname)?.[1] ?? null;
  const goPrevious = () => {
    const at = images.findIndex((i) => i.image.id === shownId());
    if (at > 0) show(images[at - 1]!);
  };
  const goNext = async () => {
    const from = shownId();
    const next = images[images.findIndex((i) => i.image.id === from) + 1];
    if (next) return show(next);
    if (!hasNextPage || isFetchingNextPage) return;
    const result = await fetchNextPage();
    const all = gridItems(result.data?.pages.flatMap((p) => p.generations) ?? []).filter((i): i is ImageItem => i.kind === "image");
    const after = all[all.findIndex((i) => i.image.id === from) + 1];
    if (after) show(after);
  };

  // Deleted here while a live poll was under way: that poll's answer must not bring them back.
  const removed = useRef(new Set<string>());

  const onUpdate = useCallback(
    (update: GalleryUpdate) => {
      const { images: before, openId: shown } = latest.current;
      queryClient.setQueryData<InfiniteData<GalleryPageDTO, string | null>>(queryKey, (old) =>
        old ? { ...old, pages: applyToPages(old.pages, update) } : old,
      );
      if (update.type === "removed") for (const id of [...update.imageIds, ...update.generationIds]) removed.current.add(id);
      if (update.type !== "removed" && update.type !== "unlisted") return;
      const gone = new Set(update.imageIds);
      setSelected((prev) => new Set([...prev].filter((id) => !gone.has(id))));
      // The image on show went: show its neighbour instead, or close.
      if (!shown || !gone.has(shown)) return;
      const at = before.findIndex((i) => i.image.id === shown);
      const neighbour = before.slice(at + 1).find((i) => !gone.has(i.image.id)) ?? before.slice(0, at).reverse().find((i) => !gone.has(i.image.id));
      if (neighbour) show(neighbour);
      else close();
    },
    [queryClient, queryKey, show, close],
  );

  const actions = useGalleryActions({ onUpdate, announce });

  // ---------- live: a teammate's new generation appears without a reload ----------
  const live = source.kind === "workspace" ? source : null;
  const liveKey = useMemo(() => galleryKeys.live(source, edition), [source, edition]);
  const firstAfter = useMemo(() => initialLiveAfter(initialPage), [initialPage]);
  useQuery({
    queryKey: liveKey,
    // The data is the bound for the next poll; what the poll finds goes into the pages above.
    queryFn: async ({ signal }) => {
      const after = queryClient.getQueryData<string>(liveKey) ?? firstAfter;
      const update = await fetchGalleryUpdates(liveUrl(live!, after), signal);
      const incoming = update.generations
        .filter((g) => !removed.current.has(g.id))
        .map((g) => ({ ...g, images: g.images.filter((i) => !removed.current.has(i.id)) }));
      let added = 0;
      queryClient.setQueryData<InfiniteData<GalleryPageDTO, string | null>>(queryKey, (old) => {
        if (!old) return old;
        const merged = mergeLive(old.pages, incoming);
        added = gridItems(merged.added).filter((i) => i.kind === "image").length;
        return merged.pages === old.pages ? old : { ...old, pages: merged.pages };
      });
      if (added > 0) announce(added === 1 ? "1 new image" : `${added} new images`);
      return update.after;
    },
    enabled: live !== null,
    initialData: firstAfter,
    staleTime: LIVE_POLL_MS,
    refetchInterval: LIVE_POLL_MS,
    // Paused while the tab is hidden; on coming back, the focus refetch catches up at once.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: false,
  });

  // ---------- infinite scroll ----------
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasNextPage || isFetchingNextPage) return;
    // Starts well before the end is in view, so scrolling rarely meets a gap.
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) void fetchNextPage();
    }, { rootMargin: "0px 0px 1200px 0px" });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

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
            {images.length} {images.length === 1 ? "image" : "images"}
            {hasNextPage ? " so far" : ""}
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
            {selecting ? "Selecting" : "Select"}
          </Button>
        ) : null}
      </div>

      {items.length === 0 && !hasNextPage ? empty : (
        <GalleryGrid items={items} selecting={selecting} selected={selected} onToggleSelected={toggle} onOpen={open} actions={actions} />
      )}

      <div ref={sentinel} aria-hidden />
      <div className="mt-6 flex flex-col items-center gap-2 text-sm text-ink-muted" aria-live="polite">
        {query.isFetchNextPageError ? <p className="text-danger">Could not load more images.</p> : null}
        {hasNextPage ? (
          <Button type="button" variant="secondary" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage} data-testid="load-more">
            {isFetchingNextPage ? "Loading…" : query.isFetchNextPageError ? "Try again" : "Load more"}
          </Button>
        ) : items.length > 0 ? (
          <p data-testid="gallery-end">That is everything.</p>
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
          onPrevious={goPrevious}
          onNext={() => void goNext()}
          onNavigate={(id) => {
            const item = images.find((i) => i.image.id === id);
            if (item) show(item);
          }}
          onClose={close}
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
function Notice({ notice }: { notice: { text: string; at: number } | null }) {
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
