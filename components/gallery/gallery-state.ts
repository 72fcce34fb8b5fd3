import type { GalleryGenerationDTO, GalleryImageDTO, GalleryPageDTO } from "@/lib/data/gallery/types";
import { encodeCursor, LIVE_LATEST } from "@/lib/validations/gallery-filters";

// What a gallery view holds and how confirmed changes apply to it (pure; the fetchers and query
// keys live in lib/client-data/gallery.ts).

/**
 * Where the live poll starts: the oldest generation of the first page, so a teammate's generation
 * that was still pending when the page was rendered (it may sort among the shown ones) still
 * arrives when it settles; `latest` when nothing is shown.
 */
export function initialLiveAfter(first: GalleryPageDTO): string {
  const last = first.generations.at(-1);
  return last ? encodeCursor({ createdAt: new Date(last.createdAt), id: last.id }) : LIVE_LATEST;
}

/** The gallery's order: newest first, ties by id (as the server orders them). */
function galleryOrder(a: GalleryGenerationDTO, b: GalleryGenerationDTO): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * What the live poll found, merged into the loaded pages with one copy of each generation: one
 * already shown is replaced where it is (it may have been retried, or reviewed); a new one goes
 * into the first page at its place in gallery order, unless it sorts after that page's end while
 * more pages follow (the next page's cursor would then bring it again). Returns `pages` itself
 * when nothing changed.
 */
export function mergeLive(
  pages: GalleryPageDTO[],
  incoming: GalleryGenerationDTO[],
): { pages: GalleryPageDTO[]; added: GalleryGenerationDTO[] } {
  const [first] = pages;
  if (!first || incoming.length === 0) return { pages, added: [] };
  const fresh = new Map(incoming.map((g) => [g.id, g]));
  let changed = false;
  const replaced = pages.map((p) => {
    if (!p.generations.some((g) => fresh.has(g.id))) return p;
    return {
      ...p,
      generations: p.generations.map((g) => {
        const update = fresh.get(g.id);
        if (!update) return g;
        fresh.delete(g.id);
        if (JSON.stringify(update) === JSON.stringify(g)) return g;
        changed = true;
        return update;
      }),
    };
  });
  const head = replaced[0]!;
  const end = head.generations.at(-1);
  const added = [...fresh.values()].filter((g) => !head.nextCursor || !end || galleryOrder(g, end) < 0);
  if (added.length === 0) return { pages: changed ? replaced : pages, added };
  const generations = [...added, ...head.generations].sort(galleryOrder);
  return { pages: [{ ...head, generations }, ...replaced.slice(1)], added };
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
  | { type: "unlisted"; imageIds: string[] }
  /** A comment or review in the detail view: the tile's badges follow. */
  | { type: "discussion"; generationId: string; review: GalleryGenerationDTO["review"]; commentCount: number };

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
    case "discussion":
      return generations.map((g) =>
        g.id === update.generationId ? { ...g, review: update.review, commentCount: update.commentCount } : g,
      );
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
