import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type StandIn } from "@/scripts/stand-in/server";
import { generateImages } from "./client";
import { decodeB64Image, downloadImage } from "./download";
import { ImageApiError } from "./errors";
import { serve } from "./test-server";

let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn({ latencyMs: 0 });
});

afterAll(async () => {
  await standIn.close();
});

afterEach(() => {
  standIn.clearFaults();
});

async function resultUrl(fault?: "expired" | "not-image"): Promise<string> {
  if (fault) standIn.queueFault(fault);
  const result = await generateImages(
    { model: "gpt-image-2-all", prompt: "a boat", size: "1024x1536", n: 1 },
    { baseUrl: standIn.url, apiKey: standIn.apiKey, timeoutMs: 10_000, maxRetries: 0 },
  );
  return result.items[0]!.url!;
}

async function rejection(promise: Promise<unknown>): Promise<ImageApiError> {
  const error = await promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImageApiError);
  return error as ImageApiError;
}

// The stand-in listens on 127.0.0.1, a non-public address: allowed here as the worker allows it
// when the endpoint itself is on such a network.
const limits = { timeoutMs: 5_000, maxBytes: 10 * 1024 * 1024, allowPrivateNetwork: true };

describe("downloadImage on non-public networks", () => {
  const publicOnly = { timeoutMs: 5_000, maxBytes: 10 * 1024 * 1024 };

  it("refuses a result URL on loopback unless allowed", async () => {
    const error = await rejection(downloadImage(await resultUrl(), publicOnly));
    expect(error).toMatchObject({ failureClass: "bad_response", charged: "maybe", autoRetry: false });
    expect(error.message).toMatch(/non-public network \(127\.0\.0\.1\)/);
  });

  it("refuses a public-looking host that resolves to a private address", async () => {
    const lookup = async () => ["10.0.0.7"];
    const error = await rejection(downloadImage("https://cdn.example.test/a.webp", { ...publicOnly, lookup }));
    expect(error.message).toMatch(/non-public network \(cdn\.example\.test\)/);
  });

  it("checks every redirect hop, not only the first host", async () => {
    const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#123" } }).webp().toBuffer();
    const lookup = async (host: string) => (host === "public.example.test" ? ["93.184.216.34"] : ["169.254.169.254"]);
    const fetchRedirectingInward: typeof fetch = async (input) => {
      const url = new URL(String(input));
      return url.hostname === "public.example.test"
        ? new Response(null, { status: 302, headers: { location: "http://metadata.internal/latest" } })
        : new Response(new Uint8Array(image), { headers: { "content-type": "image/webp" } });
    };
    const error = await rejection(
      downloadImage("https://public.example.test/r.webp", { ...publicOnly, lookup, fetch: fetchRedirectingInward }),
    );
    expect(error.message).toMatch(/non-public network \(metadata\.internal\)/);
  });

  it("follows a redirect between public hosts", async () => {
    const image = await sharp({ create: { width: 8, height: 8, channels: 3, background: "#123" } }).webp().toBuffer();
    const lookup = async () => ["93.184.216.34"];
    const fetchViaCdn: typeof fetch = async (input) =>
      new URL(String(input)).hostname === "relay.example.test"
        ? new Response(null, { status: 302, headers: { location: "https://cdn.example.test/r.webp" } })
        : new Response(new Uint8Array(image), { headers: { "content-type": "image/webp" } });
    const { mime } = await downloadImage("https://relay.example.test/r", { ...publicOnly, lookup, fetch: fetchViaCdn });
    expect(mime).toBe("image/webp");
  });
});

describe("downloadImage", () => {
  it("downloads a result and sniffs its type from the bytes", async () => {
    const { bytes, mime } = await downloadImage(await resultUrl(), limits);
    expect(mime).toBe("image/webp");
    expect(await sharp(bytes).metadata()).toMatchObject({ width: 1024, height: 1536 });
  });

  it("reports an expired link as bad_response that may have been charged", async () => {
    const error = await rejection(downloadImage(await resultUrl("expired"), limits));
    expect(error).toMatchObject({ failureClass: "result_expired", status: 410, charged: "maybe" });
    expect(error.message).toMatch(/expired before it could be saved/);
  });

  it("reports a never-issued link (404) as expired too", async () => {
    const error = await rejection(downloadImage(`${standIn.url}/files/unknown.webp`, limits));
    expect(error).toMatchObject({ failureClass: "result_expired", status: 404 });
    expect(error.message).toMatch(/expired/);
  });

  it("refuses bytes that are not an image, whatever the content type", async () => {
    const error = await rejection(downloadImage(await resultUrl("not-image"), limits));
    expect(error.failureClass).toBe("result_not_image");
    expect(error.message).toMatch(/not an accepted image/);

    const svg = await serve((_, res) => {
      res.writeHead(200, { "content-type": "image/png" }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
    });
    try {
      expect((await rejection(downloadImage(svg.url, limits))).failureClass).toBe("result_not_image");
    } finally {
      await svg.close();
    }
  });

  it.each(["data:image/png;base64,iVBORw0KGgo=", "ftp://example.com/a.png", "file:///etc/passwd", "not a url"])(
    "refuses %s",
    async (url) => {
      const error = await rejection(downloadImage(url, limits));
      expect(error.failureClass).toBe("bad_response");
      expect(error.message).toMatch(/not a URL|refusing to download/);
    },
  );

  it("refuses a declared size above maxBytes without reading it", async () => {
    const error = await rejection(downloadImage(await resultUrl(), { ...limits, maxBytes: 1000 }));
    expect(error.failureClass).toBe("bad_response");
    expect(error.message).toMatch(/larger than 1000 bytes/);
  });

  it("stops reading an undeclared body as soon as it passes maxBytes", async () => {
    let sent = 0;
    let closed = false;
    const endless = await serve((req, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        while (!closed && res.write(chunk)) sent += chunk.length;
        if (!closed) res.once("drain", pump);
      };
      req.socket.once("close", () => {
        closed = true;
      });
      pump();
    });
    try {
      const error = await rejection(downloadImage(endless.url, { timeoutMs: 10_000, maxBytes: 512 * 1024, allowPrivateNetwork: true }));
      expect(error.message).toMatch(/larger than 524288 bytes/);
      await new Promise((r) => setTimeout(r, 100));
      expect(closed).toBe(true);
      expect(sent).toBeLessThan(20 * 1024 * 1024);
    } finally {
      await endless.close();
    }
  });

  it("times out on a host that never finishes", async () => {
    const stuck = await serve((_, res) => {
      res.writeHead(200, { "content-type": "image/png" });
      res.write(Buffer.from("89504e47", "hex"));
    });
    try {
      const error = await rejection(downloadImage(stuck.url, { timeoutMs: 200, maxBytes: 1024, allowPrivateNetwork: true }));
      expect(error).toMatchObject({ failureClass: "timeout", charged: "maybe" });
    } finally {
      await stuck.close();
    }
  });

  it("maps a 5xx from the image host to server_error", async () => {
    const failing = await serve((_, res) => {
      res.writeHead(503).end("busy");
    });
    try {
      expect(await rejection(downloadImage(failing.url, limits))).toMatchObject({ failureClass: "server_error", status: 503, charged: "maybe" });
    } finally {
      await failing.close();
    }
  });
});

describe("decodeB64Image", () => {
  it("decodes base64, with or without a data: prefix", async () => {
    const png = await sharp({ create: { width: 3, height: 2, channels: 3, background: "#123456" } }).png().toBuffer();
    const b64 = png.toString("base64");
    expect(await decodeB64Image(b64, { maxBytes: 1024 })).toEqual({ bytes: png, mime: "image/png" });
    expect((await decodeB64Image(`data:image/png;base64,${b64}`, { maxBytes: 1024 })).mime).toBe("image/png");
  });

  it.each([
    ["not base64", "%%%not base64%%%", "bad_response", /not base64/],
    ["empty", "", "bad_response", /not base64/],
    ["not an image", Buffer.from("hello, plain text").toString("base64"), "result_not_image", /not an accepted image/],
    ["too large", Buffer.alloc(4096).toString("base64"), "bad_response", /larger than 1024 bytes/],
  ])("refuses %s", async (_, b64, failureClass, message) => {
    const error = await rejection(decodeB64Image(b64, { maxBytes: 1024 }));
    expect(error).toMatchObject({ failureClass, charged: "maybe" });
    expect(error.message).toMatch(message);
  });
});
