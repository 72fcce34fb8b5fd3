"use server";

import { revalidatePath } from "next/cache";
import { ActionError, workspaceAction } from "@/lib/actions/action";
import { createShareLink, ShareRefusedError } from "@/lib/data/share/links";
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
    try {
      const link = await createShareLink(viewer, workspace, input);
      revalidatePath(workspaceUrls.shared(workspace.slug));
      return { ok: true, message: "Link created. Anyone with it can see what you shared.", data: link };
    } catch (e) {
      if (e instanceof ShareRefusedError) throw new ActionError(e.message);
      throw e;
    }
  },
);
