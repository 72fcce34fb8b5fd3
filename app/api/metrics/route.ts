import { env } from "@/lib/env";
import { jsonError, publicRoute } from "@/lib/http/route";
import { hasMetricsToken, renderMetrics } from "@/lib/metrics";

/**
 * Prometheus scrape endpoint, for a scraper holding METRICS_TOKEN (as a bearer token). Without a
 * token configured the route does not exist: 404, like any unknown path.
 */
export const GET = publicRoute<RouteContext<"/api/metrics">>("metrics", async ({ request }) => {
  if (!env.METRICS_TOKEN) return jsonError(404, "Not found.");
  if (!hasMetricsToken(request.headers.get("authorization"), env.METRICS_TOKEN)) return jsonError(401, "A metrics token is required.");
  const { body, contentType } = await renderMetrics();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
});
