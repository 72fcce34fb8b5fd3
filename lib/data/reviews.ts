import "server-only";
import type { Viewer } from "@/lib/auth";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ReviewStatus } from "@/lib/generated/prisma/enums";
import type { ReviewFilter } from "@/lib/validations/workspace";

/** Sets (or, with null, clears) a generation's review; records who decided and when. */
export async function setReview(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  generationId: string,
  status: ReviewStatus | null,
  now = new Date(),
): Promise<Outcome> {
  const { count } = await db.generation.updateMany({
    where: { id: generationId, workspaceId: workspace.id },
    data: status
      ? { reviewStatus: status, reviewedAt: now, reviewedById: viewer.id }
      : { reviewStatus: null, reviewedAt: null, reviewedById: null },
  });
  return count === 1 ? done() : refused("gallery.generationGone");
}

const byFilter: Record<ReviewFilter, Prisma.GenerationWhereInput> = {
  approved: { reviewStatus: "APPROVED" },
  "needs-changes": { reviewStatus: "NEEDS_CHANGES" },
  unreviewed: { reviewStatus: null },
};

/**
 * The gallery's "review status" and "member" filters as a `where` fragment, scoped to the
 * workspace. Unknown filter values and a member who is not in the workspace's generations simply
 * match nothing extra: the workspace scope is always there, so a filter can only narrow.
 */
export function generationFilterWhere(
  workspace: Pick<WorkspaceAccess, "id">,
  filter: { review?: ReviewFilter; memberId?: string },
): Prisma.GenerationWhereInput {
  return {
    workspaceId: workspace.id,
    ...(filter.review ? byFilter[filter.review] : {}),
    ...(filter.memberId ? { userId: filter.memberId } : {}),
  };
}
