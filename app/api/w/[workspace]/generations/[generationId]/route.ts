import { NextResponse } from "next/server";
import { getGeneration, relayStatus } from "@/lib/data/generations";
import { jsonError, workspaceRoute } from "@/lib/http/route";
import { recordIdSchema } from "@/lib/validations/ids";

/**
 * One generation, read when the live stream says it changed (one row instead of the whole recent
 * list); with the relay's state, which the Create page shows beside it.
 */
export const GET = workspaceRoute<RouteContext<"/api/w/[workspace]/generations/[generationId]">>(
  "generation",
  "workspace.view",
  async ({ viewer, workspace, params }) => {
    const id = recordIdSchema.safeParse(params.generationId);
    const [generation, relay] = id.success ? await Promise.all([getGeneration(viewer, workspace, id.data), relayStatus()]) : [null, null];
    if (!generation) return jsonError(404, "Not found.");
    return NextResponse.json({ generation, relay }, { headers: { "Cache-Control": "no-store" } });
  },
);
