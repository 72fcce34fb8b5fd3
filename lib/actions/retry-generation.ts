"use server";

import { workspaceAction } from "@/lib/actions/action";
import { requeueFailedSlots } from "@/lib/data/generations";
import { requestGenerationRun } from "@/lib/jobs/queue";
import { retryGenerationSchema } from "@/lib/validations/generation";

/**
 * Runs a generation's failed slots again (or just the one given) with exactly the inputs it had;
 * slots that already have their image are never asked for again.
 */
export const retryGenerationAction = workspaceAction(
  "retry-generation",
  "generation.retry.own",
  retryGenerationSchema,
  async ({ viewer, workspace, input }) => {
    const requeued = await requeueFailedSlots(viewer, workspace, input.generationId, input.slot);
    if (!requeued) return { ok: false, message: "There is no failed image of yours to retry here." };
    await requestGenerationRun(input.generationId);
    return { ok: true, data: { id: input.generationId } };
  },
);
