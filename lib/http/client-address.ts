import { isIP } from "node:net";

/**
 * The client's address as far as the app can know it, for rate limits, from `X-Forwarded-For`.
 *
 * Next.js writes the socket's address into X-Forwarded-For only when the request has none, and
 * each reverse proxy appends the address it was connected from. So with `trustedProxies` proxies
 * in front (TRUST_PROXY), the client is the entry that many places from the right; with none, the
 * rightmost entry is the socket address, unless the client sent the header itself, in which case
 * Next kept the client's claim and nothing inside the app can tell. That is why a direct
 * deployment's per-address counts are best effort, and why the per-account limit never depends
 * on the address.
 *
 * IPv6 clients are counted by their /64: one subscriber usually holds a whole /64.
 * Null when there is no usable address (a call from inside the server, a malformed header).
 */
export function clientAddress(headers: Headers, trustedProxies: number): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((e) => e.trim())
    .filter(Boolean);
  if (entries.length === 0) return null;
  const raw = entries[Math.max(0, entries.length - Math.max(1, trustedProxies))]!;
  return normaliseAddress(raw);
}

function normaliseAddress(raw: string): string | null {
  const bare = raw.replace(/^\[([^\]]+)\](?::\d+)?$/, "$1").replace(/^(\d+\.\d+\.\d+\.\d+):\d+$/, "$1");
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return mapped[1]!;
  const family = isIP(bare);
  if (family === 4) return bare;
  if (family === 6) return `${expandIPv6(bare).slice(0, 4).join(":")}::/64`;
  return null;
}

/** The eight 16-bit groups of an IPv6 address (already known to be valid), as lower-case hex. */
export function expandIPv6(address: string): string[] {
  let text = address.toLowerCase().replace(/%.*$/, "");
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail === undefined ? [] : tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array<string>(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => Number.parseInt(g, 16).toString(16));
}
