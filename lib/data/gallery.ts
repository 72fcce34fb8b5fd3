import "server-only";
import type { Viewer } from "@/lib/auth";
import { commentCounts } from "@/lib/data/comments";
import { fileUrl } from "@/lib/data/dto";
import { generationFilterWhere } from "@/lib/data/reviews";
import { listWorkspacesForViewer, type WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { fileExtension, getStorage } from "@/lib/storage";
import {
  DEFAULT_FILTERS,
  encodeCursor,
  GALLERY_PAGE_SIZE,
  LIVE_LATEST,
  type GalleryCursor,
  type GalleryFilters,
  type LiveAfter,
} from "@/lib/validations/gallery";

// ---------- DTOs (client components import these as types only) ----------

export interface GalleryImageDTO {
  id: string;
  generationId: string;
  index: number;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  revisedPrompt: string | null;
  /** What the downloaded original is called: the prompt's first words, not an opaque id. */
  fileName: string;
  favorite: boolean;
  collectionIds: string[];
  /**
   * Whether it matches the view's image filters (favourites, a collection). The grid shows only
   * these; the detail still shows every sibling of the generation.
   */
  listed: boolean;
}

export interface GalleryGenerationDTO {
  id: string;
  workspace: { slug: string; name: string };
  status: "SUCCEEDED" | "FAILED";
  prompt: string;
  size: string;
  model: string;
  createdAt: string;
  author: { name: string; isViewer: boolean };
  parentId: string | null;
  references: { assetId: string; url: string; label: string | null; width: number; height: number }[];
  images: GalleryImageDTO[];
  error: { code: string; message: string } | null;
  review: ReviewStatus | null;
  commentCount: number;
  /** What the viewer may do with it; the server checks again on every action. */
  can: { delete: boolean; retry: boolean; collect: boolean; remix: boolean; share: boolean };
}

export interface GalleryPageDTO {
  generations: GalleryGenerationDTO[];
  /** Pass back as `cursor` for the next page; null on the last one. */
  nextCursor: string | null;
}

/** What the live poll answers: settled generations the view may lack, and where to poll from next. */
export interface GalleryUpdatesDTO {
  /** Newest first; some may already be shown (the client replaces those in place). */
  generations: GalleryGenerationDTO[];
  /** Pass back as `after` on the next poll. */
  after: string;
}

export interface GalleryImageView {
  generation: GalleryGenerationDTO;
  image: GalleryImageDTO;
  /** The neighbouring images in the gallery's order (newer, older), for ←/→. */
  previousId: string | null;
  nextId: string | null;
}

// ---------- queries ----------

/** Which generations a view draws from. Every scope names the workspaces the viewer belongs to. */
interface Scope {
  workspaces: WorkspaceAccess[];
  onlyViewer: boolean;
  collectionId?: string;
}

const SETTLED = ["SUCCEEDED", "FAILED"] as const;
const STATUS_WHERE: Record<GalleryFilters["status"], Prisma.GenerationWhereInput["status"]> = {
  done: "SUCCEEDED",
  failed: "FAILED",
  all: { in: [...SETTLED] },
};

// Newest first. `id asc` breaks ties because it is the direction of the (workspaceId, createdAt
// desc, id) indexes, so the first page and every keyset page are one forward index range scan.
const ORDER = [{ createdAt: "desc" }, { id: "asc" }] satisfies Prisma.GenerationOrderByWithRelationInput[];
const REVERSE_ORDER = [{ createdAt: "asc" }, { id: "desc" }] satisfies Prisma.GenerationOrderByWithRelationInput[];

function imageWhere(viewer: Viewer, scope: Scope, filters: GalleryFilters): Prisma.GenerationImageWhereInput | null {
  const where: Prisma.GenerationImageWhereInput = {};
  if (filters.favorites) where.favorites = { some: { userId: viewer.id } };
  if (scope.collectionId) where.collectionItems = { some: { collectionId: scope.collectionId } };
  return Object.keys(where).length > 0 ? where : null;
}

/**
 * Everything but the status and the image filters (favourites, a collection): the rows the live
 * poll walks, pending ones included, so it knows where a teammate's unfinished generation sits.
 */
function scopeWhere(viewer: Viewer, scope: Scope, filters: GalleryFilters): Prisma.GenerationWhereInput {
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
  if (filters.size) where.size = filters.size;
  // ILIKE '%q%'. The planner takes the trigram GIN index for a rare word and the createdAt index
  // (stopping at a page of matches) for a common one; scripts/bench.ts prints both plans. Prisma
  // passes % and _ through as wildcards, so they are escaped to be searched for literally.
  if (filters.q) where.prompt = { contains: filters.q.replace(/[\\%_]/g, "\\$&"), mode: "insensitive" };
  return where;
}

function generationWhere(viewer: Viewer, scope: Scope, filters: GalleryFilters): Prisma.GenerationWhereInput {
  const where = scopeWhere(viewer, scope, filters);
  where.status = STATUS_WHERE[filters.status];
  const images = imageWhere(viewer, scope, filters);
  if (images) where.images = { some: images };
  return where;
}

/** Rows after the cursor in ORDER. */
function olderThan(c: GalleryCursor): Prisma.GenerationWhereInput {
  // `createdAt <= c` is implied by the OR, but as a plain range it becomes an index condition, so
  // a deep page starts its scan at the cursor instead of filtering its way down from the top.
  return { createdAt: { lte: c.createdAt }, OR: [{ createdAt: { lt: c.createdAt } }, { id: { gt: c.id } }] };
}

/** Rows before the cursor in ORDER (for the detail's "previous"). */
function newerThan(c: GalleryCursor): Prisma.GenerationWhereInput {
  return { createdAt: { gte: c.createdAt }, OR: [{ createdAt: { gt: c.createdAt } }, { id: { lt: c.id } }] };
}

function gallerySelect(viewer: Viewer) {
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
    parentId: true,
    reviewStatus: true,
    user: { select: { name: true } },
    references: {
      orderBy: { position: "asc" },
      select: { label: true, asset: { select: { id: true, width: true, height: true } } },
    },
    images: {
      orderBy: { index: "asc" },
      select: {
        id: true,
        index: true,
        revisedPrompt: true,
        thumbAssetId: true,
        asset: { select: { id: true, width: true, height: true, mime: true } },
        favorites: { where: { userId: viewer.id }, select: { userId: true } },
        collectionItems: { select: { collectionId: true } },
      },
    },
  } satisfies Prisma.GenerationSelect;
}

type GalleryRow = Prisma.GenerationGetPayload<{ select: ReturnType<typeof gallerySelect> }>;

/** `a-lighthouse-at-dusk-2.webp`: readable in a downloads folder, safe on every file system. */
export function downloadName(prompt: string, index: number, mime: string): string {
  const stem =
    prompt
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 60)
      .replace(/^-+|-+$/g, "") || "atelier-image";
  return `${stem}-${index + 1}.${fileExtension(mime)}`;
}

function mayDelete(viewer: Viewer, workspace: WorkspaceAccess, ownerId: string): boolean {
  return ownerId === viewer.id ? can(workspace.role, "generation.delete.own") : can(workspace.role, "generation.delete.any");
}

function mayShare(workspace: WorkspaceAccess, own: boolean): boolean {
  return can(workspace.role, "share.create.own") && (own || can(workspace.role, "share.create.any"));
}

function toDTO(
  row: GalleryRow,
  viewer: Viewer,
  workspace: WorkspaceAccess,
  scope: Scope,
  filters: GalleryFilters,
  comments: ReadonlyMap<string, number>,
): GalleryGenerationDTO {
  const own = row.userId === viewer.id;
  const status = row.status === "FAILED" ? "FAILED" : "SUCCEEDED";
  return {
    id: row.id,
    workspace: { slug: workspace.slug, name: workspace.name },
    status,
    prompt: row.prompt,
    size: row.size,
    model: row.model,
    createdAt: row.createdAt.toISOString(),
    author: { name: own ? "You" : (row.user.name ?? "A member"), isViewer: own },
    parentId: row.parentId,
    references: row.references.map((r) => ({
      assetId: r.asset.id,
      url: fileUrl(r.asset.id),
      label: r.label,
      width: r.asset.width,
      height: r.asset.height,
    })),
    images: row.images.map((img) => {
      const favorite = img.favorites.length > 0;
      const collectionIds = img.collectionItems.map((c) => c.collectionId);
      return {
        id: img.id,
        generationId: row.id,
        index: img.index,
        url: fileUrl(img.asset.id),
        thumbUrl: fileUrl(img.thumbAssetId),
        width: img.asset.width,
        height: img.asset.height,
        revisedPrompt: img.revisedPrompt,
        fileName: downloadName(row.prompt, img.index, img.asset.mime),
        favorite,
        collectionIds,
        listed:
          (!filters.favorites || favorite) && (!scope.collectionId || collectionIds.includes(scope.collectionId)),
      };
    }),
    error: status === "FAILED" ? { code: row.errorCode ?? "unknown", message: row.errorMessage ?? "It failed." } : null,
    review: row.reviewStatus,
    commentCount: comments.get(row.id) ?? 0,
    can: {
      delete: mayDelete(viewer, workspace, row.userId),
      retry: status === "FAILED" && own && can(workspace.role, "generation.retry.own"),
      collect: can(workspace.role, "collection.manage"),
      remix: can(workspace.role, "generation.create"),
      share: status === "SUCCEEDED" && mayShare(workspace, own),
    },
  };
}

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
    generations: await toDTOs(page, viewer, scope, filters),
    nextCursor: rows.length > limit && last ? encodeCursor(last) : null,
  };
}

async function toDTOs(rows: GalleryRow[], viewer: Viewer, scope: Scope, filters: GalleryFilters): Promise<GalleryGenerationDTO[]> {
  const byId = new Map(scope.workspaces.map((w) => [w.id, w]));
  const comments = await commentCounts(rows.map((r) => r.id));
  return rows.map((row) => toDTO(row, viewer, byId.get(row.workspaceId)!, scope, filters, comments));
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

/** How many rows one poll walks past its bound; the next poll goes on from where this one stopped. */
const LIVE_WINDOW = 100;
const PENDING: ReadonlySet<string> = new Set(["QUEUED", "RUNNING"]);
/** Before every row: `createdAt > epoch` holds for all of them. */
const EPOCH: GalleryCursor = { createdAt: new Date(0), id: "0" };

/**
 * The live gallery's poll: settled generations newer than `after` that the view's filters include,
 * and the bound for the next poll. A generation is made QUEUED and settles later, so one created
 * before a newer, already finished one would be passed over by a bound that simply followed the
 * newest row shown. The bound therefore stops just before the oldest generation still pending
 * (matching the view's author, member, review, size and search), and moves past it once it has
 * settled: until then, the settled rows after it come back on every poll (the client keeps one
 * copy of each). Pending generations themselves are never returned: they appear when they settle.
 * `latest` (a view that shows nothing yet) starts from the newest LIVE_WINDOW rows.
 * Every query is a range of the (workspaceId[, userId], createdAt desc, id) index from the bound.
 */
export async function listGalleryUpdates(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  filters: GalleryFilters,
  after: LiveAfter,
): Promise<GalleryUpdatesDTO> {
  const scope: Scope = { workspaces: [workspace], onlyViewer: filters.who === "me" };
  const broad = scopeWhere(viewer, scope, filters);
  const select = { id: true, status: true, createdAt: true } satisfies Prisma.GenerationSelect;
  let bound: GalleryCursor;
  let walk: { id: string; status: string; createdAt: Date }[];
  if (after === LIVE_LATEST) {
    const newest = await db.generation.findMany({ where: broad, orderBy: ORDER, take: LIVE_WINDOW + 1, select });
    bound = newest[LIVE_WINDOW] ?? EPOCH;
    walk = newest.slice(0, LIVE_WINDOW).reverse();
  } else {
    bound = after;
    walk = await db.generation.findMany({ where: { AND: [broad, newerThan(after)] }, orderBy: REVERSE_ORDER, take: LIVE_WINDOW, select });
  }
  let held = false;
  const settled: string[] = [];
  for (const row of walk) {
    if (PENDING.has(row.status)) held = true;
    else {
      settled.push(row.id);
      if (!held) bound = row;
    }
  }
  const rows =
    settled.length === 0
      ? []
      : await db.generation.findMany({
          where: { AND: [generationWhere(viewer, scope, filters), { id: { in: settled } }] },
          orderBy: ORDER,
          select: gallerySelect(viewer),
        });
  return { generations: await toDTOs(rows, viewer, scope, filters), after: encodeCursor(bound) };
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
  const generation = toDTO(row, viewer, workspace, scope, filters, await commentCounts([row.id]));
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

// ---------- changes ----------

/** Marks or unmarks an image of this workspace as one of the viewer's favourites. False: no such image here. */
export async function setFavorite(viewer: Viewer, workspace: WorkspaceAccess, imageId: string, favorite: boolean) {
  const image = await db.generationImage.findFirst({
    where: { id: imageId, generation: { workspaceId: workspace.id } },
    select: { id: true },
  });
  if (!image) return false;
  if (favorite) {
    await db.favorite.createMany({ data: [{ userId: viewer.id, generationImageId: image.id }], skipDuplicates: true });
  } else {
    await db.favorite.deleteMany({ where: { userId: viewer.id, generationImageId: image.id } });
  }
  return true;
}

export type DeleteOutcome =
  | { ok: true; imageIds: string[]; generationIds: string[] }
  /** Not in this workspace (or never existed): indistinguishable on purpose. */
  | { ok: false; reason: "not-found" }
  /** Visible to the viewer, but their role does not let them delete someone else's work. */
  | { ok: false; reason: "forbidden" };

/** What the person is told when a delete is refused. */
export const DELETE_REFUSED: Record<"not-found" | "forbidden", string> = {
  "not-found": "That is not here any more. Reload the page to see the gallery as it is now.",
  forbidden: "Only its author or a workspace admin can delete this.",
};

const NOT_FOUND = { ok: false, reason: "not-found" } as const;
const FORBIDDEN = { ok: false, reason: "forbidden" } as const;

// An asset row can only go once nothing points at it (the foreign keys restrict), so the delete
// filters on that rather than failing the whole transaction over a row shared in some other way.
const unreferencedAsset = {
  resultOf: { none: {} },
  thumbOf: { none: {} },
  referencedBy: { none: {} },
} satisfies Prisma.AssetWhereInput;

/** Deletes a settled generation of this workspace with all its images and their files. */
export async function deleteGeneration(viewer: Viewer, workspace: WorkspaceAccess, generationId: string): Promise<DeleteOutcome> {
  const row = await db.generation.findFirst({
    where: { id: generationId, workspaceId: workspace.id, status: { in: [...SETTLED] } },
    select: {
      userId: true,
      images: { select: { id: true, asset: { select: { id: true, storageKey: true } }, thumb: { select: { id: true, storageKey: true } } } },
    },
  });
  if (!row) return NOT_FOUND;
  if (!mayDelete(viewer, workspace, row.userId)) return FORBIDDEN;
  const assets = row.images.flatMap((i) => [i.asset, i.thumb]);
  const deleted = await db.$transaction(async (tx) => {
    const { count } = await tx.generation.deleteMany({ where: { id: generationId, workspaceId: workspace.id } });
    if (count === 0) return false;
    await tx.asset.deleteMany({ where: { id: { in: assets.map((a) => a.id) }, ...unreferencedAsset } });
    return true;
  });
  if (!deleted) return NOT_FOUND;
  await removeUnreferencedFiles(assets.map((a) => a.storageKey));
  return { ok: true, imageIds: row.images.map((i) => i.id), generationIds: [generationId] };
}

/**
 * Deletes result images of this workspace, all or none: one id that is not here makes the whole
 * request "not found", so a guessed id reveals nothing. A generation left without images goes too.
 */
export async function deleteImages(viewer: Viewer, workspace: WorkspaceAccess, imageIds: string[]): Promise<DeleteOutcome> {
  const ids = Array.from(new Set(imageIds));
  const images = await db.generationImage.findMany({
    where: { id: { in: ids }, generation: { workspaceId: workspace.id } },
    select: {
      id: true,
      generationId: true,
      generation: { select: { userId: true } },
      asset: { select: { id: true, storageKey: true } },
      thumb: { select: { id: true, storageKey: true } },
    },
  });
  if (ids.length === 0 || images.length !== ids.length) return NOT_FOUND;
  if (images.some((i) => !mayDelete(viewer, workspace, i.generation.userId))) return FORBIDDEN;
  const assets = images.flatMap((i) => [i.asset, i.thumb]);
  const generationIds = Array.from(new Set(images.map((i) => i.generationId)));
  const emptied = await db.$transaction(async (tx) => {
    await tx.generationImage.deleteMany({ where: { id: { in: ids }, generation: { workspaceId: workspace.id } } });
    await tx.asset.deleteMany({ where: { id: { in: assets.map((a) => a.id) }, ...unreferencedAsset } });
    // A finished generation with no image left would linger invisibly in every count and list.
    const empty = await tx.generation.findMany({
      where: { id: { in: generationIds }, workspaceId: workspace.id, status: "SUCCEEDED", images: { none: {} } },
      select: { id: true },
    });
    await tx.generation.deleteMany({ where: { id: { in: empty.map((g) => g.id) }, workspaceId: workspace.id } });
    return empty.map((g) => g.id);
  });
  await removeUnreferencedFiles(assets.map((a) => a.storageKey));
  return { ok: true, imageIds: ids, generationIds: emptied };
}

/**
 * Storage keys are content-addressed and shared: the same bytes may back several asset rows (a
 * result reused as a reference, identical outputs). A file goes only when no row names it any more.
 * Runs after the rows are committed: a failure here leaves an orphaned file, never a broken image.
 * (A new row for the same bytes racing this check could lose its file; identical results are rare
 * enough, and the writer puts the file again on its next write of the same bytes.)
 */
async function removeUnreferencedFiles(keys: string[]) {
  const unique = Array.from(new Set(keys));
  if (unique.length === 0) return;
  const kept = await db.asset.findMany({
    where: { storageKey: { in: unique } },
    select: { storageKey: true },
    distinct: ["storageKey"],
  });
  const keep = new Set(kept.map((a) => a.storageKey));
  const orphaned = unique.filter((k) => !keep.has(k));
  if (orphaned.length === 0) return;
  try {
    await getStorage().delete(orphaned);
  } catch (e) {
    console.error(`[gallery] could not remove ${orphaned.length} stored file(s); they are orphaned`, e);
  }
}

export interface ZipEntry {
  name: string;
  storageKey: string;
}

/**
 * The originals of these images of this workspace, named for a ZIP (unique names, gallery order);
 * null when any id is not an image here.
 */
export async function listImageFiles(workspace: WorkspaceAccess, imageIds: string[]): Promise<ZipEntry[] | null> {
  const ids = Array.from(new Set(imageIds));
  const rows = await db.generationImage.findMany({
    where: { id: { in: ids }, generation: { workspaceId: workspace.id } },
    orderBy: [{ generation: { createdAt: "desc" } }, { generationId: "asc" }, { index: "asc" }],
    select: { index: true, generation: { select: { prompt: true } }, asset: { select: { storageKey: true, mime: true } } },
  });
  if (ids.length === 0 || rows.length !== ids.length) return null;
  const used = new Map<string, number>();
  return rows.map((r) => {
    let name = downloadName(r.generation.prompt, r.index, r.asset.mime);
    const seen = used.get(name) ?? 0;
    used.set(name, seen + 1);
    if (seen > 0) name = name.replace(/(\.[a-z0-9]+)$/, ` (${seen + 1})$1`);
    return { name, storageKey: r.asset.storageKey };
  });
}
