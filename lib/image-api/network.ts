import { lookup as dnsLookup } from "node:dns/promises";
import { BlockList, isIP } from "node:net";

/**
 * Result URLs come from the relay's answer, so a compromised or confused relay could point us at
 * our own network (cloud metadata, admin ports). Downloads refuse hosts that resolve to loopback,
 * private, link-local or other non-public ranges unless the endpoint itself lives on such a
 * network (the stand-in on 127.0.0.1, an in-cluster relay).
 */
const nonPublic = new BlockList();
for (const [net, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  nonPublic.addSubnet(net, prefix, "ipv4");
}
for (const [net, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  nonPublic.addSubnet(net, prefix, "ipv6");
}

export function isNonPublicAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return nonPublic.check(mapped[1]!, "ipv4");
  const family = isIP(address);
  if (family === 4) return nonPublic.check(address, "ipv4");
  if (family === 6) return nonPublic.check(address, "ipv6");
  return true;
}

export type Lookup = (hostname: string) => Promise<string[]>;

export const systemLookup: Lookup = async (hostname) =>
  (await dnsLookup(hostname, { all: true, verbatim: true })).map((a) => a.address);

/** True when any address the host resolves to is non-public (or it does not resolve). */
export async function isNonPublicHost(hostname: string, lookup: Lookup = systemLookup): Promise<boolean> {
  const host = hostname.replace(/^\[|\]$/g, "");
  if (isIP(host)) return isNonPublicAddress(host);
  if (host === "localhost" || host.endsWith(".localhost")) return true;
  try {
    const addresses = await lookup(host);
    return addresses.length === 0 || addresses.some(isNonPublicAddress);
  } catch {
    return true;
  }
}
