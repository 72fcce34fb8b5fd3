"use server";

import { fail, succeed, workspaceAction } from "@/lib/actions/action";
import { createGeneration } from "@/lib/data/generations";
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
    // The person's prompt is kept as written; the sent one (with the shape hint the form showed
    // them) is stored beside it.
    const withHint = input.shapeHint && !modelProfile(model).honoursSize;
    const outcome = await createGeneration(viewer, workspace, { ...input, model, sentPrompt: sentPrompt(input.prompt, input.size, withHint) });
    // Refused with its code (a reference gone, no room in the quota or the cap): as it is.
    if (!outcome.ok) return outcome;
    const generation = outcome.value;
    if (generation.created) await requestGenerationRun(generation.id);
    return succeed({ id: generation.id });
  },
);
