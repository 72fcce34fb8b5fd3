/**
 * The security headers, in one place. Two layers, because they differ in when they can be known:
 * - next.config.ts sends the fixed ones on every response, static files included;
 * - proxy.ts adds the per-request ones: the page CSP with a fresh nonce (Next puts it on its own
 *   inline scripts by reading the request's CSP header) and HSTS once APP_URL is https.
 * Files our routes serve carry their own `default-src 'none'; sandbox` (lib/http/route.ts).
 */
export const STATIC_SECURITY_HEADERS: { key: string; value: string }[] = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
  // What no page of ours uses; clipboard-write stays, for "Copy link".
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=(), browsing-topics=()" },
  // For browsers that predate CSP's frame-ancestors.
  { key: "X-Frame-Options", value: "DENY" },
];

export interface PageCspOptions {
  nonce: string;
  /** `next dev` evaluates code with eval() for fast refresh; a production build never does. */
  dev: boolean;
  /** Where images may come from besides our own routes: the object store or CDN files redirect to. */
  imageOrigins: string[];
}

export function pageCsp({ nonce, dev, imageOrigins }: PageCspOptions): string {
  const images = ["'self'", "blob:", "data:", ...imageOrigins].join(" ");
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts our nonced scripts load (Next's chunks) run; nothing else does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // React sets style attributes (progress bars, aspect ratios); a nonce cannot cover those.
    "style-src 'self' 'unsafe-inline'",
    `img-src ${images}`,
    "font-src 'self'",
    // blob: is a reference the person just picked (previews and upload bodies read it); only our own scripts can mint one.
    `connect-src 'self' blob:${dev ? " ws:" : ""}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "worker-src 'self' blob:",
    "manifest-src 'self'",
  ].join("; ");
}

/** Two years, as the HSTS preload list asks; only over https, where a browser honours it. */
export function hstsHeader(appUrl: string): string | null {
  return new URL(appUrl).protocol === "https:" ? "max-age=63072000; includeSubDomains" : null;
}

/** The origins of the storage URLs the file routes may redirect to, for img-src. */
export function imageOriginsOf(urls: (string | undefined)[], uploadThing: boolean): string[] {
  const origins = urls.filter((u): u is string => Boolean(u)).map((u) => new URL(u).origin);
  if (uploadThing) origins.push("https://utfs.io", "https://*.ufs.sh");
  return Array.from(new Set(origins));
}
