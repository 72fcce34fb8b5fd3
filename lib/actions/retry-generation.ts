"use server";

import { succeed, workspaceAction } from "@/lib/actions/action";
import { requeueFailedSlots } from "@/lib/data/generations";
import { requestGenerationRun } from "@/lib/jobs/queue";
import { retryGenerationSchema } from "@/lib/validations/generation";

/**
 * Runs a generation's failed slots again (or just the one given) with exactly the inputs it had;
 * slots that already have their image are never asked for again. Images given back for an
 * uncharged failure are taken from the quota again (refused with the quota's code and counts when none is left).
 */
export const retryGenerationAction = workspaceAction(
  "retry-generation",
  "generation.retry.own",
  retryGenerationSchema,
  async ({ viewer, workspace, input }) => {
    // Refused with its code: nothing of theirs to retry, or no room left for a refunded image.
    const requeued = await requeueFailedSlots(viewer, workspace, input.generationId, input.slot);
    if (!requeued.ok) return requeued;
    await requestGenerationRun(input.generationId);
    return succeed({ id: input.generationId });
  },
);
