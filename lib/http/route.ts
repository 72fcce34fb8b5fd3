import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getViewer, type Viewer } from "@/lib/auth";
import { getWorkspaceAccess, type WorkspaceAccess } from "@/lib/data/workspaces";
import { can, type Action } from "@/lib/permissions";

/** The route-handler twin of lib/actions/action.ts: who asks, may they, is the input sound. */
export function jsonError(status: number, message: string, extra?: Record<string, unknown>) {
  return NextResponse.json({ error: { message, ...extra } }, { status, headers: { "Cache-Control": "no-store" } });
}

type Handler<P> = (ctx: { request: Request; viewer: Viewer; params: P }) => Promise<Response>;

export function userRoute<P>(name: string, handler: Handler<P>) {
  return async (request: Request, { params }: { params: Promise<P> }): Promise<Response> => {
    try {
      const viewer = await getViewer();
      if (!viewer) return jsonError(401, "Sign in to continue.");
      return await handler({ request, viewer, params: await params });
    } catch (e) {
      console.error(`[route ${name}]`, e);
      return jsonError(500, "Something went wrong on our side. Please try again.");
    }
  };
}

const workspaceParams = z.object({ workspace: z.string().min(1).max(100) });

export function workspaceRoute<P extends { workspace: string }>(
  name: string,
  permission: Action,
  handler: (ctx: { request: Request; viewer: Viewer; workspace: WorkspaceAccess; params: P }) => Promise<Response>,
) {
  return userRoute<P>(name, async ({ request, viewer, params }) => {
    const parsed = workspaceParams.safeParse(params);
    if (!parsed.success) return jsonError(404, "Not found.");
    const workspace = await getWorkspaceAccess(viewer, parsed.data.workspace);
    if (!workspace) return jsonError(404, "Not found.");
    if (!can(workspace.role, permission)) return jsonError(403, "Your role in this workspace does not allow that.");
    return handler({ request, viewer, workspace, params });
  });
}
