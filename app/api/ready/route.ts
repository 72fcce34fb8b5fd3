import { NextResponse } from "next/server";

import { publicRoute } from "@/lib/http/route";
import { checkReadiness } from "@/lib/readiness";

/**
 * Readiness: 200 when the database and the queue answer and every migration shipped in this build
 * is applied, else 503 with which check failed (a load balancer sends no traffic until then).
 */
export const GET = publicRoute<RouteContext<"/api/ready">>("ready", async () => {
  const readiness = await checkReadiness();
  return NextResponse.json(
    { status: readiness.ready ? "ready" : "not ready", ...readiness },
    { status: readiness.ready ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
});
