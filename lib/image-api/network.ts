import { lookup as dnsLookup } from "node:dns/promises";
import type { LookupAddress, LookupOptions } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent } from "undici";

/**
 * Result URLs come from the relay's answer, so a compromised or confused relay could point us at
 * our own network (cloud metadata, admin ports). Downloads refuse hosts that resolve to loopback,
 * private, link-local or other non-public ranges unless the endpoint itself lives on such a
 * network (the stand-in on 127.0.0.1, an in-cluster relay).
 */
const nonPublic = new BlockList();
// IPv4: "this network", private, CGNAT (100.64/10), loopback, link-local, IETF protocol
// assignments, private, benchmarking (198.18/15), multicast and reserved.
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
// IPv6: besides loopback, unique-local, link-local and multicast, every form that carries an IPv4
// address inside it (IPv4-compatible ::/96, IPv4-mapped ::ffff:0:0/96 (see below), SIIT ::ffff:0:0:0/96,
// NAT64 64:ff9b::/96 and its local-use 64:ff9b:1::/48, 6to4 2002::/16, Teredo 2001::/32), since
// those reach IPv4 hosts we cannot vet through the IPv6 form, plus deprecated site-local
// fec0::/10, discard-only 100::/64 and documentation 2001:db8::/32.
for (const [net, prefix] of [
  ["::", 96],
  ["::1", 128],
  ["::ffff:0:0:0", 96],
  ["64:ff9b::", 96],
  ["64:ff9b:1::", 48],
  ["100::", 64],
  ["2001::", 32],
  ["2001:db8::", 32],
  ["2002::", 16],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  nonPublic.addSubnet(net, prefix, "ipv6");
}

// Node's BlockList matches IPv4-mapped addresses against IPv4 rules, so ::ffff:0:0/96 cannot be a
// rule of its own there (it would cover every IPv4 address); the URL parser's canonical form
// (::ffff:7f00:1 for ::ffff:127.0.0.1 and 0:0:0:0:0:ffff:7f00:1 alike) recognises the range instead.
const IPV4_MAPPED = /^\[::ffff:[0-9a-f]{1,4}:[0-9a-f]{1,4}\]$/;

export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 6 && IPV4_MAPPED.test(new URL(`http://[${address.replace(/%.*$/, "")}]`).hostname)) return true;
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

/** Why a connection was refused; the download turns it into a bad_response. */
export class NonPublicAddressError extends Error {
  constructor(readonly hostname: string) {
    super(`${hostname} resolves to a non-public address`);
  }
}

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A `lookup` for the socket itself: the addresses the connection will use are the ones checked, so
 * a name that resolved to a public address for the check above and to 10.0.0.1 a moment later
 * (DNS rebinding) is still refused. Node calls it for every connection, redirects included.
 */
export function publicOnlyLookup(lookup: Lookup = systemLookup) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    lookup(hostname).then(
      (all) => {
        const addresses = all.filter((a) => !options.family || isIP(a) === options.family);
        if (addresses.length === 0 || addresses.some(isNonPublicAddress)) {
          callback(new NonPublicAddressError(hostname), []);
          return;
        }
        if (options.all) callback(null, addresses.map((address) => ({ address, family: isIP(address) })));
        else callback(null, addresses[0]!, isIP(addresses[0]!));
      },
      (error: Error) => callback(error, []),
    );
  };
}

/** An undici dispatcher whose every connection goes through publicOnlyLookup. */
export function publicOnlyAgent(lookup: Lookup = systemLookup): Agent {
  return new Agent({ connect: { lookup: publicOnlyLookup(lookup) } });
}
