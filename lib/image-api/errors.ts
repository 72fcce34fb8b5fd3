import { z } from "zod";
import { parseRetryAfter } from "./retry";

export type ImageApiErrorCode =
  | "bad_key"
  | "quota"
  | "rate_limited"
  | "moderation_blocked"
  | "invalid_request"
  | "gateway"
  | "server_error"
  | "timeout"
  | "network"
  | "bad_response";

export interface ImageApiErrorInit {
  code: ImageApiErrorCode;
  /** For logs: what happened, in detail. Never shown to users. */
  message: string;
  userMessage?: string;
  status?: number;
  retryAfterMs?: number;
  mayHaveProduced: boolean;
  connectionFailure?: boolean;
  cause?: unknown;
}

const USER_MESSAGES: Record<ImageApiErrorCode, string> = {
  bad_key: "The image service did not accept our credentials. An administrator needs to check the API key.",
  quota: "The image service account has run out of credit or quota. An administrator needs to top it up.",
  rate_limited: "The image service is busy right now. Please try again in a minute.",
  moderation_blocked:
    "The request was rejected by the image service's safety system. Try rewording the prompt or using different reference images.",
  invalid_request: "The image service rejected the request.",
  gateway: "The image service's gateway did not pass the answer through. Please try again later.",
  server_error: "The image service had an internal error. Please try again later.",
  timeout: "The image service took too long to answer. Please try again later.",
  network: "Could not reach the image service. Please try again later.",
  bad_response: "The image service sent back a response that could not be read.",
};

export class ImageApiError extends Error {
  override readonly name = "ImageApiError";
  readonly code: ImageApiErrorCode;
  /** Plain language, safe to show to the person who asked for the images. */
  readonly userMessage: string;
  readonly status?: number;
  readonly retryAfterMs?: number;
  /**
   * True when the request reached the endpoint and images may have been generated (and billed)
   * even though we got none: such a failure must not be retried blindly.
   */
  readonly mayHaveProduced: boolean;
  /** True only when the connection failed before any response (refused, reset, DNS, unreachable). */
  readonly connectionFailure: boolean;

  constructor(init: ImageApiErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.userMessage = init.userMessage ?? USER_MESSAGES[init.code];
    this.status = init.status;
    this.retryAfterMs = init.retryAfterMs;
    this.mayHaveProduced = init.mayHaveProduced;
    this.connectionFailure = init.connectionFailure ?? false;
  }
}

export interface ErrorResponse {
  status: number;
  contentType: string | null;
  retryAfter: string | null;
  body: string;
}

const stringish = z.union([z.string(), z.number()]).nullish().transform((v) => (v == null ? undefined : String(v)));

/** OpenAI-style `{"error": {...}}`, plus the flatter shapes that gateways and proxies use. */
const apiErrorBodySchema = z.union([
  z.object({ error: z.object({ message: stringish, type: stringish, code: stringish }) }).transform((b) => b.error),
  z.object({ error: z.string() }).transform((b) => ({ message: b.error, type: undefined, code: undefined })),
  z.object({ message: z.string() }).transform((b) => ({ message: b.message, type: undefined, code: undefined })),
  z.object({ detail: z.string() }).transform((b) => ({ message: b.detail, type: undefined, code: undefined })),
]);

const QUOTA = /quota|billing|balance|credit/i;
const MODERATION = new Set(["moderation_blocked", "content_policy_violation"]);
const MAX_ENDPOINT_MESSAGE = 300;

/** Maps a non-2xx answer (or any answer that is not a success) to a typed error. */
export function errorFromResponse(response: ErrorResponse, now: number = Date.now()): ImageApiError {
  const { status } = response;
  const html = isHtml(response.contentType, response.body);
  const detail = html ? undefined : parseErrorBody(response.body);
  const endpointMessage = clip(
    detail?.message || (html ? htmlTitle(response.body) : response.body.trim()) || `HTTP ${status}`,
  );
  const tags = [detail?.code, detail?.type].filter((t): t is string => Boolean(t));
  const message = `Image API answered HTTP ${status}${tags.length ? ` (${tags.join(", ")})` : ""}: ${endpointMessage}`;
  const make = (code: ImageApiErrorCode, mayHaveProduced: boolean, extra: Partial<ImageApiErrorInit> = {}) =>
    new ImageApiError({ code, message, status, mayHaveProduced, ...extra });

  if (status === 401) return make("bad_key", false);
  if ((status === 403 || status === 429) && tags.some((t) => QUOTA.test(t))) return make("quota", false);
  if (status === 429) return make("rate_limited", false, { retryAfterMs: parseRetryAfter(response.retryAfter, now) });
  if (status >= 400 && status < 500 && tags.some((t) => MODERATION.has(t))) return make("moderation_blocked", false);
  if (status === 502 || status === 504 || html) return make("gateway", status >= 500);
  if (status >= 500) return make("server_error", true);
  if (status >= 400) {
    return make("invalid_request", false, { userMessage: `The image service rejected the request: ${endpointMessage}` });
  }
  return make("bad_response", false, {
    message: `Image API answered HTTP ${status}, which is neither a success nor an error; check IMAGE_API_BASE_URL`,
  });
}

export function isHtml(contentType: string | null, body: string): boolean {
  return /text\/html/i.test(contentType ?? "") || /^\s*<(!doctype\s+html|html)[\s>]/i.test(body);
}

function parseErrorBody(body: string): { message?: string; type?: string; code?: string } | undefined {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return undefined;
  }
  const parsed = apiErrorBodySchema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

function htmlTitle(body: string): string {
  const text = /<title>([^<]*)<\/title>/i.exec(body)?.[1] ?? /<h1>([^<]*)<\/h1>/i.exec(body)?.[1] ?? "an HTML page";
  return text.replace(/\s+/g, " ").trim();
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > MAX_ENDPOINT_MESSAGE ? `${flat.slice(0, MAX_ENDPOINT_MESSAGE - 1)}…` : flat;
}

const NOT_REACHED = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);
/** The socket broke before an answer: the request may have been read and acted on, or not. */
const CUT_OFF = new Set(["ECONNRESET", "UND_ERR_SOCKET", "EPIPE"]);
const TLS = /^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_)/;

/** Maps a rejected fetch or body read (but not an abort: the caller handles those) to a typed error. */
export function networkError(error: unknown, phase: { responded: boolean }): ImageApiError {
  const code = causeCode(error);
  const reached = phase.responded || !(code !== undefined && (NOT_REACHED.has(code) || TLS.test(code)));
  return new ImageApiError({
    code: "network",
    message: `Image API request failed ${phase.responded ? "while reading the response" : "before any response"}: ${failureDetail(error)}`,
    mayHaveProduced: reached,
    connectionFailure: !phase.responded && code !== undefined && (NOT_REACHED.has(code) || CUT_OFF.has(code)),
    cause: error,
  });
}

/** The low-level reason a fetch failed, e.g. ECONNREFUSED, for logs. */
export function failureDetail(error: unknown): string {
  return causeCode(error) ?? (error instanceof Error ? error.message : String(error));
}

export function timeoutError(timeoutMs: number, what = "Image API request", userMessage?: string): ImageApiError {
  return new ImageApiError({
    code: "timeout",
    message: `${what} timed out after ${timeoutMs} ms`,
    userMessage,
    // The request had been sent, so the endpoint may be generating (and billing) right now.
    mayHaveProduced: true,
  });
}

function causeCode(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
  }
  return undefined;
}
