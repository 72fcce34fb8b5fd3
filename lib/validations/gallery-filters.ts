import { IMAGE_SIZES, type ImageSize } from "@/lib/validations/generation-limits";

// The gallery's filters, cursor and limits without zod: the tab's live client and the gallery's
// query keys run in every page's browser code (#13), and the schemas in lib/validations/gallery.ts
// stay on the server.

/** Generations per gallery page (each has 1–4 images, so a page shows up to four times as many tiles). */
export const GALLERY_PAGE_SIZE = 24;
/** The most images one ZIP, bulk delete or bulk "add to collection" may name. */
export const MAX_BULK_IMAGES = 200;
export const COLLECTION_NAME_MAX_LENGTH = 80;
export const SEARCH_MAX_LENGTH = 200;

export const GALLERY_STATUSES = ["done", "failed", "all"] as const;
export type GalleryStatus = (typeof GALLERY_STATUSES)[number];

/** A generation's review state as the gallery and Activity filter by it. */
export const REVIEW_FILTERS = ["approved", "needs-changes", "unreviewed"] as const;
export type ReviewFilter = (typeof REVIEW_FILTERS)[number];

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

const oneOf = <T extends string>(choices: readonly T[], value: string | undefined): T | undefined =>
  choices.find((c) => c === value);

/**
 * The filter form's fields as filters, in the browser, to build the next URL from: a choice that is
 * not one of the form's own options is left at its default. Not a check: the page parses the URL
 * again with galleryFiltersSchema (lib/validations/gallery.ts), which also vets the search text and
 * the member id.
 */
export function formGalleryFilters(fields: Record<string, string | undefined>): GalleryFilters {
  const q = fields.q?.trim().slice(0, SEARCH_MAX_LENGTH);
  return {
    who: oneOf(["everyone", "me"], fields.who) ?? DEFAULT_FILTERS.who,
    size: oneOf(IMAGE_SIZES, fields.size),
    favorites: fields.favorites === "1" || fields.favorites === "true",
    status: oneOf(GALLERY_STATUSES, fields.status) ?? DEFAULT_FILTERS.status,
    q: q || undefined,
    member: fields.member || undefined,
    review: oneOf(REVIEW_FILTERS, fields.review),
  };
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

/** The live poll's bound when the view shows nothing yet (see liveAfterSchema). */
export const LIVE_LATEST = "latest";
