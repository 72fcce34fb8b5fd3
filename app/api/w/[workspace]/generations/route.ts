import { NextResponse } from "next/server";
import { listRecentGenerations } from "@/lib/data/generations";
import { workspaceRoute } from "@/lib/http/route";

/** The Create page's list of the viewer's recent generations, polled while any is pending. */
export const GET = workspaceRoute<{ workspace: string }>(
  "recent-generations",
  "workspace.view",
  async ({ viewer, workspace }) => {
    const generations = await listRecentGenerations(viewer, workspace);
    return NextResponse.json({ generations }, { headers: { "Cache-Control": "no-store" } });
  },
);
