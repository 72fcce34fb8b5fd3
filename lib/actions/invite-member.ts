"use server";

import { revalidatePath } from "next/cache";
import { succeed, workspaceAction } from "@/lib/actions/action";
import { createInvitation, invitationLetter, invitationPath } from "@/lib/data/invitations";
import { requestLocale } from "@/lib/i18n/locale";
import { workspaceUrls } from "@/lib/urls";
import { inviteMemberSchema } from "@/lib/validations/workspace";

/**
 * Returns the link once: only the token's hash is stored, so it cannot be shown again later. The
 * role is checked against the inviter's own power in the data layer (admins cannot invite admins).
 * With it come the words to send it with, in the invitee's language where known (invitationLetter).
 */
export const inviteMemberAction = workspaceAction(
  "invite-member",
  "member.invite",
  inviteMemberSchema,
  async ({ viewer, workspace, input }) => {
    const result = await createInvitation(viewer, workspace, input);
    if (!result.ok) return result;
    revalidatePath(workspaceUrls.members(workspace.slug));
    const letter = await invitationLetter({
      inviterLocale: await requestLocale(),
      inviter: viewer.name ?? viewer.email,
      workspaceName: workspace.name,
      role: input.role,
      email: input.email,
      expiresAt: result.value.expiresAt,
    });
    return succeed({ path: invitationPath(result.value.token), letter }, "workspace.invitationCreated");
  },
);
