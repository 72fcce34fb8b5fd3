import { z } from "zod";
import { FAILURE_TABLE, type Charged, type FailureClass } from "./failures";
import { parseRetryAfter } from "./retry";

/** The classes a call itself can end in; cancelled and interrupted are decided by the app. */
export type RelayFailureClass = Exclude<FailureClass, "cancelled" | "interrupted">;

/** What the relay actually sent, for administrators ("Copy error details"). */
export interface RawAnswer {
  status: number;
  /** The first 2 KB of the body, with keys, bearer tokens and e-mail addresses redacted. */
  excerpt: string;
}

export interface ImageApiErrorInit {
  failureClass: RelayFailureClass;
  /** For logs: what happened, in detail. Never shown to users (they see the class's reason). */
  message: string;
  status?: number;
  retryAfterMs?: number;
  /** Defaults to the class's value in FAILURE_TABLE. */
  charged?: Charged;
  /** Defaults to the class's value in FAILURE_TABLE. */
  autoRetry?: boolean;
  param?: string;
  raw?: RawAnswer;
  cause?: unknown;
}

export class ImageApiError extends Error {
  override readonly name = "ImageApiError";
  readonly failureClass: RelayFailureClass;
  /** Whether this call was probably billed. Authoritative for this error; the table has the class's usual value. */
  readonly charged: Charged;
  /** Whether the client retries it on its own. Never true for a call that may have been billed. */
  readonly autoRetry: boolean;
  readonly status?: number;
  /** From Retry-After, when the relay sent one. */
  readonly retryAfterMs?: number;
  /** For bad_request (and reference_rejected): the request parameter the relay named, e.g. "size" or "image[0]". */
  readonly param?: string;
  readonly raw?: RawAnswer;

  constructor(init: ImageApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    const row = FAILURE_TABLE[init.failureClass];
    this.failureClass = init.failureClass;
    this.charged = init.charged ?? row.charged;
    // A call that may have been billed is never repeated behind the person's back.
    this.autoRetry = (init.autoRetry ?? row.autoRetry) && this.charged === "no";
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.param = init.param;
    this.raw = init.raw;
  }
}

export interface ErrorResponse {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: string;
}

/** What the client knows about the request an answer belongs to. */
export interface RequestContext {
  /** Per reference, in order: decoded bytes of a data: URL, or null for a URL (size unknown). */
  referenceBytes?: (number | null)[];
  /** Redacted from raw excerpts besides the generic patterns. */
  secrets?: string[];
}

const stringish = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v == null || v === "" ? undefined : String(v)));

export interface ErrorDetail {
  message?: string;
  type?: string;
  code?: string;
  param?: string;
}

/**
 * OpenAI-style `{"error": {...}}`, plus the flatter shapes gateways use: one-api/new-api's
 * `{"code": "insufficient_user_quota", "message": "预扣费额度失败…", "data": null}`,
 * `{"error": "…"}`, `{"message": "…"}`, `{"detail": "…"}`.
 */
const errorDetailSchema = z.union([
  z
    .object({ error: z.object({ message: stringish, type: stringish, code: stringish, param: stringish }) })
    .transform((b): ErrorDetail => b.error),
  z.object({ error: z.string() }).transform((b): ErrorDetail => ({ message: b.error })),
  z
    .object({ message: z.string(), code: stringish, type: stringish })
    .transform((b): ErrorDetail => ({ message: b.message, code: b.code, type: b.type })),
  z.object({ detail: z.string() }).transform((b): ErrorDetail => ({ message: b.detail })),
]);

/** The error an answer's JSON describes, if it describes one. */
export function errorDetail(json: unknown): ErrorDetail | undefined {
  const parsed = errorDetailSchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

// Each pattern is matched against the message, code and type together, English and Chinese as
// one-api / new-api and the relays built on them phrase it.
const SAFETY =
  /moderation|safety system|content[ _]?polic|content[ _]?filter|sensitive[ _]words|flagged|not allowed by our|prohibited|nsfw|安全系统|安全审核|内容审核|审核未通过|内容违规|违规|敏感(词|内容|信息)|不合规/i;
const BALANCE =
  /insufficient[ _](user[ _])?(quota|balance|credit)|quota is not enough|quota_failed|exceeded your current quota|billing[ _]hard[ _]limit|check your plan and billing|out of (credit|balance)|预扣费|额度不足|余额不足|额度已用尽|额度已耗尽|欠费|请充值/i;
const SATURATED =
  /负载已饱和|上游负载|请求过于频繁|请求频率|频率限制|rate[ _-]?limit|too many requests|overloaded|over capacity|no capacity|capacity exhausted/i;
const NO_CHANNEL =
  /无可用渠道|没有可用的?渠道|no available channel|model_not_found|model_not_available|模型.{0,24}(不存在|不可用|未开放)|无权(访问|使用).{0,12}模型|model .{0,80}(does not exist|not found|is not available|unavailable)/i;
const BAD_KEY =
  /invalid_api_key|incorrect api key|invalid api key|invalid[ _](access[ _])?token|api key .{0,20}(invalid|expired|revoked)|无效的令牌|令牌.{0,6}(无效|已过期|过期|禁用|不可用|不存在)|未提供令牌/i;
const REFERENCE =
  /invalid[ _]image|image[ _]too[ _]large|image_url|image_parse|image.{0,40}(too large|too big|exceeds|could not be (read|decoded|downloaded|processed))|failed to (download|fetch|load|decode|process|read) (the )?(reference )?image|unsupported image|(图片|图像|参考图).{0,12}(过大|太大|超过|超出|无法|失败|格式|错误|不支持)/i;
/** What field relays answer when a reference was too big for them: nothing useful. */
const UNHELPFUL = /^\s*(unknown error|未知错误|internal (server )?error|error|null|undefined)?[.!。]?\s*(\(request id: [^)]*\))?\s*$/i;
/** Field relays fail references at about 1.5 MB; below this, a reference is an unlikely cause of an unhelpful error. */
const LARGE_REFERENCE_BYTES = 1_000_000;

const GATEWAY_STATUSES = new Set([502, 504, 520, 521, 522, 523, 524, 525, 526, 530]);
/** Cloudflare: the origin was never reached (down, unreachable, TLS failed), so nothing was billed. */
const ORIGIN_NOT_REACHED = new Set([521, 522, 523, 525, 526]);
const PARAM_NAME = /^[A-Za-z_][\w.[\]]{0,40}$/;

export interface Classification {
  failureClass: RelayFailureClass;
  charged?: Charged;
  param?: string;
}

/**
 * Decides the class of one failed answer from everything it says, never the status alone: a 429
 * can be out of balance, a 500 a safety refusal, a 200 an error object.
 */
export function classify(
  answer: { status: number; html: boolean; detail?: ErrorDetail; text: string },
  context: RequestContext = {},
): Classification {
  const { status, detail } = answer;
  const said = [detail?.message, detail?.code, detail?.type].filter(Boolean).join(" | ") || (answer.html ? "" : answer.text);
  const param = detail?.param && PARAM_NAME.test(detail.param) ? detail.param : paramFromMessage(detail?.message);
  const references = context.referenceBytes ?? [];

  if (SAFETY.test(said)) return { failureClass: "safety" };
  if (BALANCE.test(said)) return { failureClass: "out_of_balance" };
  if (SATURATED.test(said)) return { failureClass: "rate_limited" };
  if (NO_CHANNEL.test(said)) return { failureClass: "model_unavailable" };
  if (BAD_KEY.test(said) || status === 401) return { failureClass: "bad_key" };
  if (REFERENCE.test(said) || param?.startsWith("image")) return { failureClass: "reference_rejected", param };
  if (status === 413 && references.length > 0) return { failureClass: "reference_rejected", charged: "no" };

  // Also a gateway's HTML "slow down" page (Cloudflare 1015).
  if (status === 429) return { failureClass: "rate_limited" };
  if (answer.html || GATEWAY_STATUSES.has(status)) {
    const refused = status < 500 || ORIGIN_NOT_REACHED.has(status);
    return { failureClass: "gateway", ...(refused && { charged: "no" }) };
  }
  const largeReference = references.some((bytes) => bytes === null || bytes >= LARGE_REFERENCE_BYTES);
  if (largeReference && UNHELPFUL.test(detail?.message ?? answer.text)) return { failureClass: "reference_rejected" };
  if (status === 408) return { failureClass: "timeout" };
  if (status >= 400 && status < 500) return { failureClass: "bad_request", param };
  if (status >= 500 || status < 300) return { failureClass: "server_error" };
  // A redirect or an informational status: the request was not acted on.
  return { failureClass: "bad_response", charged: "no" };
}

/** The parameter an OpenAI-style message names, e.g. "Invalid 'size'…" or "Unrecognized request argument supplied: foo". */
function paramFromMessage(message: string | undefined): string | undefined {
  if (!message) return undefined;
  const named =
    /invalid (?:value for )?'([^']+)'/i.exec(message)?.[1] ??
    /(?:argument|parameter)(?: supplied)?:? '?([A-Za-z_][\w.[\]]*)/i.exec(message)?.[1] ??
    /参数\s*[`'"“]?([A-Za-z_][\w.[\]]*)/.exec(message)?.[1];
  return named && PARAM_NAME.test(named) ? named : undefined;
}

/** Maps a non-2xx answer to a typed error. */
export function errorFromResponse(response: ErrorResponse, context: RequestContext = {}, now: number = Date.now()): ImageApiError {
  const { status } = response;
  const html = isHtml(response.contentType, response.body);
  const detail = html ? undefined : errorDetail(tryJson(response.body));
  const { failureClass, charged, param } = classify({ status, html, detail, text: response.body }, context);
  return errorFromAnswer({ status, html, detail, body: response.body, failureClass, charged, param, context, now, retryAfter: response.retryAfter });
}

/** Builds the error for an answer already classified (also a 2xx one carrying an error object). */
export function errorFromAnswer(a: {
  status: number;
  html: boolean;
  detail?: ErrorDetail;
  body: string;
  failureClass: RelayFailureClass;
  charged?: Charged;
  param?: string;
  context: RequestContext;
  retryAfter?: string | null;
  now?: number;
}): ImageApiError {
  const said = clip(a.detail?.message || (a.html ? htmlTitle(a.body) : a.body.trim()) || `HTTP ${a.status}`);
  const tags = [a.detail?.code, a.detail?.type].filter((t): t is string => Boolean(t));
  const retryAfterMs = parseRetryAfter(a.retryAfter ?? null, a.now);
  return new ImageApiError({
    failureClass: a.failureClass,
    message: `Image API answered HTTP ${a.status}${tags.length ? ` (${tags.join(", ")})` : ""} → ${a.failureClass}: ${redact(said, a.context.secrets)}`,
    status: a.status,
    charged: a.charged,
    retryAfterMs,
    param: a.param,
    raw: rawAnswer(a.status, a.body, a.context.secrets),
  });
}

export function rawAnswer(status: number, body: string, secrets: string[] = []): RawAnswer {
  return { status, excerpt: clipChars(redact(body.slice(0, 2 * RAW_EXCERPT_CHARS), secrets), RAW_EXCERPT_CHARS) };
}

const RAW_EXCERPT_CHARS = 2048;

const REDACTIONS: [RegExp, string][] = [
  [/\bBearer\s+[\w.~+/=-]+/gi, "Bearer [redacted]"],
  [/\b(sk|pk|rk)-[\w-]{6,}/g, "$1-[redacted]"],
  [/\beyJ[\w-]{8,}\.[\w-]{8,}\.[\w-]+/g, "[token]"],
  [/("?(?:api[_-]?key|access[_-]?token|authorization|token|secret|password)"?\s*[:=]\s*)"?[^"\s,}&]+"?/gi, "$1[redacted]"],
  [/[\w.%+-]+@[\w-]+(\.[\w-]+)*\.[A-Za-z]{2,}/g, "[email]"],
  // Base64 image data is noise in an excerpt: keep its length only.
  [/[A-Za-z0-9+/]{200,}={0,2}/g, "[base64 data]"],
];

/** Removes credentials and personal data from text an administrator may copy around. */
export function redact(text: string, secrets: string[] = []): string {
  let out = text;
  for (const secret of secrets) if (secret.length >= 6) out = out.split(secret).join("[redacted]");
  for (const [pattern, replacement] of REDACTIONS) out = out.replace(pattern, replacement);
  return out;
}

export function isHtml(contentType: string | null, body: string): boolean {
  return /text\/html/i.test(contentType ?? "") || /^\s*<(!doctype\s+html|html)[\s>]/i.test(body);
}

function tryJson(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

function htmlTitle(body: string): string {
  const text = /<title>([^<]*)<\/title>/i.exec(body)?.[1] ?? /<h1>([^<]*)<\/h1>/i.exec(body)?.[1] ?? "an HTML page";
  return text.replace(/\s+/g, " ").trim();
}

const MAX_ENDPOINT_MESSAGE = 300;

function clip(text: string): string {
  return clipChars(text.replace(/\s+/g, " ").trim(), MAX_ENDPOINT_MESSAGE);
}

function clipChars(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const NOT_REACHED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);
const TLS = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

/**
 * Maps a rejected fetch or body read (but not an abort: the caller handles those) to a typed error.
 * Only a connection that never carried the request (refused, DNS, unreachable, TLS) is certainly
 * not billed, and only that one is retried; a reset may come after the relay read the request.
 */
export function networkError(error: unknown, phase: { responded: boolean }): ImageApiError {
  const code = causeCode(error);
  const notSent = !phase.responded && code !== undefined && (NOT_REACHED.has(code) || TLS.test(code));
  return new ImageApiError({
    failureClass: "network",
    message: `Image API request failed ${phase.responded ? "while reading the response" : "before any response"}: ${failureDetail(error)}`,
    charged: notSent ? "no" : "maybe",
    // TLS failures will not heal on a retry seconds later; refused/unreachable often do.
    autoRetry: notSent && !TLS.test(code ?? ""),
    cause: error,
  });
}

/** The low-level reason a fetch failed, e.g. ECONNREFUSED, for logs. */
export function failureDetail(error: unknown): string {
  return causeCode(error) ?? (error instanceof Error ? error.message : String(error));
}

export function timeoutError(timeoutMs: number, what = "Image API request"): ImageApiError {
  return new ImageApiError({
    failureClass: "timeout",
    message: `${what} timed out after ${timeoutMs} ms`,
    // The request had been sent, so the endpoint may be generating (and billing) right now.
    charged: "maybe",
  });
}

function causeCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
