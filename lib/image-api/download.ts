import { fileTypeFromBuffer } from "file-type";
import { fetch as undiciFetch, type Dispatcher } from "undici";
import { ImageApiError, failureDetail, timeoutError } from "./errors";
import { isNonPublicHost, NonPublicAddressError, publicOnlyAgent, type Lookup } from "./network";
import { readCapped } from "./body";

export const RESULT_IMAGE_MIMES = ["image/png", "image/jpeg", "image/webp", "image/gif", "image/avif"] as const;
export type ResultImageMime = (typeof RESULT_IMAGE_MIMES)[number];

export interface DownloadedImage {
  bytes: Buffer;
  mime: ResultImageMime;
}

export interface DownloadOptions {
  timeoutMs: number;
  maxBytes: number;
  /** Tests only: replaces the network (and with it the connect-time address check). */
  fetch?: typeof fetch;
  /** Aborting it rejects with the signal's own reason, not an ImageApiError. */
  signal?: AbortSignal;
  /** Allow hosts on loopback/private networks (only when the endpoint itself lives there). */
  allowPrivateNetwork?: boolean;
  lookup?: Lookup;
}

const MAX_REDIRECTS = 3;

/**
 * Copies one result off the endpoint's short-lived URL. Every failure here comes after the
 * images were generated, hence charged "maybe" on all of them (and so never retried on its own).
 * The person sees the class's reason from the failure table; the detail is for the logs.
 */
export async function downloadImage(url: string, options: DownloadOptions): Promise<DownloadedImage> {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw badResult(`result URL is not a URL: ${JSON.stringify(url.slice(0, 80))}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw badResult(`refusing to download a ${parsed.protocol} result URL`);
  }

  const timeout = AbortSignal.timeout(options.timeoutMs);
  // Our own abort lets the size cap drop the connection rather than drain an oversized body.
  const capped = new AbortController();
  const signal = AbortSignal.any([timeout, capped.signal, ...(options.signal ? [options.signal] : [])]);
  const failure = (error: unknown, responded: boolean) => {
    if (error instanceof ImageApiError) return error;
    if (options.signal?.aborted) return options.signal.reason as unknown;
    if (timeout.aborted) {
      return timeoutError(options.timeoutMs, "Result download");
    }
    return new ImageApiError({
      failureClass: "network",
      message: `Result download failed ${responded ? "while reading the body" : "before any response"}: ${failureDetail(error)}`,
      charged: "maybe",
      cause: error,
    });
  };

  // The host check below refuses early (IP literals never reach a DNS lookup); the agent checks
  // the addresses each connection actually uses, so a second, different DNS answer cannot slip by.
  const agent = options.allowPrivateNetwork || options.fetch ? null : publicOnlyAgent(options.lookup);
  try {
    return await fetchAndRead(parsed, options, signal, agent, failure, capped);
  } finally {
    await agent?.close().catch(() => undefined);
  }
}

async function fetchAndRead(
  parsed: URL,
  options: DownloadOptions,
  signal: AbortSignal,
  agent: Dispatcher | null,
  failure: (error: unknown, responded: boolean) => unknown,
  capped: AbortController,
): Promise<DownloadedImage> {
  const get = (target: URL): Promise<Response> => {
    const init = { headers: { Accept: "image/*" }, signal, redirect: "manual" as const };
    if (options.fetch) return options.fetch(target, init);
    // undici's own fetch, so the dispatcher is the installed undici's (Node's global fetch bundles another copy).
    return undiciFetch(target, { ...init, dispatcher: agent ?? undefined }) as unknown as Promise<Response>;
  };
  // Redirects are followed by hand so that every hop's host is checked, not just the first.
  let response: Response;
  let target = parsed;
  for (let hop = 0; ; hop++) {
    if (!options.allowPrivateNetwork && (await isNonPublicHost(target.hostname, options.lookup))) {
      throw badResult(`refusing a result URL on a non-public network (${target.hostname})`);
    }
    try {
      response = await get(target);
    } catch (error) {
      const refused = causeOf(error, NonPublicAddressError);
      if (refused) throw badResult(`refusing a result URL on a non-public network (${refused.hostname}, at connect)`);
      throw failure(error, false);
    }
    const location = response.headers.get("location");
    if (response.status < 300 || response.status >= 400 || !location) break;
    await response.body?.cancel().catch(() => undefined);
    if (hop >= MAX_REDIRECTS) throw badResult(`more than ${MAX_REDIRECTS} redirects`);
    target = new URL(location, target);
    if (target.protocol !== "http:" && target.protocol !== "https:") {
      throw badResult(`refusing a redirect to ${target.protocol}`);
    }
  }

  if (!response.ok) {
    await response.body?.cancel().catch(() => undefined);
    // Signed storage links (S3, Azure) answer 403 once expired, plain hosts 404 or 410.
    if ([403, 404, 410].includes(response.status)) {
      throw badResult(`result URL answered HTTP ${response.status} (the link expired before it could be saved)`, response.status, "result_expired");
    }
    throw new ImageApiError({
      failureClass: response.status >= 500 ? "server_error" : "bad_response",
      message: `Result download: result URL answered HTTP ${response.status}`,
      status: response.status,
      charged: "maybe",
    });
  }

  const tooLarge = () =>
    badResult(`result is larger than ${options.maxBytes} bytes`);
  if (Number(response.headers.get("content-length") ?? 0) > options.maxBytes) {
    capped.abort();
    throw tooLarge();
  }

  let bytes: Buffer;
  try {
    bytes = await readCapped(response, options.maxBytes, () => {
      capped.abort();
      return tooLarge();
    });
  } catch (error) {
    throw failure(error, true);
  }
  return { bytes, mime: await sniffImage(bytes) };
}

function causeOf<E extends Error>(error: unknown, type: new (...args: never[]) => E): E | null {
  for (let e: unknown = error, depth = 0; e && depth < 5; e = (e as { cause?: unknown }).cause, depth++) {
    if (e instanceof type) return e;
  }
  return null;
}

/** Decodes a b64_json item (tolerating a data: URL prefix) and checks it is an image within maxBytes. */
export async function decodeB64Image(b64: string, options: { maxBytes: number }): Promise<DownloadedImage> {
  const payload = b64.replace(/^data:[^,]*;base64,/, "").replace(/\s+/g, "");
  if (payload === "" || !/^[A-Za-z0-9+/_-]+={0,2}$/.test(payload)) {
    throw badResult("b64_json is not base64");
  }
  if (Math.floor((payload.length * 3) / 4) > options.maxBytes + 2) {
    throw badResult(`result is larger than ${options.maxBytes} bytes`);
  }
  const bytes = Buffer.from(payload, "base64");
  if (bytes.length > options.maxBytes) {
    throw badResult(`result is larger than ${options.maxBytes} bytes`);
  }
  return { bytes, mime: await sniffImage(bytes) };
}

async function sniffImage(bytes: Buffer): Promise<ResultImageMime> {
  const type = await fileTypeFromBuffer(bytes);
  const mime = RESULT_IMAGE_MIMES.find((m) => m === type?.mime);
  if (!mime) {
    throw badResult(`result is not an accepted image (sniffed ${type?.mime ?? "unknown"}, ${bytes.length} bytes)`, undefined, "result_not_image");
  }
  return mime;
}

function badResult(
  message: string,
  status?: number,
  failureClass: "bad_response" | "result_expired" | "result_not_image" = "bad_response",
): ImageApiError {
  return new ImageApiError({ failureClass, message: `Result download: ${message}`, status, charged: "maybe" });
}
