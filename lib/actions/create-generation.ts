"use server";

import { fail, succeed, workspaceAction } from "@/lib/actions/action";
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
    if (!imageModels().includes(model)) return fail("studio.modelUnavailable", undefined, "model");
    if (input.n > env.IMAGE_MAX_N) return fail("studio.tooManyImages", { max: env.IMAGE_MAX_N }, "n");
    let generation: { id: string; created: boolean };
    try {
      // The person's prompt is kept as written; the sent one (with the shape hint the form showed
      // them) is stored beside it.
      const withHint = input.shapeHint && !modelProfile(model).honoursSize;
      generation = await createGeneration(viewer, workspace, { ...input, model, sentPrompt: sentPrompt(input.prompt, input.size, withHint) });
    } catch (e) {
      if (e instanceof ReferenceNotFoundError) return fail(e.problem.code, undefined, "references");
      if (e instanceof QuotaExceededError) return fail(e.problem.code, e.problem.params);
      throw e;
    }
    if (generation.created) await requestGenerationRun(generation.id);
    return succeed({ id: generation.id });
  },
);
