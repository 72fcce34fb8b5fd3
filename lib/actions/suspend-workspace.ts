"use server";

import { revalidatePath } from "next/cache";
import { fail, succeed, userAction } from "@/lib/actions/action";
import { isInstanceAdmin, setWorkspaceSuspended } from "@/lib/data/admin";
import { appUrls } from "@/lib/urls";
import { suspendWorkspaceSchema } from "@/lib/validations/workspace";

/** Instance administrators only; a suspended workspace starts no generation (studio or API). */
export const suspendWorkspaceAction = userAction("suspend-workspace", suspendWorkspaceSchema, async ({ viewer, input }) => {
  if (!isInstanceAdmin(viewer)) return fail("workspace.adminOnly");
  const result = await setWorkspaceSuspended(input.workspaceId, input.suspended);
  if (!result.ok) return result;
  revalidatePath(appUrls.admin);
  return succeed(undefined, input.suspended ? "workspace.workspaceSuspended" : "workspace.workspaceRestored");
});
