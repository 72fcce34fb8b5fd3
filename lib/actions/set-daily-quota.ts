"use server";

import { revalidatePath } from "next/cache";
import { succeed, workspaceAction } from "@/lib/actions/action";
import { setDailyQuota } from "@/lib/data/workspace-admin";
import { env } from "@/lib/env";
import { workspaceUrls } from "@/lib/urls";
import { setDailyQuotaSchema } from "@/lib/validations/workspace";

/** Takes effect at once; today's count is kept, so lowering below it stops new generations until midnight UTC. */
export const setDailyQuotaAction = workspaceAction(
  "set-daily-quota",
  "workspace.quota.set",
  setDailyQuotaSchema,
  async ({ workspace, input }) => {
    const result = await setDailyQuota(workspace, input.dailyQuota);
    if (!result.ok) return result;
    revalidatePath(workspaceUrls.root(workspace.slug), "layout");
    return input.dailyQuota === null
      ? succeed(undefined, "workspace.quotaReset", { quota: env.WORKSPACE_DAILY_QUOTA })
      : succeed(undefined, "workspace.quotaSet", { quota: input.dailyQuota });
  },
);
