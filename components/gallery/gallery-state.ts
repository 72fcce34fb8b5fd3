import type { DiscussionDTO } from "@/lib/data/comments";
import type { GalleryGenerationDTO, GalleryImageDTO, GalleryPageDTO } from "@/lib/data/gallery";
import { galleryFiltersToParams, type GalleryFilters } from "@/lib/validations/gallery";

/** Where a gallery view reads its pages from. */
export type GallerySource =
  | { kind: "workspace"; workspace: string; filters: GalleryFilters }
  | { kind: "collection"; workspace: string; collectionId: string }
  | { kind: "me"; filters: GalleryFilters };

/** TanStack Query keys for gallery views, one factory so invalidations cannot drift from reads. */
export const galleryKeys = {
  all: ["gallery"] as const,
  /** `edition` names the server-rendered first page the view started from (see GalleryView). */
  view: (source: GallerySource, edition: string) => [...galleryKeys.all, feedUrl(source, null), edition] as const,
  discussion: (workspace: string, generationId: string) => [...galleryKeys.all, "discussion", workspace, generationId] as const,
};

export function feedUrl(source: GallerySource, cursor: string | null): string {
  const params =
    source.kind === "collection" ? new URLSearchParams({ collection: source.collectionId }) : galleryFiltersToParams(source.filters);
  if (cursor) params.set("cursor", cursor);
  const base = source.kind === "me" ? "/api/me/gallery" : `/api/w/${encodeURIComponent(source.workspace)}/gallery`;
  return params.size > 0 ? `${base}?${params}` : base;
}

export async function fetchDiscussion(workspace: string, generationId: string, signal?: AbortSignal): Promise<DiscussionDTO> {
  const url = `/api/w/${encodeURIComponent(workspace)}/generations/${encodeURIComponent(generationId)}/discussion`;
  const res = await fetch(url, { cache: "no-store", signal });
  if (!res.ok) throw new Error(`Could not load the discussion (${res.status}).`);
  return ((await res.json()) as { discussion: DiscussionDTO }).discussion;
}

export async function fetchGalleryPage(source: GallerySource, cursor: string | null, signal?: AbortSignal): Promise<GalleryPageDTO> {
  const res = await fetch(feedUrl(source, cursor), { cache: "no-store", signal });
  if (!res.ok) throw new Error(`Could not load more images (${res.status}).`);
  return (await res.json()) as GalleryPageDTO;
}

export function detailHref(generation: Pick<GalleryGenerationDTO, "workspace">, imageId: string): string {
  return `/w/${generation.workspace.slug}/gallery/${imageId}`;
}

/** One tile of the grid: a result image, or a failed generation (it has no image, only a reason). */
export type GridItem =
  | { kind: "image"; key: string; image: GalleryImageDTO; generation: GalleryGenerationDTO }
  | { kind: "failed"; key: string; generation: GalleryGenerationDTO };

export function gridItems(generations: GalleryGenerationDTO[]): GridItem[] {
  return generations.flatMap((generation): GridItem[] =>
    generation.status === "FAILED"
      ? [{ kind: "failed", key: generation.id, generation }]
      : generation.images
          .filter((image) => image.listed)
          .map((image) => ({ kind: "image", key: image.id, image, generation })),
  );
}

/** A change the server confirmed, applied to whatever copy of the gallery the page holds. */
export type GalleryUpdate =
  | { type: "favorite"; imageId: string; favorite: boolean }
  /** Deleted images and generations; a finished generation left without images goes too. */
  | { type: "removed"; imageIds: string[]; generationIds: string[] }
  | { type: "collection"; imageIds: string[]; collectionId: string; added: boolean }
  /** Still exists, but no longer belongs in this view (e.g. taken out of the collection shown). */
  | { type: "unlisted"; imageIds: string[] };

function mapImages(
  generations: GalleryGenerationDTO[],
  ids: string[],
  change: (image: GalleryImageDTO) => GalleryImageDTO,
): GalleryGenerationDTO[] {
  const wanted = new Set(ids);
  return generations.map((g) =>
    g.images.some((i) => wanted.has(i.id))
      ? { ...g, images: g.images.map((i) => (wanted.has(i.id) ? change(i) : i)) }
      : g,
  );
}

export function applyGalleryUpdate(generations: GalleryGenerationDTO[], update: GalleryUpdate): GalleryGenerationDTO[] {
  switch (update.type) {
    case "favorite":
      return mapImages(generations, [update.imageId], (i) => ({ ...i, favorite: update.favorite }));
    case "collection":
      return mapImages(generations, update.imageIds, (i) => ({
        ...i,
        collectionIds: update.added
          ? Array.from(new Set([...i.collectionIds, update.collectionId]))
          : i.collectionIds.filter((id) => id !== update.collectionId),
      }));
    case "unlisted":
      return mapImages(generations, update.imageIds, (i) => ({ ...i, listed: false }));
    case "removed": {
      const images = new Set(update.imageIds);
      const gone = new Set(update.generationIds);
      return generations.flatMap((g) => {
        if (gone.has(g.id)) return [];
        if (!g.images.some((i) => images.has(i.id))) return [g];
        const left = g.images.filter((i) => !images.has(i.id));
        return left.length > 0 || g.status === "FAILED" ? [{ ...g, images: left }] : [];
      });
    }
  }
}

export function applyToPages(pages: GalleryPageDTO[], update: GalleryUpdate): GalleryPageDTO[] {
  return pages.map((p) => ({ ...p, generations: applyGalleryUpdate(p.generations, update) }));
}
