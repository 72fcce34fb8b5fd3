"use server";

import { revalidatePath } from "next/cache";
import { succeed, workspaceAction } from "@/lib/actions/action";
import { revokeInvitation } from "@/lib/data/invitations";
import { workspaceUrls } from "@/lib/urls";
import { revokeInvitationSchema } from "@/lib/validations/workspace";

export const revokeInvitationAction = workspaceAction(
  "revoke-invitation",
  "member.invite",
  revokeInvitationSchema,
  async ({ workspace, input }) => {
    const result = await revokeInvitation(workspace, input.invitationId);
    if (!result.ok) return result;
    revalidatePath(workspaceUrls.members(workspace.slug));
    return succeed(undefined, "workspace.invitationRevoked");
  },
);
