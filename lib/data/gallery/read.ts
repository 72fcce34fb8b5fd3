import "server-only";
import type { Viewer } from "@/lib/auth";
import { commentCounts } from "@/lib/data/comments";
import { toGalleryDTO, toGalleryDTOs } from "@/lib/data/gallery/map";
import { gallerySelect, generationWhere, imageWhere, newerThan, olderThan, ORDER, REVERSE_ORDER, type Scope } from "@/lib/data/gallery/query";
import type { GalleryImageView, GalleryPageDTO } from "@/lib/data/gallery/types";
import { listWorkspacesForViewer, type WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_FILTERS, encodeCursor, GALLERY_PAGE_SIZE, type GalleryCursor, type GalleryFilters } from "@/lib/validations/gallery";

// The gallery's reads: pages of a workspace, a collection or "mine", and one image with its neighbours.

export interface PageOptions {
  cursor?: GalleryCursor | null;
  /** Generations per page; tests use small pages. */
  limit?: number;
}

async function galleryPage(
  viewer: Viewer,
  scope: Scope,
  filters: GalleryFilters,
  { cursor, limit = GALLERY_PAGE_SIZE }: PageOptions,
): Promise<GalleryPageDTO> {
  if (scope.workspaces.length === 0) return { generations: [], nextCursor: null };
  const where = generationWhere(viewer, scope, filters);
  const rows = await db.generation.findMany({
    where: cursor ? { AND: [where, olderThan(cursor)] } : where,
    orderBy: ORDER,
    // One extra row says whether there is a next page without a COUNT.
    take: limit + 1,
    select: gallerySelect(viewer),
  });
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    generations: await toGalleryDTOs(page, viewer, scope, filters),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}


/** A page of a workspace's gallery, newest first, filtered as the search params say. */
export function listGalleryPage(viewer: Viewer, workspace: WorkspaceAccess, filters: GalleryFilters, options: PageOptions = {}) {
  return galleryPage(viewer, { workspaces: [workspace], onlyViewer: filters.who === "me" }, filters, options);
}

/**
 * A page of a collection's images, in gallery order. A collection of another workspace yields
 * nothing: the generations are scoped to this workspace whatever the collection id.
 */
export function listCollectionGalleryPage(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  collectionId: string,
  options: PageOptions = {},
) {
  return galleryPage(viewer, { workspaces: [workspace], onlyViewer: false, collectionId }, DEFAULT_FILTERS, options);
}

/** "My gallery": the viewer's own generations in every workspace they belong to. */
export async function listMyGalleryPage(viewer: Viewer, filters: GalleryFilters, options: PageOptions = {}) {
  const workspaces = await listWorkspacesForViewer(viewer);
  return galleryPage(viewer, { workspaces, onlyViewer: true }, myFilters(filters), options);
}

/** My gallery spans workspaces: the one-workspace filters (member, review) do not apply there. */
export function myFilters(filters: GalleryFilters): GalleryFilters {
  return { who: "me", favorites: filters.favorites, status: filters.status, size: filters.size, q: filters.q };
}

/**
 * One result image of this workspace with its generation, for the detail view, and its
 * neighbours in the gallery's order under `filters`. Null for an id of another workspace.
 */
export async function getGalleryImage(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  imageId: string,
  filters: GalleryFilters = DEFAULT_FILTERS,
): Promise<GalleryImageView | null> {
  const scope: Scope = { workspaces: [workspace], onlyViewer: filters.who === "me" };
  const row = await db.generation.findFirst({
    where: { workspaceId: workspace.id, images: { some: { id: imageId } } },
    select: gallerySelect(viewer),
  });
  if (!row) return null;
  const generation = toGalleryDTO(row, viewer, workspace, scope, filters, await commentCounts([row.id]));
  const image = generation.images.find((i) => i.id === imageId)!;

  // Within the generation first (only images the view lists), then the neighbouring generations.
  const siblings = generation.images.filter((i) => i.listed || i.id === imageId);
  const at = siblings.findIndex((i) => i.id === imageId);
  const neighbourWhere = generationWhere(viewer, scope, { ...filters, status: "done" });
  const images = imageWhere(viewer, scope, filters);
  const [previousId, nextId] = await Promise.all([
    siblings[at - 1]?.id ?? neighbour(neighbourWhere, newerThan(row), REVERSE_ORDER, images, "desc"),
    siblings[at + 1]?.id ?? neighbour(neighbourWhere, olderThan(row), ORDER, images, "asc"),
  ]);
  return { generation, image, previousId, nextId };
}

async function neighbour(
  where: Prisma.GenerationWhereInput,
  side: Prisma.GenerationWhereInput,
  orderBy: Prisma.GenerationOrderByWithRelationInput[],
  images: Prisma.GenerationImageWhereInput | null,
  indexOrder: "asc" | "desc",
): Promise<string | null> {
  const row = await db.generation.findFirst({
    where: { AND: [where, side] },
    orderBy,
    select: { images: { where: images ?? {}, orderBy: { index: indexOrder }, take: 1, select: { id: true } } },
  });
  return row?.images[0]?.id ?? null;
}
