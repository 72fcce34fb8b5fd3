"use server";

import { fail, succeed, workspaceAction } from "@/lib/actions/action";
import { requeueFailedSlots } from "@/lib/data/generations";
import { QuotaExceededError } from "@/lib/data/quota";
import { requestGenerationRun } from "@/lib/jobs/queue";
import { retryGenerationSchema } from "@/lib/validations/generation";

/**
 * Runs a generation's failed slots again (or just the one given) with exactly the inputs it had;
 * slots that already have their image are never asked for again. Images given back for an
 * uncharged failure are taken from the quota again (refused with its message when none is left).
 */
export const retryGenerationAction = workspaceAction(
  "retry-generation",
  "generation.retry.own",
  retryGenerationSchema,
  async ({ viewer, workspace, input }) => {
    let requeued: boolean;
    try {
      requeued = await requeueFailedSlots(viewer, workspace, input.generationId, input.slot);
    } catch (e) {
      // A refunded image is taken again on retry; with none left the slots stay failed.
      if (e instanceof QuotaExceededError) return fail(e.problem.code, e.problem.params);
      throw e;
    }
    if (!requeued) return fail("studio.nothingToRetry");
    await requestGenerationRun(input.generationId);
    return succeed({ id: input.generationId });
  },
);
