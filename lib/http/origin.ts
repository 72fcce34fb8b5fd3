/** The route wrapper's cross-site check (lib/http/route.ts), kept apart so it can be tested alone. */
const STATE_CHANGING = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export interface RouteOptions {
  /**
   * "bearer": the route authenticates with `Authorization: Bearer <key>` and never reads cookies
   * (the public /api/v1 API, called by scripts that send no Origin). A request that carries such a
   * header skips the origin check: a cross-site page cannot attach one without a CORS preflight,
   * which we never grant, so it is not a browser riding on someone's session. A request without
   * it is still checked, so adding cookie auth to such a route later would not open a hole.
   */
  crossOrigin?: "bearer";
}

const BEARER = /^Bearer\s+\S/i;
const REFUSED = "This request came from another site, so it was refused.";

/**
 * Why a state-changing request is refused as cross-site, or null when it may proceed. Server
 * actions get this check from Next; route handlers get it here. A browser names the page that
 * sent a request in `Origin` (every POST/PUT/PATCH/DELETE from fetch, XHR or a form); older
 * ones that leave it out still send `Sec-Fetch-Site`. A request with neither did not come from a
 * browser, so no victim's cookies ride on it unasked (curl sends only what its user gives it).
 */
export function crossSiteRefusal(request: Request, appUrl: string, options: RouteOptions = {}): string | null {
  if (!STATE_CHANGING.has(request.method.toUpperCase())) return null;
  if (options.crossOrigin === "bearer" && BEARER.test(request.headers.get("authorization") ?? "")) return null;
  const origin = request.headers.get("origin");
  if (origin !== null) return origin === new URL(appUrl).origin ? null : REFUSED;
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin" && site !== "none") return REFUSED;
  return null;
}

