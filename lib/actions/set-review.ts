"use server";

import { workspaceAction } from "@/lib/actions/action";
import { getGenerationDiscussion } from "@/lib/data/comments";
import { setReview } from "@/lib/data/reviews";
import { setReviewSchema } from "@/lib/validations/workspace";

const MESSAGE = { APPROVED: "Marked approved.", NEEDS_CHANGES: "Marked as needing changes." } as const;

export const setReviewAction = workspaceAction("set-review", "review.set", setReviewSchema, async ({ viewer, workspace, input }) => {
  const result = await setReview(viewer, workspace, input.generationId, input.status);
  if (!result.ok) return result;
  const discussion = await getGenerationDiscussion(viewer, workspace, input.generationId);
  return { ok: true, message: input.status ? MESSAGE[input.status] : "Review cleared.", data: discussion };
});
