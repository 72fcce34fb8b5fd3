"use server";

import { revalidatePath } from "next/cache";
import { succeed, workspaceAction } from "@/lib/actions/action";
import { renameWorkspace } from "@/lib/data/workspace-admin";
import { workspaceUrls } from "@/lib/urls";
import { renameWorkspaceSchema } from "@/lib/validations/workspace";

export const renameWorkspaceAction = workspaceAction(
  "rename-workspace",
  "workspace.rename",
  renameWorkspaceSchema,
  async ({ workspace, input }) => {
    const result = await renameWorkspace(workspace, input.name);
    if (!result.ok) return result;
    // The name shows in the shell's switcher on every page of the workspace.
    revalidatePath(workspaceUrls.root(workspace.slug), "layout");
    return succeed(undefined, "workspace.renamed", { name: input.name });
  },
);
