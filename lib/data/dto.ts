import type { GenerationStatus } from "@/lib/generated/prisma/enums";

/** What client components get to see of a generation: hand-picked, never a Prisma row. */
export interface GenerationDTO {
  id: string;
  status: GenerationStatus;
  prompt: string;
  size: string;
  n: number;
  model: string;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: { code: string; message: string } | null;
  references: { assetId: string; url: string; label: string | null; position: number }[];
  images: {
    id: string;
    index: number;
    url: string;
    thumbUrl: string;
    width: number;
    height: number;
    revisedPrompt: string | null;
  }[];
  /** The generation this one remixed, when it is in the same workspace. */
  parentId: string | null;
  canRetry: boolean;
}

export interface AssetDTO {
  id: string;
  url: string;
  width: number;
  height: number;
  fileName: string | null;
}

export const fileUrl = (assetId: string) => `/api/files/${assetId}`;
