import { NextResponse } from "next/server";
import { listLibrary } from "@/lib/data/library";
import { workspaceRoute } from "@/lib/http/route";

/** The workspace's pinned references, for the Create form's Library picker. */
export const GET = workspaceRoute<RouteContext<"/api/w/[workspace]/library">>("reference-library", "workspace.view", async ({ workspace }) => {
  const items = await listLibrary(workspace);
  return NextResponse.json({ items }, { headers: { "Cache-Control": "no-store" } });
});
