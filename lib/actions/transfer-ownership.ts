"use server";

import { revalidatePath } from "next/cache";
import { succeed, workspaceAction } from "@/lib/actions/action";
import { transferOwnership } from "@/lib/data/members";
import { workspaceUrls } from "@/lib/urls";
import { transferOwnershipSchema } from "@/lib/validations/workspace";

/** The chosen member becomes an owner and the current owner an admin. */
export const transferOwnershipAction = workspaceAction(
  "transfer-ownership",
  "workspace.transfer",
  transferOwnershipSchema,
  async ({ viewer, workspace, input }) => {
    const result = await transferOwnership(viewer, workspace, input.userId);
    if (!result.ok) return result;
    // The former owner's navigation and controls change with their role.
    revalidatePath(workspaceUrls.root(workspace.slug), "layout");
    return succeed(undefined, "workspace.ownershipTransferred");
  },
);
