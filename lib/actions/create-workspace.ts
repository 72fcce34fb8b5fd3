"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/action";
import { createTeamWorkspace } from "@/lib/data/workspace-admin";
import { workspaceUrls } from "@/lib/urls";
import { createWorkspaceSchema } from "@/lib/validations/workspace";

/** Anyone signed in may start a team workspace; they own it and land on its members page to invite people. */
export const createWorkspaceAction = userAction("create-workspace", createWorkspaceSchema, async ({ viewer, input }) => {
  const result = await createTeamWorkspace(viewer, input);
  if (!result.ok) return result;
  redirect(workspaceUrls.members(result.value.slug));
});
