import type { Prisma } from "@/lib/generated/prisma/client";
import type { GenerationStatus, SlotStatus } from "@/lib/generated/prisma/enums";
import { asFailureDetail, type FailureDetail, type FailureWords } from "@/lib/i18n/relay";
import { apiUrls } from "@/lib/urls";

/** One result image as every client view gets it (the gallery adds its own fields on top). */
export interface ImageDTO {
  id: string;
  index: number;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  revisedPrompt: string | null;
}

/** What client components get to see of a generation: hand-picked, never a Prisma row. */
export interface GenerationDTO {
  id: string;
  status: GenerationStatus;
  /** What the person wrote. */
  prompt: string;
  /** What the relay was sent, when it differs from the prompt (the shape hint appended). */
  sentPrompt: string | null;
  /** The requested size; each image's real pixels are on the image. */
  size: string;
  n: number;
  model: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  /** Why nothing was kept: render with failureText (lib/i18n/relay.ts); `message` is its English, for logs. */
  error: FailureDTO | null;
  references: { assetId: string; url: string; label: string | null; position: number }[];
  images: ImageDTO[];
  /** One per requested image, in order: each fills or fails on its own. */
  slots: SlotDTO[];
  /** The generation this one remixed, when it is in the same workspace. */
  parentId: string | null;
  canRetry: boolean;
  canCancel: boolean;
  /** Cancelled by the person; running calls were aborted (the relay may still bill them). */
  cancelled: boolean;
}

export interface SlotDTO {
  index: number;
  status: SlotStatus;
  /** The failure class (or app-side code) and its words' key: the page renders reason and next from them. */
  error: FailureDTO | null;
  /** The id of its image in `images`, once filled. */
  imageId: string | null;
  canRetry: boolean;
  /** Admins and owners only: the relay's raw answer for this slot's last failed call. */
  errorDetails: string | null;
}

/** A failure as the page gets it: its code and detail (lib/i18n/relay.ts), and the stored English for logs only. */
export interface FailureDTO extends FailureWords {
  code: string;
  detail?: FailureDetail | null;
  message: string;
}

/** A stored failure (errorCode, errorMessage, errorDetail) as the page gets it. */
export function toFailureDTO(row: { errorCode: string | null; errorMessage: string | null; errorDetail: unknown }, fallback: string): FailureDTO {
  return { code: row.errorCode ?? "unknown", detail: asFailureDetail(row.errorDetail), message: row.errorMessage ?? fallback };
}

export interface AssetDTO {
  id: string;
  url: string;
  width: number;
  height: number;
  fileName: string | null;
}

export const fileUrl = apiUrls.file;

/** The columns `toImageDTO` reads; spread it into a select and add what a view needs beside. */
export const imageSelect = {
  id: true,
  index: true,
  revisedPrompt: true,
  thumbAssetId: true,
  asset: { select: { id: true, width: true, height: true } },
} satisfies Prisma.GenerationImageSelect;

type ImageRow = Prisma.GenerationImageGetPayload<{ select: typeof imageSelect }>;

/**
 * The one mapping of a result-image row to what a client sees. `url` names where the bytes are
 * served from: the member file route by default, the share page passes its token-scoped route.
 */
export function toImageDTO(img: ImageRow, url: (assetId: string) => string = fileUrl): ImageDTO {
  return {
    id: img.id,
    index: img.index,
    url: url(img.asset.id),
    thumbUrl: url(img.thumbAssetId),
    width: img.asset.width,
    height: img.asset.height,
    revisedPrompt: img.revisedPrompt,
  };
}
