import { NextResponse } from "next/server";
import { z } from "zod";
import { getGenerationDiscussion } from "@/lib/data/comments";
import { jsonError, workspaceRoute } from "@/lib/http/route";

const generationId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/);

/** A generation's comments and review, for the gallery's lightbox (the detail page renders it on the server). */
export const GET = workspaceRoute<{ workspace: string; generationId: string }>(
  "generation-discussion",
  "workspace.view",
  async ({ viewer, workspace, params }) => {
    const id = generationId.safeParse(params.generationId);
    const discussion = id.success ? await getGenerationDiscussion(viewer, workspace, id.data) : null;
    if (!discussion) return jsonError(404, "Not found.");
    return NextResponse.json({ discussion }, { headers: { "Cache-Control": "no-store" } });
  },
);
