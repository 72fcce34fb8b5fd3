"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/action";
import { revokeShareLink } from "@/lib/data/share/links";
import { workspaceUrls } from "@/lib/urls";
import { revokeShareLinkSchema } from "@/lib/validations/share";

/** Ends a link at once: its page and every file behind it answer "not found" from now on. */
export const revokeShareLinkAction = workspaceAction(
  "revoke-share-link",
  "share.revoke.own",
  revokeShareLinkSchema,
  async ({ viewer, workspace, input }) => {
    // Someone else's link, a guessed id and an already revoked link all read the same.
    if (!(await revokeShareLink(viewer, workspace, input.linkId))) {
      return { ok: false, message: "There is no active link of yours to revoke here." };
    }
    revalidatePath(workspaceUrls.shared(workspace.slug));
    return { ok: true, message: "Link revoked. It now answers “not found”." };
  },
);
