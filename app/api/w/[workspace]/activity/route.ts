import { NextResponse } from "next/server";
import { z } from "zod";
import { listWorkspaceActivity } from "@/lib/data/activity";
import { workspaceRoute } from "@/lib/http/route";
import { recordIdSchema } from "@/lib/validations/ids";
import { REVIEW_FILTERS } from "@/lib/validations/workspace";

// A malformed filter widens nothing: it is dropped, and the workspace scope always applies.
const filterSchema = z.object({
  review: z.enum(REVIEW_FILTERS).optional().catch(undefined),
  member: recordIdSchema.optional().catch(undefined),
});

/** Everyone's newest generations in the workspace, polled by the Activity page. */
export const GET = workspaceRoute<RouteContext<"/api/w/[workspace]/activity">>("workspace-activity", "workspace.view", async ({ request, workspace }) => {
  const params = new URL(request.url).searchParams;
  const filter = filterSchema.parse({ review: params.get("review") ?? undefined, member: params.get("member") ?? undefined });
  const items = await listWorkspaceActivity(workspace, { review: filter.review, memberId: filter.member });
  return NextResponse.json({ items }, { headers: { "Cache-Control": "no-store" } });
});
