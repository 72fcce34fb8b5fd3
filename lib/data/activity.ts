import "server-only";
import { commentCounts, displayName } from "@/lib/data/comments";
import { imageSelect, toImageDTO, type ImageDTO } from "@/lib/data/dto";
import { generationFilterWhere } from "@/lib/data/reviews";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { GenerationStatus, ReviewStatus } from "@/lib/generated/prisma/enums";
import type { ReviewFilter } from "@/lib/validations/workspace";

export interface ActivityItemDTO {
  id: string;
  prompt: string;
  status: GenerationStatus;
  createdAt: string;
  author: string;
  reviewStatus: ReviewStatus | null;
  commentCount: number;
  images: ImageDTO[];
}

/**
 * The newest generations of the whole workspace, everyone's, for the live Activity view. A removed
 * member's generations stay and keep their name.
 */
export async function listWorkspaceActivity(
  workspace: Pick<WorkspaceAccess, "id">,
  filter: { review?: ReviewFilter; memberId?: string } = {},
  limit = 30,
): Promise<ActivityItemDTO[]> {
  const rows = await db.generation.findMany({
    where: generationFilterWhere(workspace, filter),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      prompt: true,
      status: true,
      createdAt: true,
      reviewStatus: true,
      user: { select: { name: true, email: true } },
      images: {
        orderBy: { index: "asc" },
        select: imageSelect,
      },
    },
  });
  const counts = await commentCounts(rows.map((r) => r.id));
  return rows.map((r) => ({
    id: r.id,
    prompt: r.prompt,
    status: r.status,
    createdAt: r.createdAt.toISOString(),
    author: displayName(r.user),
    reviewStatus: r.reviewStatus,
    commentCount: counts.get(r.id) ?? 0,
    images: r.images.map((img) => toImageDTO(img)),
  }));
}
