"use server";

import { revalidatePath } from "next/cache";
import { workspaceAction } from "@/lib/actions/action";
import { createInvitation, invitationPath } from "@/lib/data/invitations";
import { workspaceUrls } from "@/lib/urls";
import { inviteMemberSchema } from "@/lib/validations/workspace";

/**
 * Returns the link once: only the token's hash is stored, so it cannot be shown again later. The
 * role is checked against the inviter's own power in the data layer (admins cannot invite admins).
 */
export const inviteMemberAction = workspaceAction(
  "invite-member",
  "member.invite",
  inviteMemberSchema,
  async ({ viewer, workspace, input }) => {
    const result = await createInvitation(viewer, workspace, input);
    if (!result.ok) return result;
    revalidatePath(workspaceUrls.members(workspace.slug));
    return {
      ok: true,
      message: "Invitation link created. Copy it now: it is shown only once.",
      data: { path: invitationPath(result.value.token) },
    };
  },
);
