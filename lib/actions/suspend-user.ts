"use server";

import { revalidatePath } from "next/cache";
import { fail, succeed, userAction } from "@/lib/actions/action";
import { isInstanceAdmin, setUserSuspended } from "@/lib/data/admin";
import { appUrls } from "@/lib/urls";
import { suspendUserSchema } from "@/lib/validations/workspace";

/** Instance administrators only; a suspended account's sessions end at their next request. */
export const suspendUserAction = userAction("suspend-user", suspendUserSchema, async ({ viewer, input }) => {
  if (!isInstanceAdmin(viewer)) return fail("workspace.adminOnly");
  const result = await setUserSuspended(viewer, input.email, input.suspended);
  if (!result.ok) return result;
  revalidatePath(appUrls.admin);
  return succeed(undefined, input.suspended ? "workspace.userSuspended" : "workspace.userRestored", { email: input.email });
});
