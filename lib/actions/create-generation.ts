"use server";

import { ActionError, workspaceAction } from "@/lib/actions/action";
import { createGeneration, ReferenceNotFoundError } from "@/lib/data/generations";
import { QuotaExceededError } from "@/lib/data/quota";
import { env, imageModels } from "@/lib/env";
import { modelProfile } from "@/lib/image-api/profiles";
import { requestGenerationRun } from "@/lib/jobs/queue";
import { createGenerationSchema } from "@/lib/validations/generation";
import { sentPrompt } from "@/lib/validations/size";

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
      // The person's prompt is kept as written; the sent one (with the shape hint the form showed
      // them) is stored beside it.
      const withHint = input.shapeHint && !modelProfile(model).honoursSize;
      generation = await createGeneration(viewer, workspace, { ...input, model, sentPrompt: sentPrompt(input.prompt, input.size, withHint) });
    } catch (e) {
      if (e instanceof ReferenceNotFoundError) throw new ActionError(e.message, { references: [e.message] });
      if (e instanceof QuotaExceededError) throw new ActionError(e.message);
      throw e;
    }
    if (generation.created) await requestGenerationRun(generation.id);
    return { ok: true, data: { id: generation.id } };
  },
);
