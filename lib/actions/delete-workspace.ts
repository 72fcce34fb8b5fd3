"use server";

import { redirect } from "next/navigation";
import { workspaceAction } from "@/lib/actions/action";
import { deleteWorkspace } from "@/lib/data/workspace-admin";
import { appUrls } from "@/lib/urls";
import { deleteWorkspaceSchema } from "@/lib/validations/workspace";

/** Owner only, and only with the workspace's address typed out: there is no undo. */
export const deleteWorkspaceAction = workspaceAction(
  "delete-workspace",
  "workspace.delete",
  deleteWorkspaceSchema,
  async ({ workspace, input }) => {
    const result = await deleteWorkspace(workspace, input.confirm);
    if (!result.ok) return result;
    redirect(appUrls.workspaces);
  },
);
