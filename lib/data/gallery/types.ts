import type { FailureDTO, ImageDTO } from "@/lib/data/dto";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";

// The gallery's DTOs: client components import these as types only.

export interface GalleryImageDTO extends ImageDTO {
  generationId: string;
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
  /** The page words "you" and a member without a name. */
  author: { name: string | null; isViewer: boolean };
  /** Made through /api/v1 with the author's key: the key's name (a revoked key keeps it). */
  viaApi: { keyName: string } | null;
  parentId: string | null;
  references: { assetId: string; url: string; label: string | null; width: number; height: number }[];
  images: GalleryImageDTO[];
  error: FailureDTO | null;
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

/** What a delete removed; refused as gallery.deleteGone (not in this workspace, or never existed:
 * indistinguishable on purpose) or gallery.deleteForbidden (visible, but the viewer's role does not
 * let them delete someone else's work). */
export interface Deleted {
  imageIds: string[];
  generationIds: string[];
}
