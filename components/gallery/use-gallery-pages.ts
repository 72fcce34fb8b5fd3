"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { fetchGalleryPage, galleryKeys, type GallerySource } from "@/lib/client-data/gallery";
import type { GalleryPageDTO } from "@/lib/data/gallery/types";
import { gridItems, type GridItem } from "./gallery-state";

export type ImageItem = Extract<GridItem, { kind: "image" }>;

/** A short, stable digest of the server's first page (djb2), to tell a new render from a revisit. */
function digest(page: GalleryPageDTO): string {
  const text = JSON.stringify(page);
  let hash = 5381;
  for (let i = 0; i < text.length; i++) hash = ((hash << 5) + hash + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

export const imagesOf = (items: GridItem[]) => items.filter((i): i is ImageItem => i.kind === "image");

/** The view's loaded pages, starting from the server-rendered first one, and their tiles. */
export function useGalleryPages(source: GallerySource, initialPage: GalleryPageDTO) {
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

  const items = useMemo(() => gridItems(query.data.pages.flatMap((p) => p.generations)), [query.data]);
  const images = useMemo(() => imagesOf(items), [items]);
  return { edition, queryKey, query, items, images };
}
