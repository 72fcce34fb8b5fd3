import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { downloadImage } from "./download";
import { ImageApiError } from "./errors";
import { isNonPublicAddress, isNonPublicHost, NonPublicAddressError, publicOnlyLookup } from "./network";
import { serve } from "./test-server";

describe("isNonPublicAddress: every range a result download must not reach", () => {
  it.each([
    ["0.0.0.0/8 this network", "0.1.2.3"],
    ["10.0.0.0/8", "10.20.30.40"],
    ["100.64.0.0/10 carrier-grade NAT", "100.64.0.1"],
    ["100.64.0.0/10, far end", "100.127.255.254"],
    ["127.0.0.0/8 loopback", "127.0.0.1"],
    ["169.254.0.0/16 link-local (cloud metadata)", "169.254.169.254"],
    ["172.16.0.0/12", "172.31.0.1"],
    ["192.0.0.0/24", "192.0.0.8"],
    ["192.168.0.0/16", "192.168.1.1"],
    ["198.18.0.0/15 benchmarking", "198.18.0.1"],
    ["198.18.0.0/15, far end", "198.19.255.254"],
    ["224.0.0.0/4 multicast", "239.1.1.1"],
    ["240.0.0.0/4 reserved", "255.255.255.255"],
    ["::1 loopback", "::1"],
    [":: unspecified", "::"],
    ["::/96 IPv4-compatible", "::7f00:1"],
    ["::/96 IPv4-compatible, dotted", "::127.0.0.1"],
    ["::ffff:0:0/96 IPv4-mapped, dotted", "::ffff:127.0.0.1"],
    ["::ffff:0:0/96 IPv4-mapped, hex", "::ffff:7f00:1"],
    ["::ffff:0:0/96 IPv4-mapped, a public IPv4 inside", "::ffff:8.8.8.8"],
    ["::ffff:0:0/96 IPv4-mapped, long form", "0:0:0:0:0:ffff:a9fe:a9fe"],
    ["::ffff:0:0:0/96 SIIT", "::ffff:0:a9fe:a9fe"],
    ["64:ff9b::/96 NAT64", "64:ff9b::a9fe:a9fe"],
    ["64:ff9b::/96 NAT64, dotted", "64:ff9b::10.0.0.1"],
    ["64:ff9b:1::/48 local NAT64", "64:ff9b:1::1"],
    ["2002::/16 6to4", "2002:7f00:1::1"],
    ["2001::/32 Teredo", "2001:0:4136:e378::1"],
    ["2001:db8::/32 documentation", "2001:db8::1"],
    ["fc00::/7 unique-local", "fd12:3456::1"],
    ["fe80::/10 link-local", "fe80::1"],
    ["fec0::/10 site-local", "fec0::1"],
    ["fec0::/10 site-local, far end", "feff::1"],
    ["ff00::/8 multicast", "ff02::1"],
    ["100::/64 discard", "100::1"],
    ["not an address at all", "example.com"],
  ])("%s: %s is refused", (_, address) => {
    expect(isNonPublicAddress(address)).toBe(true);
  });

  it.each(["93.184.216.34", "8.8.8.8", "100.63.255.255", "100.128.0.0", "198.17.255.255", "198.20.0.0", "2606:4700::1111", "2a00:1450:4001::200e"])(
    "%s is public",
    (address) => {
      expect(isNonPublicAddress(address)).toBe(false);
    },
  );

  it("hosts: literals, localhost names, and names that resolve inward", async () => {
    expect(await isNonPublicHost("[::ffff:7f00:1]")).toBe(true);
    expect(await isNonPublicHost("app.localhost")).toBe(true);
    expect(await isNonPublicHost("cdn.example.test", async () => ["93.184.216.34", "10.0.0.1"])).toBe(true);
    expect(await isNonPublicHost("cdn.example.test", async () => [])).toBe(true);
    expect(await isNonPublicHost("cdn.example.test", async () => ["93.184.216.34"])).toBe(false);
  });
});

describe("downloads check the address each connection really uses (DNS rebinding)", () => {
  const png = () => sharp({ create: { width: 4, height: 4, channels: 3, background: "#08f" } }).png().toBuffer();

  it("a name that resolves public for the check and private for the connection is refused at connect", async () => {
    const body = await png();
    let hits = 0;
    const inner = await serve((_req, res) => {
      hits++;
      res.writeHead(200, { "content-type": "image/png" }).end(body);
    });
    const port = new URL(inner.url).port;
    // First answer (the early host check) public, every later one (the socket's) loopback.
    let asked = 0;
    const rebinding = async () => (asked++ === 0 ? ["93.184.216.34"] : ["127.0.0.1"]);
    try {
      const error = await downloadImage(`http://rebind.example.test:${port}/r.png`, { timeoutMs: 5_000, maxBytes: 1 << 20, lookup: rebinding }).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(ImageApiError);
      expect((error as ImageApiError).failureClass).toBe("bad_response");
      expect((error as ImageApiError).message).toMatch(/non-public network \(rebind\.example\.test, at connect\)/);
      expect(hits, "the private server was never reached").toBe(0);
      expect(asked).toBeGreaterThanOrEqual(2);
    } finally {
      await inner.close();
    }
  });

  it("the socket lookup answers Node in both of its shapes, and refuses any inward address in an answer", async () => {
    const ask = (answer: string[], options: { all?: boolean; family?: number }) =>
      new Promise<{ error: Error | null; address: unknown; family?: number }>((resolve) =>
        publicOnlyLookup(async () => answer)("cdn.example.test", options, (error, address, family) => resolve({ error, address, family })),
      );
    expect(await ask(["93.184.216.34", "2606:4700::1111"], { all: true })).toMatchObject({
      error: null,
      address: [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:4700::1111", family: 6 },
      ],
    });
    expect(await ask(["2606:4700::1111", "93.184.216.34"], { family: 4 })).toMatchObject({ error: null, address: "93.184.216.34", family: 4 });
    const mixed = await ask(["93.184.216.34", "10.0.0.1"], { all: true });
    expect(mixed.error).toBeInstanceOf(NonPublicAddressError);
    expect((await ask([], {})).error).toBeInstanceOf(NonPublicAddressError);
  });

  it("with the endpoint on a private network (allowPrivateNetwork), the same download goes through", async () => {
    const body = await png();
    const inner = await serve((_req, res) => res.writeHead(200, { "content-type": "image/png" }).end(body));
    try {
      const { mime } = await downloadImage(`${inner.url}/r.png`, { timeoutMs: 5_000, maxBytes: 1 << 20, allowPrivateNetwork: true });
      expect(mime).toBe("image/png");
    } finally {
      await inner.close();
    }
  });
});
