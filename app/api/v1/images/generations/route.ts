import { NextResponse } from "next/server";
import { z } from "zod";
import { apiGenerationAnswer, ApiRefusal, createApiGeneration, waitForGeneration } from "@/lib/data/api-generations";
import { env, imageModels } from "@/lib/env";
import { apiKeyRoute, openAiError } from "@/lib/http/api-v1";
import { requestGenerationRun } from "@/lib/jobs/queue";
import { can } from "@/lib/permissions";
import { apiGenerationSchema } from "@/lib/validations/api-images";

/** Five references as data URLs of 20 MB each would be ~135 MB of JSON; scripts send far less. */
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const idempotencyKeySchema = z.uuid();

/**
 * OpenAI's images API, served by Atelier: the request goes through the studio's create path
 * (quota, caps, queue, ledger) and the answer waits for the images, bounded by API_WAIT_MS; past
 * that it is 202 with the generation's id for GET /images/generations/{id}.
 */
export const POST = apiKeyRoute<RouteContext<"/api/v1/images/generations">>("api-v1-generate", async ({ request, caller }) => {
  if (!can(caller.workspace.role, "generation.create")) {
    return openAiError(403, "This key may not create images (its role, or its owner's, is viewer).", { type: "permission_error", code: "permission_denied" });
  }
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    return openAiError(413, `The request body is larger than ${MAX_BODY_BYTES / 1024 / 1024} MB.`, { code: "body_too_large" });
  }
  let raw: unknown;
  try {
    raw = await request.json();
  } catch {
    return openAiError(400, "The body must be JSON.", { code: "invalid_json" });
  }
  const parsed = apiGenerationSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return openAiError(400, issue.message, { param: issue.path.map(String).join(".") || null, code: "invalid_value" });
  }
  const input = parsed.data;
  const model = input.model ?? env.IMAGE_MODEL;
  if (!imageModels().includes(model)) {
    return openAiError(400, `The model ${model} is not offered here; use one of ${imageModels().join(", ")}.`, { param: "model", code: "model_not_found" });
  }
  if (input.n > env.IMAGE_MAX_N) return openAiError(400, `n must be at most ${env.IMAGE_MAX_N}.`, { param: "n", code: "invalid_value" });
  const key = idempotencyKeySchema.safeParse(request.headers.get("idempotency-key"));

  let generation: { id: string; created: boolean };
  try {
    generation = await createApiGeneration(caller, { ...input, model }, key.success ? key.data : undefined);
  } catch (e) {
    if (e instanceof ApiRefusal) return openAiError(e.status, e.message, e.detail);
    throw e;
  }
  if (generation.created) await requestGenerationRun(generation.id);

  await waitForGeneration(generation.id, env.API_WAIT_MS, request.signal);
  const answer = await apiGenerationAnswer(caller, generation.id, input.response_format);
  if (!answer) return openAiError(404, "The generation is gone.", { code: "not_found" });
  if (answer.kind === "failed") return openAiError(answer.refusal.status, answer.refusal.message, answer.refusal.detail);
  return NextResponse.json(answer.body, {
    status: answer.kind === "pending" ? 202 : 200,
    headers: { "Cache-Control": "no-store", ...(answer.kind === "pending" ? { Location: `/api/v1/images/generations/${generation.id}` } : {}) },
  });
});
