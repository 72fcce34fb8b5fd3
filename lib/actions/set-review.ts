"use server";

import { succeed, workspaceAction } from "@/lib/actions/action";
import { getGenerationDiscussion } from "@/lib/data/comments";
import { setReview } from "@/lib/data/reviews";
import type { DoneCode } from "@/lib/i18n/problems";
import { setReviewSchema } from "@/lib/validations/workspace";

const MARKED = { APPROVED: "gallery.markedApproved", NEEDS_CHANGES: "gallery.markedNeedsChanges" } as const satisfies Record<string, DoneCode>;

export const setReviewAction = workspaceAction("set-review", "review.set", setReviewSchema, async ({ viewer, workspace, input }) => {
  const result = await setReview(viewer, workspace, input.generationId, input.status);
  if (!result.ok) return result;
  const discussion = await getGenerationDiscussion(viewer, workspace, input.generationId);
  return succeed(discussion, input.status ? MARKED[input.status] : "gallery.reviewCleared");
});
