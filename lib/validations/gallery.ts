import { z } from "zod";
import { recordIdSchema } from "@/lib/validations/ids";
import { IMAGE_SIZES } from "@/lib/validations/generation";
import {
  COLLECTION_NAME_MAX_LENGTH,
  decodeCursor,
  GALLERY_STATUSES,
  LIVE_LATEST,
  MAX_BULK_IMAGES,
  REVIEW_FILTERS,
  SEARCH_MAX_LENGTH,
  type GalleryCursor,
  type GalleryFilters,
} from "@/lib/validations/gallery-filters";
import { lineTextSchema, workspaceRefSchema } from "@/lib/validations/text";

// The gallery's schemas. Its zod-free half (the filters' shape and URL form, the cursor, the
// limits) is lib/validations/gallery-filters.ts, which the browser's shared modules import; it is
// re-exported here so server code has one place to import from.
export * from "@/lib/validations/gallery-filters";


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


/**
 * The live poll's bound: generations newer than this cursor, or `latest` when the view shows
 * nothing yet. Unlike `cursor`, a malformed one is refused (400): served as "from the top" it would
 * hand back rows the view already has.
 */
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
