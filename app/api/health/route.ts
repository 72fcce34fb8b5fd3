import { NextResponse } from "next/server";

import { publicRoute } from "@/lib/http/route";

/** Liveness: the process answers. It touches nothing else, so a database outage does not get every replica restarted. */
export const GET = publicRoute<RouteContext<"/api/health">>("health", async () =>
  NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } }),
);
