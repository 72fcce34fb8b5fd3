import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import { authenticateApiKey, type ApiCaller } from "@/lib/data/api-keys";
import { publicRoute, type AnyRouteContext, type ParamsOf } from "@/lib/http/route";

/**
 * The route wrapper of the public API (/api/v1): the caller is the API key in
 * `Authorization: Bearer …`, never a cookie, so a browser cannot be tricked into calling it with
 * someone's session. Errors are in OpenAI's shape, so OpenAI's own clients read them.
 */
export type OpenAiErrorType = "invalid_request_error" | "authentication_error" | "permission_error" | "insufficient_quota" | "server_error";

export function openAiError(
  status: number,
  message: string,
  { type = "invalid_request_error", param = null, code = null }: { type?: OpenAiErrorType; param?: string | null; code?: string | null } = {},
) {
  return NextResponse.json({ error: { message, type, param, code } }, { status, headers: { "Cache-Control": "no-store" } });
}

export function apiKeyRoute<C extends AnyRouteContext>(
  name: string,
  handler: (ctx: { request: NextRequest; caller: ApiCaller; params: ParamsOf<C> }) => Promise<Response>,
) {
  const route = publicRoute<C>(name, async ({ request, params }) => {
    const header = request.headers.get("authorization") ?? "";
    const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
    if (!token) {
      return openAiError(401, "Send your Atelier API key as `Authorization: Bearer <key>`.", { type: "authentication_error", code: "missing_api_key" });
    }
    const caller = await authenticateApiKey(token);
    if (!caller) {
      return openAiError(401, "That API key is not valid: it may have been revoked, or its owner suspended.", {
        type: "authentication_error",
        code: "invalid_api_key",
      });
    }
    return handler({ request, caller, params });
  }, { crossOrigin: "bearer" });
  // publicRoute's own answer to a crash is in its shape; the API's clients expect OpenAI's.
  return async (request: NextRequest, ctx: C) => {
    const response = await route(request, ctx);
    if (response.status !== 500) return response;
    return openAiError(500, "Something went wrong on our side. Please try again.", { type: "server_error" });
  };
}
