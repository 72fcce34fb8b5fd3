import { NextResponse } from "next/server";
import { getDailyUsage } from "@/lib/data/quota";
import { workspaceRoute } from "@/lib/http/route";

/** Today's images against the workspace's daily quota and the viewer's own cap; every member may see it. */
export const GET = workspaceRoute<RouteContext<"/api/w/[workspace]/usage">>("workspace-usage", "workspace.view", async ({ viewer, workspace }) => {
  const usage = await getDailyUsage(workspace, new Date(), viewer.id);
  return NextResponse.json({ usage }, { headers: { "Cache-Control": "no-store" } });
});
