import { describe, expect, it } from "vitest";
import { clientAddress, expandIPv6 } from "@/lib/http/client-address";

const h = (xff?: string) => new Headers(xff === undefined ? {} : { "x-forwarded-for": xff });

describe("clientAddress", () => {
  it("without proxies: the entry Next.js records (the rightmost)", () => {
    expect(clientAddress(h("203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientAddress(h("198.51.100.1, 203.0.113.7"), 0)).toBe("203.0.113.7");
  });

  it("behind N proxies: the entry N places from the right, whatever the client prepended", () => {
    expect(clientAddress(h("1.1.1.1, 203.0.113.7"), 1)).toBe("203.0.113.7");
    expect(clientAddress(h("1.1.1.1, 203.0.113.7, 10.0.0.2"), 2)).toBe("203.0.113.7");
    expect(clientAddress(h("203.0.113.7"), 3)).toBe("203.0.113.7");
  });

  it("strips ports and IPv4-mapped prefixes; counts IPv6 by its /64", () => {
    expect(clientAddress(h("203.0.113.7:5123"), 0)).toBe("203.0.113.7");
    expect(clientAddress(h("::ffff:203.0.113.7"), 0)).toBe("203.0.113.7");
    expect(clientAddress(h("2001:db8:1:2:aaaa::1"), 0)).toBe("2001:db8:1:2::/64");
    expect(clientAddress(h("[2001:db8:1:2::ffff]:443"), 0)).toBe("2001:db8:1:2::/64");
  });

  it("no header or a malformed entry is no address (null), never a shared bucket name", () => {
    expect(clientAddress(h(), 0)).toBeNull();
    expect(clientAddress(h(" , "), 0)).toBeNull();
    expect(clientAddress(h("unknown"), 0)).toBeNull();
    expect(clientAddress(h("<script>"), 0)).toBeNull();
  });

  it("expandIPv6 gives all eight groups", () => {
    expect(expandIPv6("::1")).toEqual(["0", "0", "0", "0", "0", "0", "0", "1"]);
    expect(expandIPv6("64:ff9b::192.0.2.33")).toEqual(["64", "ff9b", "0", "0", "0", "0", "c000", "221"]);
    expect(expandIPv6("fe80::1%eth0")).toEqual(["fe80", "0", "0", "0", "0", "0", "0", "1"]);
  });
});
