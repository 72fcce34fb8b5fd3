"use client";

import { useQuery, useQueryClient, type InfiniteData, type QueryKey } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useMemo, type RefObject } from "react";
import { fetchGalleryUpdates, galleryKeys, liveUrl, type GallerySource } from "@/lib/client-data/gallery";
import { useLiveOpen } from "@/components/live/use-live-state";
import type { GalleryPageDTO } from "@/lib/data/gallery/types";
import { gridItems, initialLiveAfter, mergeLive } from "./gallery-state";

/** How often a workspace gallery asks for what teammates made since, while the live stream is not open (and the tab is visible). */
const LIVE_POLL_MS = 4_000;

interface Options {
  source: GallerySource;
  edition: string;
  initialPage: GalleryPageDTO;
  /** The view's pages, where what the poll finds goes. */
  pagesKey: QueryKey;
  /** Deleted here while a poll was under way: that poll's answer must not bring them back. */
  removed: RefObject<Set<string>>;
  announce: (text: string) => void;
}

/** A workspace gallery's live updates: a teammate's new generation appears without a reload. */
export function useLiveGallery({ source, edition, initialPage, pagesKey, removed, announce }: Options) {
  const queryClient = useQueryClient();
  const t = useTranslations("gallery.notice");
  // The stream says when something changed (lib/client-data/live.ts invalidates this query).
  const streaming = useLiveOpen();
  const live = source.kind === "workspace" ? source : null;
  const liveKey = useMemo(() => galleryKeys.live(source, edition), [source, edition]);
  const firstAfter = useMemo(() => initialLiveAfter(initialPage), [initialPage]);
  useQuery({
    queryKey: liveKey,
    // The data is the bound for the next poll; what the poll finds goes into the pages.
    queryFn: async ({ signal }) => {
      const after = queryClient.getQueryData<string>(liveKey) ?? firstAfter;
      const update = await fetchGalleryUpdates(liveUrl(live!, after), signal);
      const incoming = update.generations
        .filter((g) => !removed.current.has(g.id))
        .map((g) => ({ ...g, images: g.images.filter((i) => !removed.current.has(i.id)) }));
      let added = 0;
      queryClient.setQueryData<InfiniteData<GalleryPageDTO, string | null>>(pagesKey, (old) => {
        if (!old) return old;
        const merged = mergeLive(old.pages, incoming);
        added = gridItems(merged.added).filter((i) => i.kind === "image").length;
        return merged.pages === old.pages ? old : { ...old, pages: merged.pages };
      });
      if (added > 0) announce(t("newImages", { count: added }));
      return update.after;
    },
    enabled: live !== null,
    initialData: firstAfter,
    staleTime: LIVE_POLL_MS,
    refetchInterval: streaming ? false : LIVE_POLL_MS,
    // Paused while the tab is hidden; on coming back, the focus refetch catches up at once.
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: true,
    retry: false,
  });
}
