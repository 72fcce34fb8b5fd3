/**
 * Every URL the app builds, in one module: pages (typed by Next's typedRoutes through `Route`)
 * and the JSON/file routes the browser fetches. Path segments are encoded here, once.
 */
import type { Route } from "next";

const seg = encodeURIComponent;
const page = (path: string) => path as Route;
/** `path` with a query, or bare when the query is empty. */
const withQuery = (path: string, query?: URLSearchParams) => page(query?.size ? `${path}?${query}` : path);

/** The signed-in pages of one workspace. */
export const workspaceUrls = {
  root: (slug: string) => page(`/w/${seg(slug)}`),
  /** The Create form, optionally prefilled (see lib/validations/create-prefill.ts). */
  create: (slug: string, query: { remix?: string; prompt?: string; size?: string; n?: number; refs?: string[]; parent?: string } = {}) => {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(query)) {
      const text = Array.isArray(value) ? value.join(",") : value === undefined ? "" : String(value);
      if (text) params.set(key, text);
    }
    return page(`/w/${seg(slug)}/create${params.size ? `?${params}` : ""}`);
  },
  /** `query`: the gallery's filters (lib/validations/gallery.ts), which the image pages keep too. */
  gallery: (slug: string, query?: URLSearchParams) => withQuery(`/w/${seg(slug)}/gallery`, query),
  image: (slug: string, imageId: string, query?: URLSearchParams) => withQuery(`/w/${seg(slug)}/gallery/${seg(imageId)}`, query),
  collections: (slug: string) => page(`/w/${seg(slug)}/collections`),
  collection: (slug: string, collectionId: string) => page(`/w/${seg(slug)}/collections/${seg(collectionId)}`),
  activity: (slug: string) => page(`/w/${seg(slug)}/activity`),
  generation: (slug: string, generationId: string) => page(`/w/${seg(slug)}/activity/${seg(generationId)}`),
  members: (slug: string, hash?: string) => page(`/w/${seg(slug)}/members${hash ? `#${hash}` : ""}`),
  settings: (slug: string) => page(`/w/${seg(slug)}/settings`),
  shared: (slug: string) => page(`/w/${seg(slug)}/shared`),
  usage: (slug: string) => page(`/w/${seg(slug)}/usage`),
  apiKeys: (slug: string) => page(`/w/${seg(slug)}/api-keys`),
};

export const appUrls = {
  home: page("/"),
  workspaces: page("/w"),
  newWorkspace: page("/w/new"),
  me: page("/me"),
  admin: page("/admin"),
  /** `signedUp`: the notice after sign-up; `callbackUrl`: where to go after signing in. */
  signIn: (callbackUrl?: string | null, notice?: { signedUp?: boolean }) => {
    const params = new URLSearchParams();
    if (notice?.signedUp) params.set("signedUp", "1");
    if (callbackUrl) params.set("callbackUrl", callbackUrl);
    return withQuery("/sign-in", params);
  },
  signUp: (callbackUrl?: string | null) => withQuery("/sign-up", new URLSearchParams(callbackUrl ? { callbackUrl } : {})),
  share: (token: string, query?: { page?: number }) => page(`/s/${seg(token)}${query?.page ? `?page=${query.page}` : ""}`),
  invitation: (token: string) => page(`/invite/${seg(token)}`),
  /**
   * A path typed routes cannot know in advance: one that lib/http/return-path.ts checked stays on
   * this site, or the page the browser is on (usePathname) with another query.
   */
  checked: (path: string, query?: URLSearchParams) => withQuery(path, query),
};

/** Route handlers the browser calls. */
export const apiUrls = {
  file: (assetId: string) => `/api/files/${seg(assetId)}`,
  /** The same file served as an attachment (a member file URL from a DTO). */
  download: (fileUrl: string) => `${fileUrl}?download`,
  sharedFile: (token: string, assetId: string) => `/api/s/${seg(token)}/files/${seg(assetId)}`,
  sharedFiles: (token: string) => `/api/s/${seg(token)}`,
  myGallery: () => "/api/me/gallery",
  gallery: (workspace: string) => `/api/w/${seg(workspace)}/gallery`,
  generations: (workspace: string) => `/api/w/${seg(workspace)}/generations`,
  generation: (workspace: string, generationId: string) => `/api/w/${seg(workspace)}/generations/${seg(generationId)}`,
  events: () => "/api/events",
  discussion: (workspace: string, generationId: string) =>
    `/api/w/${seg(workspace)}/generations/${seg(generationId)}/discussion`,
  uploads: (workspace: string) => `/api/w/${seg(workspace)}/uploads`,
  usage: (workspace: string) => `/api/w/${seg(workspace)}/usage`,
  usageExport: (workspace: string) => `/api/w/${seg(workspace)}/usage/export`,
  library: (workspace: string) => `/api/w/${seg(workspace)}/library`,
  activity: (workspace: string, filter: { review?: string; member?: string }) => {
    const params = new URLSearchParams();
    if (filter.review) params.set("review", filter.review);
    if (filter.member) params.set("member", filter.member);
    return `/api/w/${seg(workspace)}/activity${params.size ? `?${params}` : ""}`;
  },
  zip: (workspace: string, imageIds: string[]) => `/api/w/${seg(workspace)}/zip?ids=${imageIds.join(",")}`,
};
