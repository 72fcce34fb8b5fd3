"use client";

import type { InfiniteData } from "@tanstack/react-query";
import { usePathname } from "next/navigation";
import { useCallback, useEffect, useRef } from "react";
import type { GalleryPageDTO } from "@/lib/data/gallery/types";
import { workspaceUrls } from "@/lib/urls";
import { gridItems } from "./gallery-state";
import { imagesOf, type ImageItem } from "./use-gallery-pages";

const OPEN_IMAGE = /\/gallery\/([A-Za-z0-9_-]+)$/;

// The view's filters stay in the address while an image is open, so Back returns to the same view.
const urlFor = (item: ImageItem) =>
  workspaceUrls.image(item.generation.workspace.slug, item.image.id, new URLSearchParams(window.location.search));

interface Paging {
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  fetchNextPage: () => Promise<{ data?: InfiniteData<GalleryPageDTO, unknown> }>;
}

/**
 * The lightbox is the URL `/w/<slug>/gallery/<imageId>` pushed with the history API (Next keeps
 * the mounted page and `usePathname` follows), so the address is shareable, Back closes it, and a
 * reload or a new tab opens the server-rendered detail page at that same address.
 */
export function useLightboxRoute(images: ImageItem[], { hasNextPage, isFetchingNextPage, fetchNextPage }: Paging) {
  const pathname = usePathname();
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
  const showId = (imageId: string) => {
    const item = images.find((i) => i.image.id === imageId);
    if (item) show(item);
  };
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
    const all = imagesOf(gridItems(result.data?.pages.flatMap((p) => p.generations) ?? []));
    const after = all[all.findIndex((i) => i.image.id === from) + 1];
    if (after) show(after);
  };

  /** These images went: when the one on show is among them, show its neighbour instead, or close. */
  const leaveGone = useCallback(
    (gone: ReadonlySet<string>) => {
      const { images: before, openId: shown } = latest.current;
      if (!shown || !gone.has(shown)) return;
      const at = before.findIndex((i) => i.image.id === shown);
      const neighbour =
        before.slice(at + 1).find((i) => !gone.has(i.image.id)) ?? before.slice(0, at).reverse().find((i) => !gone.has(i.image.id));
      if (neighbour) show(neighbour);
      else close();
    },
    [show, close],
  );

  return { current, openIndex, open, showId, close, goPrevious, goNext, leaveGone };
}
