"use server";

import { revalidatePath } from "next/cache";
import { succeed, workspaceAction } from "@/lib/actions/action";
import { createShareLink } from "@/lib/data/share/links";
import { workspaceUrls } from "@/lib/urls";
import { createShareLinkSchema } from "@/lib/validations/share";

/**
 * Makes a share link for a generation, a collection or the whole gallery. The wrapper admits
 * anyone who may share at all (share.create.own); the data layer then decides whether this role
 * may share this particular target (someone else's work, a collection, the whole gallery).
 */
export const createShareLinkAction = workspaceAction(
  "create-share-link",
  "share.create.own",
  createShareLinkSchema,
  async ({ viewer, workspace, input }) => {
    const link = await createShareLink(viewer, workspace, input);
    if (!link.ok) return link;
    revalidatePath(workspaceUrls.shared(workspace.slug));
    return succeed(link.value, "gallery.linkCreated");
  },
);
