"use server";

import { revalidatePath } from "next/cache";
import { succeed, workspaceAction } from "@/lib/actions/action";
import { removeMember } from "@/lib/data/members";
import { workspaceUrls } from "@/lib/urls";
import { memberTargetSchema } from "@/lib/validations/workspace";

/**
 * Access ends with the membership row: every page, action and route reads it on each request.
 * Their generations stay in the workspace.
 */
export const removeMemberAction = workspaceAction(
  "remove-member",
  "member.remove",
  memberTargetSchema,
  async ({ viewer, workspace, input }) => {
    const result = await removeMember(viewer, workspace, input.userId);
    if (!result.ok) return result;
    revalidatePath(workspaceUrls.members(workspace.slug));
    return succeed(undefined, "workspace.memberRemoved");
  },
);
