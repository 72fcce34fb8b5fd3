import sharp from "sharp";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { FAULT_NAMES, GENERATIONS_PATH, startStandIn, type LedgerEntry, type StandIn } from "./server";

let standIn: StandIn;

beforeAll(async () => {
  standIn = await startStandIn({ latencyMs: 0, models: ["other-model"] });
});

afterAll(async () => {
  await standIn.close();
});

afterEach(() => {
  standIn.clearFaults();
  standIn.clearLedger();
});

function generate(body: unknown, headers: Record<string, string> = {}, base = standIn.url): Promise<Response> {
  return fetch(`${base}${GENERATIONS_PATH}`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      accept: "application/json",
      authorization: `Bearer ${standIn.apiKey}`,
      ...headers,
    },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

const valid = { model: "gpt-image-2-all", prompt: "a lighthouse at dusk", size: "1024x1024", n: 1 };

async function solidPng(rgb: { r: number; g: number; b: number }, width = 64, height = 64): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: rgb } }).png().toBuffer();
}

async function dataUrl(bytes: Buffer, mime = "image/png"): Promise<string> {
  return `data:${mime};base64,${bytes.toString("base64")}`;
}

interface Success {
  created: number;
  data: Array<{ revised_prompt: string; url: string }>;
}

describe("successful generations", () => {
  it.each([
    ["1024x1024", 1024, 1024],
    ["1536x1024", 1536, 1024],
    ["1024x1536", 1024, 1536],
  ])("answers %s with n WebP images of exactly that size", async (size, width, height) => {
    const res = await generate({ ...valid, size, n: 2 });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Success;
    expect(body.created).toBeTypeOf("number");
    expect(body.data).toHaveLength(2);
    for (const item of body.data) {
      expect(item.revised_prompt).toMatch(/^A lighthouse at dusk, rendered as /);
      expect(item.url).toMatch(new RegExp(`^${standIn.url}/files/[A-Za-z0-9_-]+\\.webp$`));
      const file = await fetch(item.url);
      expect(file.status).toBe(200);
      expect(file.headers.get("content-type")).toBe("image/webp");
      const meta = await sharp(Buffer.from(await file.arrayBuffer())).metadata();
      expect(meta).toMatchObject({ format: "webp", width, height });
    }
    expect(body.data[0]?.url).not.toBe(body.data[1]?.url);
  });

  it("defaults size to 1024x1024 and n to 1 when omitted", async () => {
    const res = await generate({ model: "gpt-image-2-all", prompt: "defaults" });
    const body = (await res.json()) as Success;
    expect(body.data).toHaveLength(1);
    const meta = await sharp(Buffer.from(await (await fetch(body.data[0]!.url)).arrayBuffer())).metadata();
    expect([meta.width, meta.height]).toEqual([1024, 1024]);
  });

  it("accepts models passed in options besides the default", async () => {
    expect((await generate({ ...valid, model: "other-model" })).status).toBe(200);
  });

  it("gives each prompt its own colour and each index its own image", async () => {
    const pixel = async (url: string) => {
      const bytes = Buffer.from(await (await fetch(url)).arrayBuffer());
      const { data } = await sharp(bytes).extract({ left: 10, top: 1000, width: 1, height: 1 }).raw().toBuffer({ resolveWithObject: true });
      return [...data];
    };
    const a = (await (await generate({ ...valid, prompt: "prompt one", n: 2 })).json()) as Success;
    const b = (await (await generate({ ...valid, prompt: "prompt two" })).json()) as Success;
    expect(await pixel(a.data[0]!.url)).not.toEqual(await pixel(b.data[0]!.url));
    expect(await pixel(a.data[0]!.url)).not.toEqual(await pixel(a.data[1]!.url));
  });

  it("composites data: URL and http(s) references as tiles, in order", async () => {
    const red = await dataUrl(await solidPng({ r: 255, g: 0, b: 0 }));
    const blueJpeg = await dataUrl(
      await sharp({ create: { width: 80, height: 40, channels: 3, background: { r: 0, g: 0, b: 255 } } }).jpeg().toBuffer(),
      "image/jpeg",
    );
    // A previous result is a real http URL the stand-in can fetch itself.
    const first = (await (await generate(valid)).json()) as Success;
    const res = await generate({ ...valid, image: [red, blueJpeg, first.data[0]!.url] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Success;
    const bytes = Buffer.from(await (await fetch(body.data[0]!.url)).arrayBuffer());
    const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
    const rgbAt = (x: number, y: number): [number, number, number] => {
      const offset = (y * info.width + x) * info.channels;
      return [data[offset]!, data[offset + 1]!, data[offset + 2]!];
    };
    // At 1024x1024 with three references, render.ts lays out 288 px tiles at x = 40, 368, 696 and y = 136.
    const [r1, g1, b1] = rgbAt(40 + 144, 136 + 144);
    const [r2, g2, b2] = rgbAt(368 + 144, 136 + 144);
    expect(r1).toBeGreaterThan(200);
    expect(g1 + b1).toBeLessThan(60);
    expect(b2).toBeGreaterThan(200);
    expect(r2 + g2).toBeLessThan(60);
  });
});

describe("validation", () => {
  const errorOf = async (res: Response) => ((await res.json()) as { error: { message: string; type: string; code: string | null; param: string | null } }).error;

  it("refuses a wrong or missing key with 401 invalid_api_key", async () => {
    const wrong = await generate(valid, { authorization: "Bearer nope-nope" });
    expect(wrong.status).toBe(401);
    expect(await errorOf(wrong)).toMatchObject({ code: "invalid_api_key", type: "invalid_request_error" });
    const missing = await fetch(`${standIn.url}${GENERATIONS_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(valid),
    });
    expect(missing.status).toBe(401);
    expect((await errorOf(missing)).message).toMatch(/didn't provide an API key/);
  });

  it.each<[string, unknown, RegExp, string | null]>([
    ["non-JSON body", "{not json", /could not parse the JSON/, null],
    ["a JSON array", [valid], /must be a JSON object/, null],
    ["an unknown model", { ...valid, model: "dall-e-9" }, /dall-e-9/, "model_not_found"],
    ["a missing model", { prompt: "x" }, /model parameter/, "missing_required_parameter"],
    ["an empty prompt", { ...valid, prompt: "   " }, /prompt/, "invalid_value"],
    ["a non-string prompt", { ...valid, prompt: 42 }, /prompt/, "invalid_value"],
    ["an unsupported size", { ...valid, size: "512x512" }, /'512x512'.*'1024x1024'/, "invalid_value"],
    ["n = 0", { ...valid, n: 0 }, /between 1 and 4/, "invalid_value"],
    ["n above maxN", { ...valid, n: 5 }, /between 1 and 4/, "invalid_value"],
    ["a fractional n", { ...valid, n: 1.5 }, /integer/, "invalid_value"],
    ["an unknown field", { ...valid, quality: "hd" }, /quality/, "unknown_parameter"],
    ["image not an array", { ...valid, image: "data:image/png;base64,AAAA" }, /array of strings/, "invalid_type"],
    ["six images", { ...valid, image: Array(6).fill("https://example.com/a.png") }, /At most 5/, "invalid_value"],
    ["a non-URL image", { ...valid, image: ["hello"] }, /image\[0\].*not a valid URL/, "invalid_image"],
    ["an ftp image", { ...valid, image: ["ftp://example.com/a.png"] }, /image\[0\].*scheme/, "invalid_image"],
    ["a data URL that is not base64", { ...valid, image: ["data:image/png,abc"] }, /base64/, "invalid_image"],
    ["a data URL that is not an image", { ...valid, image: [`data:image/png;base64,${Buffer.from("hello world").toString("base64")}`] }, /not a decodable image/, "invalid_image"],
  ])("answers 400 for %s", async (_, body, message, code) => {
    const res = await generate(body);
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.message).toMatch(message);
    expect(error.code).toBe(code);
    expect(error.type).toBe("invalid_request_error");
  });

  it("answers 400 when an http image cannot be fetched, naming which one", async () => {
    const good = await dataUrl(await solidPng({ r: 1, g: 2, b: 3 }));
    const res = await generate({ ...valid, image: [good, `${standIn.url}/files/missing.webp`] });
    expect(res.status).toBe(400);
    const error = await errorOf(res);
    expect(error.param).toBe("image[1]");
    expect(error.message).toMatch(/image\[1\].*failed to download .*HTTP 404/);
  });

  it("refuses a non-JSON content type", async () => {
    const res = await generate(valid, { "content-type": "text/plain" });
    expect(res.status).toBe(400);
    expect((await errorOf(res)).message).toMatch(/Content-Type/);
  });

  it("answers other methods with 405", async () => {
    const res = await fetch(`${standIn.url}${GENERATIONS_PATH}`);
    expect(res.status).toBe(405);
  });
});

/** A one-api / new-api error body: the OpenAI shape, its own code and a (usually Chinese) message. */
const chinese = (code: string | null, message: RegExp) => (text: string) => {
  const { error } = JSON.parse(text) as { error: { code: string | null; type: string; message: string; param: string } };
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  expect(error.type).toMatch(/^(new_api_error|upstream_error)$/);
};

describe("faults", () => {
  type Check = { status: number; contentType: RegExp; body: (text: string) => void; headers?: Record<string, string> };
  const errorCode = (code: string | null, type?: string) => (text: string) => {
    const { error } = JSON.parse(text) as { error: { code: string | null; type: string; message: string } };
    expect(error.code).toBe(code);
    expect(error.message.length).toBeGreaterThan(0);
    if (type) expect(error.type).toBe(type);
  };
  const checks: Record<Exclude<(typeof FAULT_NAMES)[number], "hang" | "reset">, Check> = {
    "400": { status: 400, contentType: /json/, body: errorCode("invalid_value", "invalid_request_error") },
    "401": { status: 401, contentType: /json/, body: errorCode("invalid_api_key") },
    "403-quota": { status: 403, contentType: /json/, body: errorCode("insufficient_quota", "insufficient_quota") },
    moderation: { status: 400, contentType: /json/, body: errorCode("moderation_blocked") },
    "429": { status: 429, contentType: /json/, body: errorCode("rate_limit_exceeded"), headers: { "retry-after": "1" } },
    "500": { status: 500, contentType: /json/, body: errorCode(null, "server_error") },
    "503": { status: 503, contentType: /json/, body: errorCode("service_unavailable", "server_error") },
    "html-502": { status: 502, contentType: /text\/html/, body: (t) => expect(t).toMatch(/<title>502 Bad Gateway<\/title>/) },
    "html-504": { status: 504, contentType: /text\/html/, body: (t) => expect(t).toMatch(/<title>504 Gateway Time-out<\/title>/) },
    truncated: {
      status: 200,
      contentType: /json/,
      body: (t) => {
        expect(t.startsWith('{"created":')).toBe(true);
        expect(() => JSON.parse(t)).toThrow();
      },
    },
    empty: { status: 200, contentType: /json/, body: (t) => expect(JSON.parse(t)).toMatchObject({ data: [] }) },
    expired: { status: 200, contentType: /json/, body: (t) => expect((JSON.parse(t) as Success).data).toHaveLength(1) },
    "not-image": { status: 200, contentType: /json/, body: (t) => expect((JSON.parse(t) as Success).data).toHaveLength(1) },
    "bad-json": { status: 200, contentType: /application\/json/, body: (t) => expect(() => JSON.parse(t)).toThrow() },
    // The field's own failures, on any model.
    "quota-429": { status: 429, contentType: /json/, body: chinese("insufficient_user_quota", /用户额度不足/) },
    saturated: { status: 429, contentType: /json/, body: chinese(null, /当前分组上游负载已饱和，请稍后再试 \(request id: \w+\)/) },
    "no-channel": { status: 503, contentType: /json/, body: chinese("model_not_found", /当前分组 default 下对于模型 gpt-image-2-all 无可用渠道/) },
    "safety-500": { status: 500, contentType: /json/, body: chinese("moderation_blocked", /safety system/) },
    "unknown-error": { status: 500, contentType: /json/, body: chinese(null, /^Unknown error$/) },
    "cf-524": { status: 524, contentType: /text\/html/, body: (t) => expect(t).toMatch(/<title>[^<]*524: A timeout occurred<\/title>/) },
    "error-200": { status: 200, contentType: /json/, body: chinese("do_request_failed", /upstream error/) },
  };

  for (const [fault, check] of Object.entries(checks)) {
    it(`${fault}: by header, by prompt marker and queued`, async () => {
      const viaHeader = await generate(valid, { "x-stand-in-fault": fault });
      const viaMarker = await generate({ ...valid, prompt: `a lighthouse [fault:${fault}] at dusk` });
      standIn.queueFault(fault as keyof typeof checks);
      const viaQueue = await generate(valid);
      for (const res of [viaHeader, viaMarker, viaQueue]) {
        expect(res.status).toBe(check.status);
        expect(res.headers.get("content-type")).toMatch(check.contentType);
        for (const [name, value] of Object.entries(check.headers ?? {})) expect(res.headers.get(name)).toBe(value);
        check.body(await res.text());
      }
      expect(standIn.ledger().map((e) => e.fault)).toEqual([fault, fault, fault]);
    });
  }

  it("expired: result URLs answer 410 at once", async () => {
    const body = (await (await generate(valid, { "x-stand-in-fault": "expired" })).json()) as Success;
    const file = await fetch(body.data[0]!.url);
    expect(file.status).toBe(410);
    expect(await file.text()).toMatch(/expired/);
  });

  it("not-image: result URLs serve text/plain bytes", async () => {
    const body = (await (await generate(valid, { "x-stand-in-fault": "not-image" })).json()) as Success;
    const file = await fetch(body.data[0]!.url);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(await file.text()).toMatch(/not an image/);
  });

  it("hang: holds the request until the client aborts", async () => {
    const started = Date.now();
    const attempt = fetch(`${standIn.url}${GENERATIONS_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${standIn.apiKey}`, "x-stand-in-fault": "hang" },
      body: JSON.stringify(valid),
      signal: AbortSignal.timeout(300),
    });
    await expect(attempt).rejects.toMatchObject({ name: "TimeoutError" });
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(standIn.ledger()[0]).toMatchObject({ fault: "hang", status: null, answeredAt: null });
  });

  it("reset: drops the connection after reading the request", async () => {
    await expect(generate(valid, { "x-stand-in-fault": "reset" })).rejects.toThrow();
    expect(standIn.ledger()[0]).toMatchObject({ fault: "reset", status: null });
  });

  it("hang: close() ends the held request instead of waiting for it", async () => {
    const other = await startStandIn();
    const attempt = generate(valid, { "x-stand-in-fault": "hang" }, other.url);
    await new Promise((r) => setTimeout(r, 100));
    await other.close();
    await expect(attempt).rejects.toThrow();
  });

  it("queued faults apply to the next N calls in order, then calls succeed", async () => {
    const arm = (body: unknown) =>
      fetch(`${standIn.url}/__faults`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await arm({ fault: "429", times: 2 })).status).toBe(200);
    const armed = await arm({ fault: "500" });
    expect(await armed.json()).toEqual({ queued: [{ fault: "429", remaining: 2 }, { fault: "500", remaining: 1 }] });

    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await generate(valid)).status);
    expect(statuses).toEqual([429, 429, 500, 200]);
  });

  it("a per-request fault does not consume the queue; invalid requests do not either", async () => {
    standIn.queueFault("503");
    expect((await generate(valid, { "x-stand-in-fault": "500" })).status).toBe(500);
    expect((await generate({ ...valid, size: "1x1" })).status).toBe(400);
    expect((await generate(valid)).status).toBe(503);
  });

  it("DELETE /__faults clears the queue", async () => {
    standIn.queueFault("500", 5);
    expect((await fetch(`${standIn.url}/__faults`, { method: "DELETE" })).status).toBe(204);
    expect(await (await fetch(`${standIn.url}/__faults`)).json()).toEqual({ queued: [] });
    expect((await generate(valid)).status).toBe(200);
  });

  it("rejects unknown fault names everywhere", async () => {
    const armed = await fetch(`${standIn.url}/__faults`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fault: "meltdown" }),
    });
    expect(armed.status).toBe(400);
    expect((await generate(valid, { "x-stand-in-fault": "meltdown" })).status).toBe(400);
    const viaMarker = await generate({ ...valid, prompt: "x [fault:meltdown]" });
    expect(viaMarker.status).toBe(400);
    expect(await viaMarker.text()).toMatch(/Unknown stand-in fault 'meltdown'/);
  });
});

describe("expiry and latency", () => {
  it("result URLs answer 410 after ttlMs, unknown ids 404", async () => {
    const short = await startStandIn({ ttlMs: 200 });
    try {
      const body = (await (await generate(valid, {}, short.url)).json()) as Success;
      expect((await fetch(body.data[0]!.url)).status).toBe(200);
      await new Promise((r) => setTimeout(r, 250));
      expect((await fetch(body.data[0]!.url)).status).toBe(410);
      expect((await fetch(`${short.url}/files/never-issued.webp`)).status).toBe(404);
    } finally {
      await short.close();
    }
  });

  it("waits latencyMs before answering a valid call, but not before refusing an invalid one", async () => {
    const slow = await startStandIn({ latencyMs: 400 });
    try {
      let started = Date.now();
      expect((await generate(valid, {}, slow.url)).status).toBe(200);
      expect(Date.now() - started).toBeGreaterThanOrEqual(390);
      started = Date.now();
      expect((await generate({ ...valid, n: 99 }, {}, slow.url)).status).toBe(400);
      expect(Date.now() - started).toBeLessThan(390);
    } finally {
      await slow.close();
    }
  });
});

describe("ledger", () => {
  it("records every generation call with headers, body and status, over HTTP and programmatically", async () => {
    await generate(valid, { "x-trace": "one" });
    await generate("{broken", { authorization: "Bearer wrong" });
    const res = await fetch(`${standIn.url}/__ledger`);
    const { entries } = (await res.json()) as { entries: LedgerEntry[] };
    expect(entries).toHaveLength(2);
    const [ok, bad] = entries;
    expect(ok).toMatchObject({
      method: "POST",
      path: GENERATIONS_PATH,
      body: valid,
      status: 200,
      fault: null,
      headers: { authorization: `Bearer ${standIn.apiKey}`, "content-type": "application/json", accept: "application/json", "x-trace": "one" },
    });
    expect(Date.parse(ok!.answeredAt!)).toBeGreaterThanOrEqual(Date.parse(ok!.receivedAt));
    expect(bad).toMatchObject({ rawBody: "{broken", status: 401, headers: { authorization: "Bearer wrong" } });
    expect(bad!.body).toBeUndefined();
    expect(standIn.ledger()).toEqual(entries);

    expect((await fetch(`${standIn.url}/__ledger`, { method: "DELETE" })).status).toBe(204);
    expect(standIn.ledger()).toEqual([]);
  });

  it("does not record control or file requests", async () => {
    await fetch(`${standIn.url}/__health`);
    await fetch(`${standIn.url}/__faults`);
    expect(standIn.ledger()).toEqual([]);
  });

  it("GET /__health answers 200", async () => {
    const res = await fetch(`${standIn.url}/__health`);
    expect(res.status).toBe(200);
  });
});

describe("field behaviour", () => {
  let field: StandIn;
  const fieldModel = { ...valid, model: "gpt-image-2-all" };
  const post = (body: unknown, headers: Record<string, string> = {}) => generate(body, headers, field.url);
  interface FieldSuccess {
    created: number;
    data: Array<{ b64_json: string; revised_prompt?: string; url?: string }>;
  }

  beforeAll(async () => {
    field = await startStandIn({ latencyMs: 0, fieldModels: ["gpt-image-2-all"], models: ["ideal-model"], fieldMaxReferenceBytes: 200_000 });
  });
  afterAll(async () => {
    await field.close();
  });
  afterEach(() => {
    field.clearFaults();
    field.clearLedger();
  });

  it("ignores n and size: one PNG per call, as prefixed b64 in JSON sent as text/plain", async () => {
    const res = await post({ ...fieldModel, prompt: "a lighthouse, landscape", size: "1024x1536", n: 4 });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    const body = JSON.parse(await res.text()) as FieldSuccess;
    expect(body.data).toHaveLength(1);
    const [item] = body.data;
    expect(item!.url).toBeUndefined();
    expect(item!.revised_prompt).toBeUndefined();
    expect(item!.b64_json).toMatch(/^data:image\/png;base64,/);
    const bytes = Buffer.from(item!.b64_json.slice("data:image/png;base64,".length), "base64");
    expect(await sharp(bytes).metadata()).toMatchObject({ format: "png", width: 1672, height: 941 });
    expect(field.ledger()[0]).toMatchObject({ behaviour: "field", status: 200 });
  });

  it.each([
    ["a harbour, landscape", 1672, 941],
    ["港口 横版", 1672, 941],
    ["a harbour, portrait", 941, 1672],
    ["港口，竖版", 941, 1672],
    ["a harbour, 16:9", 1672, 941],
    ["a harbour, landscape, 3:2 aspect ratio", 1536, 1024],
    ["a harbour, portrait, 2:3 aspect ratio", 1024, 1536],
    ["港口 横版 3:2", 1536, 1024],
    ["a square harbour", 1254, 1254],
    ["a harbour", 1024, 1024],
  ])("shapes %j as %i×%i", async (prompt, width, height) => {
    const body = JSON.parse(await (await post({ ...fieldModel, prompt, size: "1024x1024" })).text()) as FieldSuccess;
    const bytes = Buffer.from(body.data[0]!.b64_json.split(",")[1]!, "base64");
    expect(await sharp(bytes).metadata()).toMatchObject({ width, height });
  });

  it("answers other models the ideal way on the same stand-in", async () => {
    const body = (await (await post({ ...valid, model: "ideal-model", size: "1536x1024", n: 2 })).json()) as Success;
    expect(body.data).toHaveLength(2);
    expect(field.ledger()[0]).toMatchObject({ behaviour: "ideal" });
  });

  it("refuses a reference over its limit with an unhelpful Unknown error, and takes a smaller one", async () => {
    const noisy = await sharp({ create: { width: 600, height: 600, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 60 } } })
      .png()
      .toBuffer();
    expect(noisy.length).toBeGreaterThan(200_000);
    const refused = await post({ ...fieldModel, image: [await dataUrl(await solidPng({ r: 1, g: 2, b: 3 })), await dataUrl(noisy)] });
    expect(refused.status).toBe(500);
    expect(JSON.parse(await refused.text())).toEqual({ error: { message: "Unknown error", type: "upstream_error", param: "", code: null } });
    expect((await post({ ...fieldModel, image: [await dataUrl(await solidPng({ r: 1, g: 2, b: 3 }))] })).status).toBe(200);
  });

  const fieldChecks: [string, number, RegExp, (string | null)?][] = [
    ["400", 400, /参数 prompt 不合法/, "invalid_request"],
    ["401", 401, /无效的令牌/, ""],
    ["403-quota", 403, /预扣费额度失败, 用户剩余额度: ＄[\d.]+, 需要预扣费额度: ＄[\d.]+ \(request id: \w+\)/, "insufficient_user_quota"],
    ["moderation", 500, /safety system/, "moderation_blocked"],
    ["429", 429, /当前分组上游负载已饱和/, null],
    ["500", 500, /上游服务器内部错误/, "bad_response_status_code"],
    ["503", 503, /无可用渠道/, "model_not_found"],
  ];
  it.each(fieldChecks)("answers fault %s the field way: HTTP %i with a new-api body", async (fault, status, message, code) => {
    const res = await post(fieldModel, { "x-stand-in-fault": fault });
    expect(res.status).toBe(status);
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("retry-after")).toBeNull();
    chinese(code ?? null, message)(await res.text());
  });

  it("answers html-504 with Cloudflare's 524 page, and error-200 as a 200 in text/plain", async () => {
    const page = await post(fieldModel, { "x-stand-in-fault": "html-504" });
    expect(page.status).toBe(524);
    expect(await page.text()).toMatch(/Error code 524/);
    const ok = await post(fieldModel, { "x-stand-in-fault": "error-200" });
    expect(ok.status).toBe(200);
    expect(ok.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(JSON.parse(await ok.text())).toMatchObject({ error: { code: "do_request_failed" } });
  });

  it("switches models between behaviours while running, over HTTP and programmatically", async () => {
    const put = (body: unknown) =>
      fetch(`${field.url}/__field-models`, { method: "PUT", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    try {
      expect(await (await put({ fieldModels: ["ideal-model", "brand-new-model"] })).json()).toEqual({ fieldModels: ["ideal-model", "brand-new-model"] });
      expect((await post({ ...valid, model: "brand-new-model" })).headers.get("content-type")).toMatch(/^text\/plain/);
      expect((await post({ ...valid, model: "gpt-image-2-all", n: 2 })).headers.get("content-type")).toBe("application/json");
      expect(field.ledger().map((e) => e.behaviour)).toEqual(["field", "ideal"]);
      expect((await put({ fieldModels: "gpt-image-2-all" })).status).toBe(400);
      expect(await (await fetch(`${field.url}/__field-models`)).json()).toEqual({ fieldModels: ["ideal-model", "brand-new-model"] });
    } finally {
      field.setFieldModels(["gpt-image-2-all"]);
    }
    expect(field.fieldModels()).toEqual(["gpt-image-2-all"]);
  });

  it("waits fieldLatencyMs for field models and latencyMs for the others; [latency:ms] overrides both", async () => {
    const slow = await startStandIn({ latencyMs: 0, fieldLatencyMs: 400, fieldModels: ["gpt-image-2-all"], models: ["ideal-model"] });
    const took = (entry: LedgerEntry | undefined) => Date.parse(entry!.answeredAt!) - Date.parse(entry!.receivedAt);
    try {
      await generate(fieldModel, {}, slow.url);
      await generate({ ...fieldModel, prompt: "quick [latency:0] lighthouse" }, {}, slow.url);
      await generate({ ...valid, model: "ideal-model", prompt: "slow [latency:300] lighthouse" }, {}, slow.url);
      const [fieldCall, overridden, idealCall] = slow.ledger();
      expect(took(fieldCall)).toBeGreaterThanOrEqual(390);
      expect(took(overridden)).toBeLessThan(390);
      expect(took(idealCall)).toBeGreaterThanOrEqual(290);
    } finally {
      await slow.close();
    }
  });
});
