"use server";

import { redirect } from "next/navigation";
import { userAction } from "@/lib/actions/action";
import { acceptInvitation } from "@/lib/data/invitations";
import { workspaceUrls } from "@/lib/urls";
import { acceptInvitationSchema } from "@/lib/validations/workspace";

/** Signed in (the invite page sends visitors through sign-up or sign-in first), then joined. */
export const acceptInvitationAction = userAction("accept-invitation", acceptInvitationSchema, async ({ viewer, input }) => {
  const result = await acceptInvitation(viewer, input.token);
  if (!result.ok) return result;
  redirect(workspaceUrls.create(result.value.slug));
});
