import "server-only";
import { randomUUID } from "node:crypto";
import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { getViewer, type Viewer } from "@/lib/auth";
import { getWorkspaceAccess, type WorkspaceAccess } from "@/lib/data/workspaces";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { can, type Action } from "@/lib/permissions";
import { getStorage } from "@/lib/storage";
import { workspaceRefSchema } from "@/lib/validations/text";
import { crossSiteRefusal, type RouteOptions } from "@/lib/http/origin";

/** The route-handler twin of lib/actions/action.ts: who asks, may they, is the input sound. */
export function jsonError(status: number, message: string, extra?: Record<string, unknown>) {
  return NextResponse.json({ error: { message, ...extra } }, { status, headers: { "Cache-Control": "no-store" } });
}

/**
 * A route's second argument as Next generates it for its path: `RouteContext<"/api/files/[assetId]">`
 * (`npm run typecheck` runs `next typegen` first), so a handler's params follow its folder names.
 */
export type AnyRouteContext = { params: Promise<object> };
export type ParamsOf<C extends AnyRouteContext> = Awaited<C["params"]>;
type NoParams = { params: Promise<Record<string, never>> };

type Handler<C extends AnyRouteContext> = (ctx: { request: NextRequest; viewer: Viewer; params: ParamsOf<C> }) => Promise<Response>;

/** For routes anyone may call (share links): the handler checks what the request carries. */
export function publicRoute<C extends AnyRouteContext = NoParams>(
  name: string,
  handler: (ctx: { request: NextRequest; params: ParamsOf<C> }) => Promise<Response>,
  options: RouteOptions = {},
) {
  return async (request: NextRequest, { params }: C): Promise<Response> => {
    const refusal = crossSiteRefusal(request, env.APP_URL, options);
    if (refusal) return jsonError(403, refusal);
    // The load balancer's id when it sends one, so its logs and ours line up.
    const requestId = request.headers.get("x-request-id")?.slice(0, 100) || randomUUID();
    const started = performance.now();
    let response: Response;
    try {
      // TypeScript cannot narrow `await` of a generic Promise to Awaited<…>; it is the same value.
      response = await handler({ request, params: (await params) as ParamsOf<C> });
    } catch (err) {
      log.error({ err, requestId, route: name }, "route failed");
      response = jsonError(500, "Something went wrong on our side. Please try again.");
    }
    log.info({ requestId, route: name, method: request.method, status: response.status, ms: Math.round(performance.now() - started) }, "request");
    response.headers.set("X-Request-Id", requestId);
    return response;
  };
}

export function userRoute<C extends AnyRouteContext = NoParams>(name: string, handler: Handler<C>) {
  return publicRoute<C>(name, async ({ request, params }) => {
    const viewer = await getViewer();
    if (!viewer) return jsonError(401, "Sign in to continue.");
    return handler({ request, viewer, params });
  });
}

export const STORED_FILE_CSP = "default-src 'none'; sandbox";

export interface StoredFile {
  storageKey: string;
  mime: string;
  sha256: string;
}

/** How long a presigned file URL lives; the redirect to it is cached for less (REDIRECT_MAX_AGE_SEC). */
const SIGNED_FILE_TTL_SEC = 300;
const REDIRECT_MAX_AGE_SEC = 240;

/**
 * A stored file, once the route has decided the caller may see it. Object storage that can sign
 * (S3, UploadThing) is not streamed through Node: the answer is a redirect to a short-lived
 * presigned URL (or the CDN URL of a public bucket), cached by the browser for
 * `redirectCacheControl`. The local disk is streamed; its keys are content hashes, so the ETag is
 * known before storage is touched and a revalidation answers 304 without reading the file.
 */
export async function storedFileResponse(
  request: Request,
  file: StoredFile,
  headers: Record<string, string>,
  { redirectCacheControl = `private, max-age=${REDIRECT_MAX_AGE_SEC}` }: { redirectCacheControl?: string } = {},
) {
  const storage = getStorage();
  const contentDisposition = headers["Content-Disposition"];
  const signed = await storage.signedUrl(file.storageKey, { expiresInSec: SIGNED_FILE_TTL_SEC, contentDisposition });
  if (signed) {
    const location = (contentDisposition ? null : await storage.publicUrl(file.storageKey)) ?? signed;
    // No ETag here: a 304 would revive a cached redirect whose signed URL may have expired.
    return new Response(null, { status: 302, headers: { Location: location, "Cache-Control": redirectCacheControl } });
  }
  const etag = `"${file.sha256}"`;
  // A stored file is shown, never run: even an image that holds script (SVG never gets this far)
  // renders in a sandbox with nothing allowed, whatever a browser makes of its bytes.
  const all = new Headers({
    ...headers,
    "Content-Type": file.mime,
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": STORED_FILE_CSP,
  });
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers: all });
  const bytes = await storage.get(file.storageKey);
  if (!bytes) return jsonError(404, "Not found.");
  return new Response(new Uint8Array(bytes), { status: 200, headers: all });
}

const workspaceParams = z.object({ workspace: workspaceRefSchema });

export function workspaceRoute<C extends { params: Promise<{ workspace: string }> }>(
  name: string,
  permission: Action,
  handler: (ctx: { request: NextRequest; viewer: Viewer; workspace: WorkspaceAccess; params: ParamsOf<C> }) => Promise<Response>,
) {
  return userRoute<C>(name, async ({ request, viewer, params }) => {
    const parsed = workspaceParams.safeParse(params);
    if (!parsed.success) return jsonError(404, "Not found.");
    const workspace = await getWorkspaceAccess(viewer, parsed.data.workspace);
    if (!workspace) return jsonError(404, "Not found.");
    if (!can(workspace.role, permission)) return jsonError(403, "Your role in this workspace does not allow that.");
    return handler({ request, viewer, workspace, params });
  });
}
