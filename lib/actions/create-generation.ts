"use server";

import { ActionError, workspaceAction } from "@/lib/actions/action";
import { createGeneration, ReferenceNotFoundError } from "@/lib/data/generations";
import { QuotaExceededError } from "@/lib/data/quota";
import { env, imageModels } from "@/lib/env";
import { enqueueGeneration } from "@/lib/jobs/queue";
import { createGenerationSchema } from "@/lib/validations/generation";

/**
 * Stores the request as a QUEUED generation and returns its id at once; the worker calls the
 * image endpoint (which can take minutes) and the page polls for the outcome.
 */
export const createGenerationAction = workspaceAction(
  "create-generation",
  "generation.create",
  createGenerationSchema,
  async ({ viewer, workspace, input }) => {
    const model = input.model || env.IMAGE_MODEL;
    if (!imageModels().includes(model)) {
      throw new ActionError("That model is not available.", { model: ["Pick one of the offered models."] });
    }
    if (input.n > env.IMAGE_MAX_N) {
      throw new ActionError(`At most ${env.IMAGE_MAX_N} images at once.`, { n: [`At most ${env.IMAGE_MAX_N}.`] });
    }
    let generation: { id: string; created: boolean };
    try {
      generation = await createGeneration(viewer, workspace, { ...input, model });
    } catch (e) {
      if (e instanceof ReferenceNotFoundError) throw new ActionError(e.message, { references: [e.message] });
      if (e instanceof QuotaExceededError) throw new ActionError(e.message);
      throw e;
    }
    if (generation.created) await enqueueOrLeaveForSweep(generation.id);
    return { ok: true, data: { id: generation.id } };
  },
);

// The row is the source of truth: if the queue is briefly unreachable, the worker's sweep
// re-enqueues QUEUED generations, so the person's request is not lost.
async function enqueueOrLeaveForSweep(id: string) {
  try {
    await enqueueGeneration(id);
  } catch (e) {
    console.error(`[create-generation] enqueue of ${id} failed; the sweep will pick it up`, e);
  }
}
