"use server";

import { succeed, workspaceAction } from "@/lib/actions/action";
import { addComment, getGenerationDiscussion } from "@/lib/data/comments";
import { addCommentSchema } from "@/lib/validations/workspace";

/** Answers with the whole discussion, so the client shows the new comment with its resolved mentions. */
export const addCommentAction = workspaceAction(
  "add-comment",
  "comment.create",
  addCommentSchema,
  async ({ viewer, workspace, input }) => {
    const result = await addComment(viewer, workspace, input.generationId, input.body);
    if (!result.ok) return result;
    const discussion = await getGenerationDiscussion(viewer, workspace, input.generationId);
    return succeed(discussion, "gallery.commentAdded");
  },
);
