/**
 * Where to send someone back to after sign-in, sign-up, an invitation or a remix: the raw value
 * (a `callbackUrl` from the address bar, a form field) is resolved the way a browser would resolve
 * it against the app's own origin, and kept only when the result is still on that origin. A prefix
 * check is not enough: browsers drop tabs and newlines and read `\` as `/`, so `/\t/evil.example`
 * and `/\evil.example` both mean `//evil.example`.
 *
 * The answer is a path (never an absolute URL) that cannot itself read as protocol-relative.
 */
export const DEFAULT_RETURN_PATH = "/w";

export function safeReturnPath(raw: unknown, appOrigin: string, fallback: string = DEFAULT_RETURN_PATH): string {
  if (typeof raw !== "string" || raw === "" || raw.length > 2048) return fallback;
  let origin: string;
  let url: URL;
  try {
    origin = new URL(appOrigin).origin;
    url = new URL(raw, origin);
  } catch {
    return fallback;
  }
  if (url.origin !== origin) return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // `/.//evil` normalises to the path `//evil`, which a Location header would send off-site.
  if (!path.startsWith("/") || path.startsWith("//") || path.startsWith("/\\")) return fallback;
  return path;
}
