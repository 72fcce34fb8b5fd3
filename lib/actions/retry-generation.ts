"use server";

import { workspaceAction } from "@/lib/actions/action";
import { requeueFailedGeneration } from "@/lib/data/generations";
import { requestGenerationRun } from "@/lib/jobs/queue";
import { generationRefSchema } from "@/lib/validations/generation";

/** Runs a failed generation again with exactly the inputs it had. */
export const retryGenerationAction = workspaceAction(
  "retry-generation",
  "generation.retry.own",
  generationRefSchema,
  async ({ viewer, workspace, input }) => {
    const requeued = await requeueFailedGeneration(viewer, workspace, input.generationId);
    if (!requeued) return { ok: false, message: "There is no failed generation of yours to retry here." };
    await requestGenerationRun(input.generationId);
    return { ok: true, data: { id: input.generationId } };
  },
);
