import { NextResponse } from "next/server";
import { getGenerationDiscussion } from "@/lib/data/comments";
import { jsonError, workspaceRoute } from "@/lib/http/route";
import { recordIdSchema } from "@/lib/validations/ids";

const generationId = recordIdSchema;

/** A generation's comments and review, for the gallery's lightbox (the detail page renders it on the server). */
export const GET = workspaceRoute<RouteContext<"/api/w/[workspace]/generations/[generationId]/discussion">>(
  "generation-discussion",
  "workspace.view",
  async ({ viewer, workspace, params }) => {
    const id = generationId.safeParse(params.generationId);
    const discussion = id.success ? await getGenerationDiscussion(viewer, workspace, id.data) : null;
    if (!discussion) return jsonError(404, "Not found.");
    return NextResponse.json({ discussion }, { headers: { "Cache-Control": "no-store" } });
  },
);
