"use server";

import { revalidatePath } from "next/cache";
import { succeed, workspaceAction } from "@/lib/actions/action";
import { revokeShareLink } from "@/lib/data/share/links";
import { workspaceUrls } from "@/lib/urls";
import { revokeShareLinkSchema } from "@/lib/validations/share";

/** Ends a link at once: its page and every file behind it answer "not found" from now on. */
export const revokeShareLinkAction = workspaceAction(
  "revoke-share-link",
  "share.revoke.own",
  revokeShareLinkSchema,
  async ({ viewer, workspace, input }) => {
    const revoked = await revokeShareLink(viewer, workspace, input.linkId);
    if (!revoked.ok) return revoked;
    revalidatePath(workspaceUrls.shared(workspace.slug));
    // No data: the shared-links page's RevokeButton takes any ActionState.
    return succeed<unknown>(undefined, "gallery.linkRevoked");
  },
);
