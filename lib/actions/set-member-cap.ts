"use server";

import { revalidatePath } from "next/cache";
import { succeed, workspaceAction } from "@/lib/actions/action";
import { setMemberCap } from "@/lib/data/quota";
import { workspaceUrls } from "@/lib/urls";
import { setMemberCapSchema } from "@/lib/validations/workspace";

/** Takes effect at once; today's count is kept, so a cap below it stops that member until midnight UTC. */
export const setMemberCapAction = workspaceAction("set-member-cap", "member.cap.set", setMemberCapSchema, async ({ workspace, input }) => {
  const result = await setMemberCap(workspace, input.userId, input.dailyCap);
  if (!result.ok) return result;
  revalidatePath(workspaceUrls.root(workspace.slug), "layout");
  return input.dailyCap === null ? succeed(undefined, "workspace.capRemoved") : succeed(undefined, "workspace.capSet", { cap: input.dailyCap });
});
