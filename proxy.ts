import { NextResponse, type NextRequest } from "next/server";

/**
 * Optimistic only: sends visitors without a session cookie to sign-in before any rendering.
 * The real check is requireUser() / the action wrapper, which read the session and the database.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = new URL("/sign-in", request.url);
  url.searchParams.set("callbackUrl", request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.redirect(url);
}

export const config = { matcher: ["/w/:path*", "/me/:path*"] };
