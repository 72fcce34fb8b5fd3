"use server";

import { revalidatePath } from "next/cache";
import { succeed, workspaceAction } from "@/lib/actions/action";
import { changeMemberRole } from "@/lib/data/members";
import { workspaceUrls } from "@/lib/urls";
import { changeRoleSchema } from "@/lib/validations/workspace";

export const changeRoleAction = workspaceAction(
  "change-role",
  "member.role.change",
  changeRoleSchema,
  async ({ viewer, workspace, input }) => {
    const result = await changeMemberRole(viewer, workspace, input.userId, input.role);
    if (!result.ok) return result;
    // Changing one's own role changes one's own navigation too.
    revalidatePath(workspaceUrls.root(workspace.slug), "layout");
    return succeed(undefined, "workspace.roleChanged", { role: input.role });
  },
);
