import type { DiscussionDTO } from "@/lib/data/comments";
import type { GalleryPageDTO, GalleryUpdatesDTO } from "@/lib/data/gallery/types";
import { apiUrls } from "@/lib/urls";
import { galleryFiltersToParams, type GalleryFilters } from "@/lib/validations/gallery-filters";
import { getJson } from "./http";

/** Where a gallery view reads its pages from. */
export type GallerySource =
  | { kind: "workspace"; workspace: string; filters: GalleryFilters }
  | { kind: "collection"; workspace: string; collectionId: string }
  | { kind: "me"; filters: GalleryFilters };

/** TanStack Query keys for gallery views, beside their fetchers so invalidations cannot drift from reads. */
export const galleryKeys = {
  all: ["gallery"] as const,
  /** `edition` names the server-rendered first page the view started from (see GalleryView). */
  view: (source: GallerySource, edition: string) => [...galleryKeys.all, feedUrl(source, null), edition] as const,
  /** The live poll's bound for that view (its data is the `after` to send next). */
  live: (source: GallerySource, edition: string) => [...galleryKeys.view(source, edition), "live"] as const,
  discussion: (workspace: string, generationId: string) => [...galleryKeys.all, "discussion", workspace, generationId] as const,
};

export function feedUrl(source: GallerySource, cursor: string | null): string {
  const params =
    source.kind === "collection" ? new URLSearchParams({ collection: source.collectionId }) : galleryFiltersToParams(source.filters);
  if (cursor) params.set("cursor", cursor);
  const base = source.kind === "me" ? apiUrls.myGallery() : apiUrls.gallery(source.workspace);
  return params.size > 0 ? `${base}?${params}` : base;
}

/** The live poll of a workspace gallery: the view's filters plus the bound. */
export function liveUrl(source: Extract<GallerySource, { kind: "workspace" }>, after: string): string {
  const params = galleryFiltersToParams(source.filters);
  params.set("after", after);
  return `${apiUrls.gallery(source.workspace)}?${params}`;
}

export function fetchGalleryPage(source: GallerySource, cursor: string | null, signal?: AbortSignal): Promise<GalleryPageDTO> {
  return getJson<GalleryPageDTO>(feedUrl(source, cursor), "Could not load more images", signal);
}

export function fetchGalleryUpdates(url: string, signal?: AbortSignal): Promise<GalleryUpdatesDTO> {
  return getJson<GalleryUpdatesDTO>(url, "Could not check for new images", signal);
}

export async function fetchDiscussion(workspace: string, generationId: string, signal?: AbortSignal): Promise<DiscussionDTO> {
  const url = apiUrls.discussion(workspace, generationId);
  return (await getJson<{ discussion: DiscussionDTO }>(url, "Could not load the discussion", signal)).discussion;
}
