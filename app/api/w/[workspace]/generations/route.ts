import { NextResponse } from "next/server";
import { listRecentGenerations, relayStatus } from "@/lib/data/generations";
import { workspaceRoute } from "@/lib/http/route";

/** The Create page's list of the viewer's recent generations, polled while any is pending. */
export const GET = workspaceRoute<RouteContext<"/api/w/[workspace]/generations">>(
  "recent-generations",
  "workspace.view",
  async ({ viewer, workspace }) => {
    const [generations, relay] = await Promise.all([listRecentGenerations(viewer, workspace), relayStatus()]);
    return NextResponse.json({ generations, relay }, { headers: { "Cache-Control": "no-store" } });
  },
);
