/**
 * The stand-in image relay, for dev and tests only (never configured in production: the app talks
 * to whatever IMAGE_API_BASE_URL names). It answers POST /v1/images/generations in one of two
 * behaviours, chosen per call by the request's model against the stand-in's own start-up option,
 * so nothing the app sends can switch it:
 *
 * - ideal (every model not in `fieldModels`): the OpenAI contract. Honours `n` and `size`, answers
 *   result URLs as application/json after `latencyMs`, fails with English OpenAI error codes.
 * - field (models in `fieldModels`; startStandIn's default is none, the CLI's and `npm run dev`'s
 *   is ["gpt-image-2-all"]): like the relays users run for gpt-image-2-all. Ignores `n` (one image
 *   per call) and `size` (the shape follows the prompt: "landscape"/"横版"/"16:9" → 1672×941,
 *   "portrait"/"竖版"/"9:16" → 941×1672, "3:2" → 1536×1024, "square"/"1:1" → 1254×1254, else
 *   1024×1024; see field.ts), answers a PNG as `b64_json` with a `data:image/png;base64,` prefix in
 *   JSON sent as text/plain, after `fieldLatencyMs` (default latencyMs; minutes are fine), refuses a
 *   reference over `fieldMaxReferenceBytes` (1.5 MB) with HTTP 500 "Unknown error", and answers the
 *   faults below the way one-api / new-api relays do: Chinese messages in the OpenAI error shape,
 *   safety as 500, rate limits as "当前分组上游负载已饱和", a 524 Cloudflare page for html-504.
 *
 * Faults, for either behaviour: queued server-side (POST /__faults {"fault", "times"}, or
 * queueFault()) for the next calls, or per call with `[fault:<name>]` in the prompt or the
 * x-stand-in-fault header (see FAULT_NAMES). `[latency:<ms>]` in a prompt sets that call's delay.
 * The field's own failures are faults too, on any model: quota-429 (out of balance as 429),
 * saturated, no-channel, safety-500, unknown-error, cf-524, error-200 (HTTP 200 with an error
 * object), reset (the connection drops after the request was read). GET /__ledger lists every call
 * with the behaviour that answered it. Tests may change the field models while the stand-in runs:
 * PUT /__field-models {"fieldModels": [...]} (or setFieldModels()), so one e2e server serves both.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { cloudflarePage, fieldFailure, fieldShape, type FieldFailureName } from "./field";
import {
  FAULT_HEADER,
  FAULT_NAMES,
  FaultQueue,
  faultMarker,
  isFaultName,
  latencyMarker,
  stripFaultMarkers,
  type FaultName,
  type QueuedFault,
} from "./faults";
import { ReferenceImageError, loadReference } from "./references";
import { renderResult } from "./render";
import { invalid, isFailure, validateBody, type ApiFailure, type GenerationRequest } from "./validate";

export { FAULT_NAMES, type FaultName, type QueuedFault } from "./faults";

export interface StandInOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  apiKey?: string;
  /** Delay before a generation call that passed validation is answered. */
  latencyMs?: number;
  /** How long result URLs stay fetchable. */
  ttlMs?: number;
  maxN?: number;
  /** Models accepted besides gpt-image-2-all (and the field models). */
  models?: string[];
  /** Models answered the field way (see the top of this file). Default none. */
  fieldModels?: string[];
  /** Delay before a field model's call is answered. Default latencyMs. */
  fieldLatencyMs?: number;
  /** Field models refuse a reference larger than this (decoded bytes) with "Unknown error". Default 1.5 MB. */
  fieldMaxReferenceBytes?: number;
}

export type Behaviour = "ideal" | "field";

export interface LedgerEntry {
  id: number;
  method: string;
  path: string;
  /** As received, Authorization included: tests assert on exactly what the client sent. */
  headers: Record<string, string>;
  /** The parsed JSON body, when it parsed. */
  body?: unknown;
  /** The body as text, when it was not JSON. */
  rawBody?: string;
  fault: FaultName | null;
  /** Which behaviour answered; null when the call was refused before its model was known. */
  behaviour: Behaviour | null;
  /** null while unanswered, and for ever when the client left first (`hang`, or a timeout during latency). */
  status: number | null;
  receivedAt: string;
  answeredAt: string | null;
}

export interface StandIn {
  /** Base URL to use as IMAGE_API_BASE_URL, e.g. http://127.0.0.1:4010 (no trailing slash). */
  url: string;
  apiKey: string;
  ledger(): LedgerEntry[];
  clearLedger(): void;
  queueFault(fault: FaultName, times?: number): void;
  queuedFaults(): QueuedFault[];
  clearFaults(): void;
  fieldModels(): string[];
  setFieldModels(models: string[]): void;
  close(): Promise<void>;
}

const DEFAULT_MODEL = "gpt-image-2-all";
export const GENERATIONS_PATH = "/v1/images/generations";

const MAX_BODY_BYTES = 64 * 1024 * 1024;
const MAX_LEDGER_ENTRIES = 1000;
const REFERENCE_LIMITS = { fetchTimeoutMs: 10_000, maxBytes: 20 * 1024 * 1024 };

interface StoredFile {
  /** null once expired: the id is kept so that a late fetch gets 410 rather than 404. */
  bytes: Buffer | null;
  contentType: string;
  expiresAt: number;
}

class PayloadTooLarge extends Error {}

export async function startStandIn(options: StandInOptions = {}): Promise<StandIn> {
  const apiKey = options.apiKey ?? "stand-in-key";
  const latencyMs = options.latencyMs ?? 0;
  const ttlMs = options.ttlMs ?? 10 * 60_000;
  const maxN = options.maxN ?? 4;
  let fieldModels = new Set(options.fieldModels ?? []);
  const fieldLatencyMs = options.fieldLatencyMs ?? latencyMs;
  const fieldMaxReferenceBytes = options.fieldMaxReferenceBytes ?? 1_500_000;
  const models = [DEFAULT_MODEL, ...(options.models ?? [])];

  let ledger: LedgerEntry[] = [];
  let nextLedgerId = 1;
  const faults = new FaultQueue();
  const files = new Map<string, StoredFile>();
  /** Everything still waiting to answer; close() settles them so the process can exit. */
  const waiting = new Set<() => void>();

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      console.error("[stand-in] unexpected error", error);
      if (!res.headersSent) sendJson(res, 500, errorBody(serverError("The stand-in failed unexpectedly.")));
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://stand-in").pathname;
    const method = req.method ?? "GET";

    if (path === GENERATIONS_PATH) return generation(req, res, path);
    if (path.startsWith("/files/") && (method === "GET" || method === "HEAD")) return serveFile(path, res);
    if (path === "/__health" && method === "GET") return sendJson(res, 200, { ok: true });
    if (path === "/__ledger" && method === "GET") return sendJson(res, 200, { entries: ledger });
    if (path === "/__ledger" && method === "DELETE") {
      ledger = [];
      return sendEmpty(res);
    }
    if (path === "/__faults" && method === "GET") return sendJson(res, 200, { queued: faults.list() });
    if (path === "/__faults" && method === "POST") return armFault(req, res);
    if (path === "/__field-models" && method === "GET") return sendJson(res, 200, { fieldModels: [...fieldModels] });
    if (path === "/__field-models" && method === "PUT") return setFieldModelsFrom(req, res);
    if (path === "/__faults" && method === "DELETE") {
      faults.clear();
      return sendEmpty(res);
    }
    sendJson(res, 404, errorBody({ ...invalid(`Unknown route: ${method} ${path}`, null), status: 404 }));
  }

  async function setFieldModelsFrom(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: { fieldModels?: unknown } = {};
    try {
      body = JSON.parse((await readBody(req)).toString("utf8")) as typeof body;
    } catch {
      // Answered below as a 400 like any other wrong body.
    }
    const list = body.fieldModels;
    if (!Array.isArray(list) || list.some((m) => typeof m !== "string" || m === "")) {
      return sendJson(res, 400, errorBody(invalid('Expected a JSON body like {"fieldModels": ["gpt-image-2-all"]}.', "fieldModels")));
    }
    fieldModels = new Set(list as string[]);
    sendJson(res, 200, { fieldModels: [...fieldModels] });
  }

  async function armFault(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let body: { fault?: unknown; times?: unknown };
    try {
      body = JSON.parse((await readBody(req)).toString("utf8")) as typeof body;
    } catch {
      return sendJson(res, 400, errorBody(invalid('Expected a JSON body like {"fault": "500", "times": 1}.', null)));
    }
    const times = body.times ?? 1;
    if (!isFaultName(body.fault)) {
      return sendJson(res, 400, errorBody(invalid(`Unknown fault; use one of ${FAULT_NAMES.join(", ")}.`, "fault")));
    }
    if (typeof times !== "number" || !Number.isInteger(times) || times < 1) {
      return sendJson(res, 400, errorBody(invalid("times must be a positive integer.", "times")));
    }
    faults.push(body.fault, times);
    sendJson(res, 200, { queued: faults.list() });
  }

  async function generation(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const entry: LedgerEntry = {
      id: nextLedgerId++,
      method: req.method ?? "GET",
      path,
      headers: flattenHeaders(req),
      fault: null,
      behaviour: null,
      status: null,
      receivedAt: new Date().toISOString(),
      answeredAt: null,
    };
    ledger.push(entry);
    if (ledger.length > MAX_LEDGER_ENTRIES) ledger.shift();

    const answer = (status: number, contentType: string, body: string, headers: Record<string, string> = {}) => {
      entry.status = status;
      entry.answeredAt = new Date().toISOString();
      send(res, status, { "content-type": contentType, ...headers }, body);
    };
    const fail = (failure: ApiFailure, headers?: Record<string, string>) =>
      answer(failure.status, "application/json", JSON.stringify(errorBody(failure)), headers);

    if (req.method !== "POST") {
      return fail({ ...invalid(`Method ${req.method} not allowed; use POST.`, null), status: 405 }, { allow: "POST" });
    }

    let raw: Buffer;
    try {
      raw = await readBody(req);
    } catch (error) {
      if (error instanceof PayloadTooLarge) {
        return fail({ ...invalid(`Request body exceeds ${MAX_BODY_BYTES} bytes.`, null), status: 413 });
      }
      throw error;
    }
    const text = raw.toString("utf8");
    let parsed: unknown;
    let parsedOk = false;
    try {
      parsed = JSON.parse(text);
      parsedOk = true;
      entry.body = parsed;
    } catch {
      entry.rawBody = text;
    }

    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return fail(badKey(req.headers.authorization));
    }
    if (!(req.headers["content-type"] ?? "").toLowerCase().startsWith("application/json")) {
      return fail(invalid(`Invalid Content-Type '${req.headers["content-type"] ?? ""}'; expected application/json.`, null));
    }
    if (!parsedOk) {
      return fail(invalid("We could not parse the JSON body of your request. Please send valid JSON.", null));
    }
    const request = validateBody(parsed, { models: [...models, ...fieldModels], maxN });
    if (isFailure(request)) return fail(request);
    const field = fieldModels.has(request.model);
    entry.behaviour = field ? "field" : "ideal";

    const perRequest = req.headers[FAULT_HEADER] ?? faultMarker(request.prompt);
    if (perRequest !== null && !isFaultName(perRequest)) {
      return fail(invalid(`Unknown stand-in fault '${String(perRequest)}'; use one of ${FAULT_NAMES.join(", ")}.`, null));
    }

    const references: Buffer[] = [];
    for (const [i, ref] of request.images.entries()) {
      try {
        references.push(await loadReference(ref, REFERENCE_LIMITS));
      } catch (error) {
        if (!(error instanceof ReferenceImageError)) throw error;
        return fail(invalid(`Invalid image at image[${i}]: ${error.message}`, `image[${i}]`, "invalid_image"));
      }
    }

    // Per-request faults leave the queue alone, so a queued fault always lands on a call the test did not mark.
    const fault = perRequest ?? faults.take();
    entry.fault = fault;

    if (fault === "hang") return hang(res);
    if (!(await wait(latencyMarker(request.prompt) ?? (field ? fieldLatencyMs : latencyMs), res))) return;

    const baseUrl = `http://${req.headers.host ?? hostForUrl()}`;
    const created = Math.floor(Date.now() / 1000);
    // The field sends its JSON as text/plain.
    const jsonType = field ? "text/plain; charset=utf-8" : "application/json";
    const failField = (name: FieldFailureName) => {
      const failure = fieldFailure(name, request.model);
      return answer(failure.status, failure.status === 200 ? jsonType : "application/json", JSON.stringify(errorBody(failure)));
    };
    const shaped = field ? { ...request, ...fieldShape(stripFaultMarkers(request.prompt)), n: 1 } : request;

    if (field && fault === null && references.some((r) => r.length > fieldMaxReferenceBytes)) return failField("unknown-error");
    if (field && fault !== null && fault in FIELD_FAULTS) return failField(FIELD_FAULTS[fault as keyof typeof FIELD_FAULTS]);
    switch (fault) {
      case null:
        return answer(200, jsonType, JSON.stringify(await succeed(shaped, references, baseUrl, created, field)));
      case "truncated": {
        const full = JSON.stringify(await succeed(shaped, references, baseUrl, created, field));
        return answer(200, jsonType, full.slice(0, Math.floor(full.length / 2)));
      }
      case "empty":
        return answer(200, jsonType, JSON.stringify({ created, data: [] }));
      case "expired":
        return answer(200, jsonType, JSON.stringify({
          created,
          data: resultItems(shaped, baseUrl, () => ({ bytes: null, contentType: "image/webp", expiresAt: Date.now() })),
        }));
      case "not-image":
        return answer(200, jsonType, JSON.stringify({
          created,
          data: resultItems(shaped, baseUrl, () => ({
            bytes: Buffer.from("This is not an image, it is plain text from the stand-in.\n"),
            contentType: "text/plain; charset=utf-8",
            expiresAt: Date.now() + ttlMs,
          })),
        }));
      case "bad-json":
        return answer(200, jsonType, "upstream error: generation finished but the response could not be encoded");
      case "html-502":
        return answer(502, "text/html", gatewayPage(502, "Bad Gateway"));
      case "html-504":
        // Field relays sit behind Cloudflare, whose page comes first when the origin is slow.
        if (!field) return answer(504, "text/html", gatewayPage(504, "Gateway Time-out"));
        return answer(524, "text/html; charset=UTF-8", cloudflarePage(524));
      case "cf-524":
        return answer(524, "text/html; charset=UTF-8", cloudflarePage(524));
      case "reset":
        return void res.destroy();
      case "429":
        return fail(FAULT_FAILURES[fault], { "retry-after": "1" });
      case "400":
      case "401":
      case "403-quota":
      case "moderation":
      case "500":
      case "503":
        return fail(FAULT_FAILURES[fault]);
      case "quota-429":
      case "saturated":
      case "no-channel":
      case "safety-500":
      case "unknown-error":
      case "error-200":
        return failField(fault);
    }
  }

  function resultItems(request: GenerationRequest, baseUrl: string, file: (index: number) => StoredFile) {
    return Array.from({ length: request.n }, (_, index) => {
      const id = randomBytes(16).toString("base64url");
      files.set(id, file(index));
      return { revised_prompt: revisePrompt(request.prompt), url: `${baseUrl}/files/${id}.webp` };
    });
  }

  async function succeed(request: GenerationRequest, references: Buffer[], baseUrl: string, created: number, field: boolean) {
    sweepExpired();
    const prompt = stripFaultMarkers(request.prompt).replace(/\s+/g, " ").trim();
    const rendered = await Promise.all(
      Array.from({ length: request.n }, (_, index) =>
        renderResult({
          prompt,
          model: request.model,
          width: request.width,
          height: request.height,
          index,
          total: request.n,
          references,
          format: field ? "png" : "webp",
        }),
      ),
    );
    if (field) {
      // No revised prompt, and the base64 carries a data: URL prefix, as the field's relays send it.
      return { created, data: rendered.map((bytes) => ({ b64_json: `data:image/png;base64,${bytes.toString("base64")}` })) };
    }
    const expiresAt = Date.now() + ttlMs;
    return {
      created,
      data: resultItems(request, baseUrl, (index) => ({ bytes: rendered[index] ?? null, contentType: "image/webp", expiresAt })),
    };
  }

  function serveFile(path: string, res: ServerResponse): void {
    const id = /^\/files\/([A-Za-z0-9_-]+)\.webp$/.exec(path)?.[1];
    const file = id === undefined ? undefined : files.get(id);
    if (!file) return send(res, 404, { "content-type": "text/plain; charset=utf-8" }, "Not found.\n");
    if (file.bytes === null || file.expiresAt <= Date.now()) {
      file.bytes = null;
      return send(res, 410, { "content-type": "text/plain; charset=utf-8" }, "This link has expired.\n");
    }
    send(res, 200, { "content-type": file.contentType, "cache-control": "private, max-age=60" }, file.bytes);
  }

  function sweepExpired(): void {
    const now = Date.now();
    for (const file of files.values()) if (file.expiresAt <= now) file.bytes = null;
  }

  /** Resolves true after ms, or false as soon as the client leaves or the server closes. */
  function wait(ms: number, res: ServerResponse): Promise<boolean> {
    if (ms <= 0) return Promise.resolve(!res.destroyed);
    return new Promise((resolve) => {
      const settle = (elapsed: boolean) => {
        clearTimeout(timer);
        res.off("close", onClose);
        waiting.delete(onClose);
        resolve(elapsed && !res.destroyed);
      };
      const onClose = () => settle(false);
      const timer = setTimeout(() => settle(true), ms);
      res.once("close", onClose);
      waiting.add(onClose);
    });
  }

  function hang(res: ServerResponse): void {
    const drop = () => {
      waiting.delete(drop);
      res.destroy();
    };
    waiting.add(drop);
    res.once("close", () => waiting.delete(drop));
  }

  function hostForUrl(): string {
    const address = server.address() as AddressInfo;
    const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
    return `${host}:${address.port}`;
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });

  return {
    url: `http://${hostForUrl()}`,
    apiKey,
    ledger: () => structuredClone(ledger),
    clearLedger: () => {
      ledger = [];
    },
    queueFault: (fault, times = 1) => faults.push(fault, times),
    queuedFaults: () => faults.list(),
    clearFaults: () => faults.clear(),
    fieldModels: () => [...fieldModels],
    setFieldModels: (list) => {
      fieldModels = new Set(list);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const settle of Array.from(waiting)) settle();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** How a field model answers the ideal faults that have a field form. */
const FIELD_FAULTS = {
  "400": "bad-request",
  "401": "bad-key",
  "403-quota": "quota",
  moderation: "safety-500",
  "429": "saturated",
  "500": "server-error",
  "503": "no-channel",
} as const satisfies Partial<Record<FaultName, FieldFailureName>>;

const FAULT_FAILURES = {
  "400": invalid("Invalid 'prompt': the request could not be processed (stand-in fault 400).", "prompt", "invalid_value"),
  "401": badKey("Bearer stand-in-fault"),
  "403-quota": {
    status: 403,
    message: "You exceeded your current quota, please check your plan and billing details.",
    type: "insufficient_quota",
    code: "insufficient_quota",
    param: null,
  },
  moderation: {
    status: 400,
    message: "Your request was rejected as a result of our safety system. Your request may contain content that is not allowed by our safety system.",
    type: "image_generation_user_error",
    code: "moderation_blocked",
    param: null,
  },
  "429": {
    status: 429,
    message: "Rate limit reached for images per minute. Please try again in 1s.",
    type: "requests",
    code: "rate_limit_exceeded",
    param: null,
  },
  "500": serverError("The server had an error while processing your request. Sorry about that!"),
  "503": { ...serverError("The engine is currently overloaded, please try again later."), status: 503, code: "service_unavailable" },
} satisfies Partial<Record<FaultName, ApiFailure>>;

function badKey(authorization: string | undefined): ApiFailure {
  const key = authorization?.replace(/^Bearer\s+/i, "") ?? "";
  const message = key
    ? `Incorrect API key provided: ${key.slice(0, 3)}****${key.slice(-3)}.`
    : "You didn't provide an API key. Send it as 'Authorization: Bearer YOUR_KEY'.";
  return { status: 401, message, type: "invalid_request_error", code: "invalid_api_key", param: null };
}

function serverError(message: string): ApiFailure {
  return { status: 500, message, type: "server_error", code: null, param: null };
}

function errorBody(failure: ApiFailure) {
  return { error: { message: failure.message, type: failure.type, param: failure.param, code: failure.code } };
}

function gatewayPage(status: number, title: string): string {
  return `<html>\r\n<head><title>${status} ${title}</title></head>\r\n<body>\r\n<center><h1>${status} ${title}</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n`;
}

/** Deterministic, so tests can predict it, and visibly not the prompt itself, as the real endpoint's is. */
function revisePrompt(prompt: string): string {
  const clean = stripFaultMarkers(prompt).replace(/\s+/g, " ").trim().replace(/[.!?]+$/, "");
  const styles = ["a soft watercolour", "a crisp studio photograph", "a flat vector illustration", "an oil painting"];
  const style = styles[[...clean].reduce((sum, ch) => sum + (ch.codePointAt(0) ?? 0), 0) % styles.length];
  return `${clean.charAt(0).toUpperCase()}${clean.slice(1)}, rendered as ${style} with balanced composition and even lighting.`;
}

function flattenHeaders(req: IncomingMessage): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(", ") : value;
  }
  return out;
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of req) {
    total += (chunk as Buffer).length;
    if (total > MAX_BODY_BYTES) throw new PayloadTooLarge();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  const bytes = typeof body === "string" ? Buffer.from(body) : body;
  res.writeHead(status, { ...headers, "content-length": String(bytes.length) });
  res.end(bytes);
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, { "content-type": "application/json" }, JSON.stringify(body));
}

function sendEmpty(res: ServerResponse): void {
  res.writeHead(204);
  res.end();
}
