"use server";

import { fail, succeed, workspaceAction } from "@/lib/actions/action";
import { cancelGeneration } from "@/lib/data/generations";
import { generationRefSchema } from "@/lib/validations/generation";

/** Cancels the viewer's own pending generation: queued images make no call, running ones are aborted. */
export const cancelGenerationAction = workspaceAction(
  "cancel-generation",
  "generation.cancel.own",
  generationRefSchema,
  async ({ viewer, workspace, input }) => {
    const cancelled = await cancelGeneration(viewer, workspace, input.generationId);
    if (!cancelled) return fail("studio.nothingToCancel");
    return succeed({ id: input.generationId }, "studio.cancelled");
  },
);
