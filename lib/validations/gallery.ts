import { z } from "zod";
import { recordIdSchema } from "@/lib/validations/ids";
import { IMAGE_SIZES, type ImageSize } from "@/lib/validations/generation";
import { REVIEW_FILTERS, type ReviewFilter } from "@/lib/validations/workspace";
import { lineTextSchema, workspaceRefSchema } from "@/lib/validations/text";

/** Generations per gallery page (each has 1–4 images, so a page shows up to four times as many tiles). */
export const GALLERY_PAGE_SIZE = 24;
/** The most images one ZIP, bulk delete or bulk "add to collection" may name. */
export const MAX_BULK_IMAGES = 200;
export const COLLECTION_NAME_MAX_LENGTH = 80;
export const SEARCH_MAX_LENGTH = 200;

export const GALLERY_STATUSES = ["done", "failed", "all"] as const;
export type GalleryStatus = (typeof GALLERY_STATUSES)[number];

export interface GalleryFilters {
  /** Everyone's images in the workspace, or only the viewer's. */
  who: "everyone" | "me";
  size?: ImageSize;
  /** Only images the viewer marked as favourites. */
  favorites: boolean;
  /** done = SUCCEEDED (the default), failed = FAILED, all = both. Pending ones live on Create. */
  status: GalleryStatus;
  q?: string;
  /** One member's images (a user id); a workspace gallery only. */
  member?: string;
  /** By review status; a workspace gallery only. */
  review?: ReviewFilter;
}

export const DEFAULT_FILTERS: GalleryFilters = { who: "everyone", favorites: false, status: "done" };

const id = recordIdSchema;

/**
 * The gallery's search params. Anything malformed falls back to the default rather than failing:
 * a shared or hand-edited link should never break the page.
 */
export const galleryFiltersSchema = z.object({
  who: z.enum(["everyone", "me"]).catch("everyone"),
  size: z.enum(IMAGE_SIZES).optional().catch(undefined),
  favorites: z
    .string()
    .optional()
    .transform((v) => v === "1" || v === "true")
    .catch(false),
  status: z.enum(GALLERY_STATUSES).catch("done"),
  q: lineTextSchema
    .trim()
    .max(SEARCH_MAX_LENGTH)
    .optional()
    .transform((v) => v || undefined)
    .catch(undefined),
  member: id.optional().catch(undefined),
  review: z.enum(REVIEW_FILTERS).optional().catch(undefined),
}) satisfies z.ZodType<GalleryFilters, unknown>;

type RawParams = Record<string, string | string[] | undefined> | URLSearchParams;

function firstValues(raw: RawParams): Record<string, string | undefined> {
  if (raw instanceof URLSearchParams) return Object.fromEntries(raw.entries());
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
}

export function parseGalleryFilters(raw: RawParams): GalleryFilters {
  return galleryFiltersSchema.parse(firstValues(raw));
}

/** The search params for filters, leaving defaults out so the plain gallery has a plain URL. */
export function galleryFiltersToParams(filters: GalleryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.who !== DEFAULT_FILTERS.who) params.set("who", filters.who);
  if (filters.size) params.set("size", filters.size);
  if (filters.favorites) params.set("favorites", "1");
  if (filters.status !== DEFAULT_FILTERS.status) params.set("status", filters.status);
  if (filters.q) params.set("q", filters.q);
  if (filters.member) params.set("member", filters.member);
  if (filters.review) params.set("review", filters.review);
  return params;
}

export function isFiltered(filters: GalleryFilters): boolean {
  return galleryFiltersToParams(filters).size > 0;
}

/**
 * Keyset cursor: the (createdAt, id) of the last generation on the previous page, as
 * `<epoch ms>.<id>` (URL-safe as it is). Millisecond timestamps match the database's precision, so
 * equality on createdAt is exact.
 */
export interface GalleryCursor {
  createdAt: Date;
  id: string;
}

export function encodeCursor(cursor: GalleryCursor): string {
  return `${cursor.createdAt.getTime()}.${cursor.id}`;
}

const CURSOR = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

/** The cursor, or null when it is missing or malformed (the first page is served then). */
export function decodeCursor(raw: string | null | undefined): GalleryCursor | null {
  const match = raw ? CURSOR.exec(raw) : null;
  if (!match) return null;
  const createdAt = new Date(Number(match[1]));
  return Number.isNaN(createdAt.getTime()) ? null : { createdAt, id: match[2]! };
}

/**
 * The live poll's bound: generations newer than this cursor, or `latest` when the view shows
 * nothing yet. Unlike `cursor`, a malformed one is refused (400): served as "from the top" it would
 * hand back rows the view already has.
 */
export const LIVE_LATEST = "latest";
export const liveAfterSchema = z.union([
  z.literal(LIVE_LATEST),
  z.string().transform((v, ctx) => {
    const cursor = decodeCursor(v);
    if (cursor) return cursor;
    ctx.addIssue({ code: "custom", message: "Not a valid cursor." });
    return z.NEVER;
  }),
]);
export type LiveAfter = GalleryCursor | typeof LIVE_LATEST;

// ---------- action inputs ----------

const workspace = workspaceRefSchema;
const imageIds = z
  .array(id)
  .min(1, "gallery.selectImages")
  .max(MAX_BULK_IMAGES)
  .transform((ids) => Array.from(new Set(ids)));
const collectionName = lineTextSchema
  .trim()
  .min(1, "gallery.collectionNameRequired")
  .max(COLLECTION_NAME_MAX_LENGTH);

export const favoriteImageSchema = z.object({ workspace, imageId: id, favorite: z.boolean() });
export const deleteGenerationSchema = z.object({ workspace, generationId: id });
export const deleteImageSchema = z.object({ workspace, imageId: id });
/** A result image taken into the Create form as a reference. */
export const reuseImageSchema = deleteImageSchema;
export const deleteImagesSchema = z.object({ workspace, imageIds });
export const createCollectionSchema = z.object({
  workspace,
  name: collectionName,
  imageIds: imageIds.optional(),
});
export const renameCollectionSchema = z.object({ workspace, collectionId: id, name: collectionName });
export const deleteCollectionSchema = z.object({ workspace, collectionId: id });
export const collectionItemsSchema = z.object({ workspace, collectionId: id, imageIds });

/** The ZIP route's `ids` parameter: comma-separated image ids. */
export const zipQuerySchema = z.object({
  ids: z
    .string()
    .max(MAX_BULK_IMAGES * 65)
    .transform((v) => v.split(",").filter(Boolean))
    .pipe(imageIds),
});
