"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/action";
import { leaveWorkspace } from "@/lib/data/members";
import { appUrls } from "@/lib/urls";
import { leaveWorkspaceSchema } from "@/lib/validations/workspace";

export const leaveWorkspaceAction = workspaceAction(
  "leave-workspace",
  "workspace.view",
  leaveWorkspaceSchema,
  async ({ viewer, workspace }) => {
    const result = await leaveWorkspace(viewer, workspace);
    if (!result.ok) return result;
    redirect(appUrls.workspaces);
  },
);
