import { NextResponse } from "next/server";
import { z } from "zod";
import { apiGenerationAnswer } from "@/lib/data/api-generations";
import { apiKeyRoute, openAiError } from "@/lib/http/api-v1";
import { recordIdSchema } from "@/lib/validations/ids";

const querySchema = z.object({ response_format: z.enum(["url", "b64_json"]).default("url") });

/** For scripts that poll instead of holding the connection: the generation's state, or its images. */
export const GET = apiKeyRoute<RouteContext<"/api/v1/images/generations/[id]">>("api-v1-generation", async ({ request, caller, params }) => {
  const id = recordIdSchema.safeParse(params.id);
  if (!id.success) return openAiError(404, "No such generation in this workspace.", { code: "not_found" });
  const query = querySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return openAiError(400, "response_format must be url or b64_json.", { param: "response_format", code: "invalid_value" });
  const answer = await apiGenerationAnswer(caller, id.data, query.data.response_format);
  if (!answer) return openAiError(404, "No such generation in this workspace.", { code: "not_found" });
  if (answer.kind === "failed") return openAiError(answer.refusal.status, answer.refusal.message, answer.refusal.detail);
  return NextResponse.json(answer.body, { headers: { "Cache-Control": "no-store" } });
});
