import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startStandIn, type FaultName, type StandIn } from "@/scripts/stand-in/server";
import { generateImages, GENERATIONS_PATH, type GenerateImagesInput, type ImageApiConfig } from "./client";
import { decodeB64Image } from "./download";
import { ImageApiError } from "./errors";
import type { Charged, FailureClass } from "./failures";
import { closedPortUrl, serve } from "./test-server";

let standIn: StandIn;
let sleeps: number[];

beforeAll(async () => {
  standIn = await startStandIn({ latencyMs: 0 });
});

afterAll(async () => {
  await standIn.close();
});

afterEach(() => {
  standIn.clearFaults();
  standIn.clearLedger();
});

const input: GenerateImagesInput = { model: "gpt-image-2-all", prompt: "a teapot on a hill", size: "1536x1024", n: 2 };

function config(overrides: Partial<ImageApiConfig> = {}): ImageApiConfig {
  sleeps = [];
  return {
    baseUrl: standIn.url,
    apiKey: standIn.apiKey,
    timeoutMs: 10_000,
    maxRetries: 2,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    ...overrides,
  };
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

const PIXEL_PNG =
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

describe("requests", () => {
  it("sends exactly the contract's headers and body, without image when there are none", async () => {
    const result = await generateImages({ ...input, images: [] }, config({ baseUrl: `${standIn.url}/` }));
    expect(result.created).toBeTypeOf("number");
    expect(result.items).toHaveLength(2);
    for (const item of result.items) {
      expect(item.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/files\//);
      expect(item.revisedPrompt).toMatch(/^A teapot on a hill, rendered as/);
      expect(item.b64Json).toBeUndefined();
    }

    const [entry] = standIn.ledger();
    expect(entry?.path).toBe(GENERATIONS_PATH);
    expect(entry?.body).toEqual({ model: "gpt-image-2-all", prompt: "a teapot on a hill", size: "1536x1024", n: 2 });
    expect(entry?.headers).toMatchObject({
      "content-type": "application/json",
      accept: "application/json",
      authorization: `Bearer ${standIn.apiKey}`,
    });
  });

  it("sends reference images in order", async () => {
    const images = [`data:image/png;base64,${PIXEL_PNG}`, `data:image/png;base64,${PIXEL_PNG}`];
    await generateImages({ ...input, n: 1, images }, config());
    expect(standIn.ledger()[0]?.body).toMatchObject({ image: images });
  });

  it("reads b64_json items", async () => {
    const fetchB64: typeof fetch = async () =>
      Response.json({ created: 5, data: [{ b64_json: PIXEL_PNG, url: "", revised_prompt: "r" }] });
    expect(await generateImages(input, config({ fetch: fetchB64 }))).toEqual({
      created: 5,
      items: [{ b64Json: PIXEL_PNG, revisedPrompt: "r" }],
      received: 1,
      status: 200,
    });
  });
});

describe("error mapping, against every stand-in fault", () => {
  it.each<[FaultName, FailureClass, Charged, number]>([
    ["400", "bad_request", "no", 400],
    ["401", "bad_key", "no", 401],
    ["403-quota", "out_of_balance", "no", 403],
    ["moderation", "safety", "maybe", 400],
    ["500", "server_error", "maybe", 500],
    ["html-502", "gateway", "maybe", 502],
    ["html-504", "gateway", "maybe", 504],
    ["truncated", "bad_response", "yes", 200],
    ["empty", "no_images", "maybe", 200],
    ["bad-json", "bad_response", "yes", 200],
  ])("%s → %s (charged %s), not retried", async (fault, failureClass, charged, status) => {
    standIn.queueFault(fault, 5);
    const error = await rejection(generateImages(input, config()));
    expect(error).toMatchObject({ failureClass, charged, status, autoRetry: false });
    expect(error.raw?.status).toBe(status);
    expect(error.message).not.toMatch(/stand-in-key/);
    expect(standIn.ledger()).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it("bad_request carries the endpoint's message (for the logs) and names the parameter", async () => {
    standIn.queueFault("400");
    const invalid = await rejection(generateImages(input, config()));
    expect(invalid.failureClass).toBe("bad_request");
    expect(invalid.message).toMatch(/Invalid 'prompt': the request could not be processed \(stand-in fault 400\)/);
    expect(invalid.param).toBe("prompt");
  });

  it("a wrong key is bad_key", async () => {
    const error = await rejection(generateImages(input, config({ apiKey: "wrong-key-123456" })));
    expect(error.failureClass).toBe("bad_key");
    expect(error.raw?.excerpt).not.toContain("wrong-key-123456");
  });

  it("a reference the endpoint cannot read comes back as reference_rejected, naming it", async () => {
    const error = await rejection(generateImages({ ...input, images: ["ftp://nope/a.png"] }, config()));
    expect(error).toMatchObject({ failureClass: "reference_rejected", param: "image[0]" });
  });

  it("a redirect is reported, not followed", async () => {
    const server = await serve((_, res) => {
      res.writeHead(301, { location: "https://elsewhere.example/v1/images/generations" }).end();
    });
    try {
      const error = await rejection(generateImages(input, config({ baseUrl: server.url })));
      expect(error).toMatchObject({ failureClass: "bad_response", status: 301, charged: "no" });
    } finally {
      await server.close();
    }
  });
});

describe("retries", () => {
  it("retries 429 after Retry-After, then succeeds", async () => {
    standIn.queueFault("429", 2);
    const result = await generateImages(input, config());
    expect(result.items).toHaveLength(2);
    expect(sleeps).toEqual([1000, 1000]);
    expect(standIn.ledger().map((e) => e.status)).toEqual([429, 429, 200]);
  });

  it("gives up on 429 after maxRetries with rate_limited", async () => {
    standIn.queueFault("429", 3);
    const error = await rejection(generateImages(input, config({ maxRetries: 2 })));
    expect(error).toMatchObject({ failureClass: "rate_limited", retryAfterMs: 1000, charged: "no" });
    expect(standIn.ledger()).toHaveLength(3);
  });

  it("retries an overloaded 503 as rate_limited", async () => {
    standIn.queueFault("503");
    const result = await generateImages(input, config());
    expect(result.items).toHaveLength(2);
    expect(standIn.ledger().map((e) => e.status)).toEqual([503, 200]);
  });

  it("gives a Retry-After longer than a minute back to the caller instead of waiting it out", async () => {
    const server = await serve((_, res) => {
      res.writeHead(429, { "content-type": "application/json", "retry-after": "600" });
      res.end(JSON.stringify({ error: { message: "当前分组上游负载已饱和，请稍后再试", type: "new_api_error", code: null } }));
    });
    try {
      const error = await rejection(generateImages(input, config({ baseUrl: server.url })));
      expect(error).toMatchObject({ failureClass: "rate_limited", retryAfterMs: 600_000 });
      expect(sleeps).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("really waits when no sleep is injected", async () => {
    standIn.queueFault("429");
    const started = Date.now();
    await generateImages(input, { ...config(), sleep: undefined });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  });

  it("retries a refused connection with backoff, then fails as network without having produced", async () => {
    const error = await rejection(generateImages(input, config({ baseUrl: await closedPortUrl() })));
    expect(error).toMatchObject({ failureClass: "network", charged: "no", autoRetry: true });
    expect(error.message).toMatch(/ECONNREFUSED/);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[0]).toBeGreaterThanOrEqual(500);
    expect(sleeps[1]).toBeGreaterThanOrEqual(1000);
  });

  it("does not retry a connection reset before headers: the relay may have read the request and be billing it", async () => {
    let calls = 0;
    const server = await serve((req, res) => {
      calls += 1;
      if (calls === 1) return void req.socket.destroy();
      res.writeHead(200, { "content-type": "application/json" }).end(
        JSON.stringify({ created: 1, data: [{ url: "https://x.test/a.png" }] }),
      );
    });
    try {
      const error = await rejection(generateImages(input, config({ baseUrl: server.url })));
      expect(error).toMatchObject({ failureClass: "network", charged: "maybe", autoRetry: false });
      expect(calls).toBe(1);
    } finally {
      await server.close();
    }
  });

  it("does not retry a connection that broke after the headers", async () => {
    let calls = 0;
    const server = await serve((req, res) => {
      calls += 1;
      res.writeHead(200, { "content-type": "application/json", "content-length": "500" });
      res.write('{"created": 1, "data": [');
      setTimeout(() => req.socket.destroy(), 20);
    });
    try {
      const error = await rejection(generateImages(input, config({ baseUrl: server.url })));
      expect(error).toMatchObject({ failureClass: "network", charged: "maybe" });
      expect(calls).toBe(1);
    } finally {
      await server.close();
    }
  });
});

describe("answer limits", () => {
  it("keeps at most as many results as were asked for", async () => {
    const fetchMore: typeof fetch = async () =>
      Response.json({ created: 5, data: [1, 2, 3].map((i) => ({ url: `https://x.test/${i}.png` })) });
    const result = await generateImages({ ...input, n: 1 }, config({ fetch: fetchMore }));
    expect(result.items).toEqual([{ url: "https://x.test/1.png" }]);
    expect(result.received).toBe(3);
  });

  it("stops reading an answer larger than the cap and drops the connection", async () => {
    let closed = false;
    const server = await serve((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"created": 1, "data": [{"b64_json": "');
      const chunk = "A".repeat(64 * 1024);
      const pump = () => {
        while (!closed && res.write(chunk));
        if (!closed) res.once("drain", pump);
      };
      res.on("close", () => (closed = true));
      pump();
    });
    try {
      const error = await rejection(generateImages(input, config({ baseUrl: server.url, maxResponseBytes: 1024 * 1024 })));
      expect(error).toMatchObject({ failureClass: "bad_response", charged: "yes", status: 200 });
      expect(error.message).toMatch(/larger than 1048576 bytes/);
      await expect.poll(() => closed).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("refuses a declared Content-Length over the cap without reading it", async () => {
    const fetchHuge: typeof fetch = async () =>
      new Response("{}", { status: 200, headers: { "content-length": String(10 * 1024 * 1024) } });
    const error = await rejection(generateImages(input, config({ fetch: fetchHuge, maxResponseBytes: 1024 })));
    expect(error.failureClass).toBe("bad_response");
  });
});

describe("timeouts and aborts", () => {
  it("times out on a hung endpoint, says it may have produced, and does not retry", async () => {
    standIn.queueFault("hang");
    const started = Date.now();
    const error = await rejection(generateImages(input, config({ timeoutMs: 300 })));
    expect(error).toMatchObject({ failureClass: "timeout", charged: "maybe" });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(standIn.ledger()).toHaveLength(1);
  });

  it("rejects with the caller's own reason when the caller aborts", async () => {
    standIn.queueFault("hang");
    const controller = new AbortController();
    const reason = new Error("shutting down");
    setTimeout(() => controller.abort(reason), 100);
    await expect(generateImages(input, config({ signal: controller.signal }))).rejects.toBe(reason);
  });

  it("stops waiting between retries when the caller aborts", async () => {
    standIn.queueFault("429", 3);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 200);
    const started = Date.now();
    await expect(generateImages(input, { ...config({ signal: controller.signal }), sleep: undefined })).rejects.toMatchObject({
      name: "AbortError",
    });
    expect(Date.now() - started).toBeLessThan(900);
  });
});

describe("against the field behaviour (one-api / new-api style relay)", () => {
  let field: StandIn;
  const fieldInput: GenerateImagesInput = { model: "gpt-image-2-all", prompt: "a teapot on a hill, landscape", size: "1536x1024", n: 4 };
  const fieldConfig = (overrides: Partial<ImageApiConfig> = {}) => config({ baseUrl: field.url, ...overrides });

  beforeAll(async () => {
    field = await startStandIn({ latencyMs: 0, fieldModels: ["gpt-image-2-all"] });
  });
  afterAll(async () => {
    await field.close();
  });
  afterEach(() => {
    field.clearFaults();
    field.clearLedger();
  });

  it("reads text/plain JSON with a data:-prefixed b64_json as the one image it is", async () => {
    const result = await generateImages(fieldInput, fieldConfig());
    expect(result.items).toHaveLength(1);
    const image = await decodeB64Image(result.items[0]!.b64Json!, { maxBytes: 40 * 1024 * 1024 });
    expect(image.mime).toBe("image/png");
    expect(await sharp(image.bytes).metadata()).toMatchObject({ width: 1672, height: 941 });
  });

  it.each<[FaultName, FailureClass, Charged, number]>([
    ["400", "bad_request", "no", 400],
    ["401", "bad_key", "no", 401],
    ["403-quota", "out_of_balance", "no", 403],
    ["quota-429", "out_of_balance", "no", 429],
    ["moderation", "safety", "maybe", 500],
    ["safety-500", "safety", "maybe", 500],
    ["503", "model_unavailable", "no", 503],
    ["no-channel", "model_unavailable", "no", 503],
    ["500", "server_error", "maybe", 500],
    ["error-200", "server_error", "maybe", 200],
    ["html-504", "gateway", "maybe", 524],
    ["cf-524", "gateway", "maybe", 524],
    ["html-502", "gateway", "maybe", 502],
    ["empty", "no_images", "maybe", 200],
    ["truncated", "bad_response", "yes", 200],
    ["bad-json", "bad_response", "yes", 200],
  ])("field %s → %s (charged %s), not retried", async (fault, failureClass, charged, status) => {
    field.queueFault(fault, 5);
    const error = await rejection(generateImages(fieldInput, fieldConfig()));
    expect(error).toMatchObject({ failureClass, charged, status, autoRetry: false });
    expect(field.ledger()).toHaveLength(1);
  });

  it("field 429 (upstream saturated) is retried with backoff, and succeeds when it clears", async () => {
    field.queueFault("429", 2);
    const result = await generateImages(fieldInput, fieldConfig());
    expect(result.items).toHaveLength(1);
    expect(sleeps).toHaveLength(2);
    expect(field.ledger().map((e) => e.status)).toEqual([429, 429, 200]);
  });

  it("field 400 names the parameter from the Chinese message's param", async () => {
    field.queueFault("400");
    expect(await rejection(generateImages(fieldInput, fieldConfig()))).toMatchObject({ failureClass: "bad_request", param: "prompt" });
  });

  it("says 'probably the reference' for the Unknown error after a large reference", async () => {
    const big = await sharp({ create: { width: 1400, height: 1400, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 60 } } })
      .png()
      .toBuffer();
    expect(big.length).toBeGreaterThan(1_500_000);
    const error = await rejection(generateImages({ ...fieldInput, images: [`data:image/png;base64,${big.toString("base64")}`] }, fieldConfig()));
    expect(error).toMatchObject({ failureClass: "reference_rejected", status: 500, autoRetry: false });
    expect(error.raw?.excerpt).toContain("Unknown error");
  });

  it("a dropped connection after the request was read is network, maybe charged, not retried", async () => {
    field.queueFault("reset", 3);
    expect(await rejection(generateImages(fieldInput, fieldConfig()))).toMatchObject({ failureClass: "network", charged: "maybe" });
    expect(field.ledger()).toHaveLength(1);
  });
});
