import "server-only";
import type { Viewer } from "@/lib/auth";
import { imageSelect } from "@/lib/data/dto";
import { generationFilterWhere } from "@/lib/data/reviews";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { shapeOfSize } from "@/lib/images/shape";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { GalleryCursor, GalleryFilters } from "@/lib/validations/gallery";

// The gallery's queries: which rows a view draws from, in which order, with which columns.

/** Which generations a view draws from. Every scope names the workspaces the viewer belongs to. */
export interface Scope {
  workspaces: WorkspaceAccess[];
  onlyViewer: boolean;
  collectionId?: string;
}

export const SETTLED = ["SUCCEEDED", "FAILED"] as const;
const STATUS_WHERE: Record<GalleryFilters["status"], Prisma.GenerationWhereInput["status"]> = {
  done: "SUCCEEDED",
  failed: "FAILED",
  all: { in: [...SETTLED] },
};

// Newest first. `id asc` breaks ties because it is the direction of the (workspaceId, createdAt
// desc, id) indexes, so the first page and every keyset page are one forward index range scan.
export const ORDER = [{ createdAt: "desc" }, { id: "asc" }] satisfies Prisma.GenerationOrderByWithRelationInput[];
export const REVERSE_ORDER = [{ createdAt: "asc" }, { id: "desc" }] satisfies Prisma.GenerationOrderByWithRelationInput[];

/**
 * Which images of a generation a view lists. The size filter is the image's real shape (relays
 * may ignore the requested size): a generation asked landscape that came back square is square.
 */
export function imageWhere(viewer: Viewer, scope: Scope, filters: GalleryFilters): Prisma.GenerationImageWhereInput | null {
  const where: Prisma.GenerationImageWhereInput = {};
  if (filters.size) where.shape = shapeOfSize(filters.size);
  if (filters.favorites) where.favorites = { some: { userId: viewer.id } };
  if (scope.collectionId) where.collectionItems = { some: { collectionId: scope.collectionId } };
  return Object.keys(where).length > 0 ? where : null;
}

/**
 * Everything but the status and the image filters (favourites, a collection, the real shape): the
 * rows the live poll walks, pending ones included, so it knows where a teammate's unfinished
 * generation sits (its shape is not known until it has images).
 */
export function scopeWhere(viewer: Viewer, scope: Scope, filters: GalleryFilters): Prisma.GenerationWhereInput {
  const ids = scope.workspaces.map((w) => w.id);
  const [only] = scope.workspaces;
  const where: Prisma.GenerationWhereInput = { workspaceId: ids.length === 1 ? ids[0] : { in: ids } };
  if (scope.onlyViewer) where.userId = viewer.id;
  // Member and review belong to one workspace's gallery. With "who: me" and a member both given
  // they must both hold (AND), not one overwrite the other. A member filter is an equality on
  // userId, so it runs on the (workspaceId, userId, createdAt desc, id) index.
  if (only && ids.length === 1 && (filters.member || filters.review)) {
    where.AND = [generationFilterWhere(only, { review: filters.review, memberId: filters.member })];
  }
  // ILIKE '%q%'. The planner takes the trigram GIN index for a rare word and the createdAt index
  // (stopping at a page of matches) for a common one; scripts/bench.ts prints both plans. Prisma
  // passes % and _ through as wildcards, so they are escaped to be searched for literally.
  if (filters.q) where.prompt = { contains: filters.q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" };
  return where;
}

export function generationWhere(viewer: Viewer, scope: Scope, filters: GalleryFilters): Prisma.GenerationWhereInput {
  const where = scopeWhere(viewer, scope, filters);
  where.status = STATUS_WHERE[filters.status];
  const images = imageWhere(viewer, scope, filters);
  if (!images) return where;
  const hasImage: Prisma.GenerationWhereInput = { images: { some: images } };
  // A failed generation kept no image, so it has no real shape: a size filter alone takes it by
  // the size it asked for. (Favourites and collections hold images, so they never take it.)
  const shapeOnly = filters.size !== undefined && Object.keys(images).length === 1;
  if (!shapeOnly || filters.status === "done") return { ...where, ...hasImage };
  const failedAsked: Prisma.GenerationWhereInput = { status: "FAILED", size: filters.size };
  if (filters.status === "failed") return { ...where, ...failedAsked };
  return { ...where, AND: [...[where.AND ?? []].flat(), { OR: [hasImage, failedAsked] }] };
}

/** Rows after the cursor in ORDER. */
export function olderThan(c: GalleryCursor): Prisma.GenerationWhereInput {
  // `createdAt <= c` is implied by the OR, but as a plain range it becomes an index condition, so
  // a deep page starts its scan at the cursor instead of filtering its way down from the top.
  return { createdAt: { lte: c.createdAt }, OR: [{ createdAt: { lt: c.createdAt } }, { id: { gt: c.id } }] };
}

/** Rows before the cursor in ORDER (for the detail's "previous"). */
export function newerThan(c: GalleryCursor): Prisma.GenerationWhereInput {
  return { createdAt: { gte: c.createdAt }, OR: [{ createdAt: { gt: c.createdAt } }, { id: { lt: c.id } }] };
}

export function gallerySelect(viewer: Viewer) {
  return {
    id: true,
    workspaceId: true,
    userId: true,
    status: true,
    prompt: true,
    size: true,
    model: true,
    createdAt: true,
    errorCode: true,
    errorMessage: true,
    errorDetail: true,
    parentId: true,
    reviewStatus: true,
    user: { select: { name: true } },
    apiKey: { select: { name: true } },
    references: {
      orderBy: { position: "asc" },
      select: { label: true, asset: { select: { id: true, width: true, height: true } } },
    },
    images: {
      orderBy: { index: "asc" },
      select: {
        ...imageSelect,
        shape: true,
        asset: { select: { ...imageSelect.asset.select, mime: true } },
        favorites: { where: { userId: viewer.id }, select: { userId: true } },
        collectionItems: { select: { collectionId: true } },
      },
    },
  } satisfies Prisma.GenerationSelect;
}

export type GalleryRow = Prisma.GenerationGetPayload<{ select: ReturnType<typeof gallerySelect> }>;
