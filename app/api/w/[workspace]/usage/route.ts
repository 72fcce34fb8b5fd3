import { NextResponse } from "next/server";
import { getDailyUsage } from "@/lib/data/quota";
import { workspaceRoute } from "@/lib/http/route";

/** Today's generations against the workspace's daily quota; every member may see it. */
export const GET = workspaceRoute<{ workspace: string }>("workspace-usage", "workspace.view", async ({ workspace }) => {
  const usage = await getDailyUsage(workspace);
  return NextResponse.json({ usage }, { headers: { "Cache-Control": "no-store" } });
});
