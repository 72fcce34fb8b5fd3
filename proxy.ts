import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { hstsHeader, imageOriginsOf, pageCsp } from "@/lib/http/security-headers";

/**
 * Two jobs, both before anything renders:
 * - security headers that depend on the request or the environment (the page CSP and its nonce,
 *   HSTS); the fixed ones come from next.config.ts;
 * - optimistic only: visitors to app pages without a session cookie go to sign-in. The real check
 *   is requireUser() / the action wrapper, which read the session and the database.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];
const SIGNED_IN_AREAS = /^\/(w|me)(\/|$)/;

const imageOrigins = imageOriginsOf(
  [env.S3_PUBLIC_BASE_URL, env.S3_PUBLIC_ENDPOINT ?? env.S3_ENDPOINT, env.PUBLIC_ASSET_BASE_URL],
  Boolean(env.UPLOADTHING_TOKEN),
);
const hsts = hstsHeader(env.APP_URL);

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const api = pathname.startsWith("/api/");

  if (!api && SIGNED_IN_AREAS.test(pathname) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const url = new URL("/sign-in", request.url);
    url.searchParams.set("callbackUrl", pathname + search);
    return withHsts(NextResponse.redirect(url));
  }
  // Route handlers set their own content headers (a stored file has its own sandbox CSP).
  if (api) return withHsts(NextResponse.next());

  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp({ nonce, dev: env.NODE_ENV === "development", imageOrigins });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return withHsts(response);
}

function withHsts(response: NextResponse): NextResponse {
  if (hsts) response.headers.set("Strict-Transport-Security", hsts);
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but build assets; prefetches carry no page of their own to protect.
      source: "/((?!_next/static|_next/image|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
