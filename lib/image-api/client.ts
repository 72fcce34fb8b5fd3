import { setTimeout as sleepFor } from "node:timers/promises";
import { readCapped } from "./body";
import { ImageApiError, errorFromResponse, networkError, rawAnswer, timeoutError, type RequestContext } from "./errors";
import { DEFAULT_RETRY_POLICY, retryDelayMs } from "./retry";
import { parseGenerationResponse, type GenerationResult, type ImageSize } from "./schemas";

export interface GenerateImagesInput {
  model: string;
  prompt: string;
  size: ImageSize;
  n: number;
  /** http(s) URLs or data: URLs of reference images, in order. */
  images?: string[];
}

export interface ImageApiConfig {
  /** Without the /v1 path, e.g. https://api.example.com */
  baseUrl: string;
  apiKey: string;
  /**
   * Per attempt. Field relays take 60–300 s for one image and document "set client timeouts to
   * 300 s+"; IMAGE_API_TIMEOUT_MS defaults to 360 s for that.
   */
  timeoutMs: number;
  maxRetries: number;
  /** Aborting it (cancel, shutdown) aborts the call in flight and rejects with the signal's own reason, not an ImageApiError. */
  signal?: AbortSignal;
  /** Largest answer body read; defaults to RESPONSE_BYTES_PER_IMAGE × n. */
  maxResponseBytes?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<unknown>;
}

export const GENERATIONS_PATH = "/v1/images/generations";

/**
 * Room for one image in the answer: a 40 MiB result (the most lib/jobs keeps) as base64, plus its
 * JSON. An answer past n of these is not one we would keep, so it is not read into memory either.
 */
export const RESPONSE_BYTES_PER_IMAGE = Math.ceil((40 * 1024 * 1024 * 4) / 3) + 64 * 1024;

export interface GenerateImagesResult extends GenerationResult {
  /** Items the relay sent, before the cap at n (for the call ledger). */
  received: number;
  /** HTTP status of the answer that succeeded. */
  status: number;
}

/**
 * Asks the endpoint for images; throws ImageApiError (or the caller's abort reason). Keeps at most
 * `n` results: a relay that returns more than asked does not get to fill more slots.
 */
export async function generateImages(input: GenerateImagesInput, config: ImageApiConfig): Promise<GenerateImagesResult> {
  const sleep = config.sleep ?? ((ms: number, signal?: AbortSignal) => sleepFor(ms, undefined, { signal }));
  const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: config.maxRetries };
  const url = `${config.baseUrl.replace(/\/+$/, "")}${GENERATIONS_PATH}`;
  const images = input.images ?? [];
  const body = JSON.stringify({
    model: input.model,
    prompt: input.prompt,
    size: input.size,
    n: input.n,
    ...(images.length > 0 && { image: images }),
  });
  const context: RequestContext = { referenceBytes: images.map(dataUrlBytes), secrets: [config.apiKey] };
  const maxBytes = config.maxResponseBytes ?? RESPONSE_BYTES_PER_IMAGE * input.n;

  for (let retriesSoFar = 0; ; retriesSoFar++) {
    try {
      const { status, ...result } = await attempt(url, body, config, context, maxBytes);
      return { ...result, items: result.items.slice(0, input.n), received: result.items.length, status };
    } catch (error) {
      if (!(error instanceof ImageApiError)) throw error;
      const delay = retryDelayMs(error, retriesSoFar, policy);
      if (delay === null) throw error;
      await sleep(delay, config.signal);
    }
  }
}

/** Decoded size of a data: URL reference, or null for a URL the relay fetches itself. */
function dataUrlBytes(reference: string): number | null {
  const comma = reference.indexOf(",");
  if (!reference.startsWith("data:") || comma < 0) return null;
  return Math.floor(((reference.length - comma - 1) * 3) / 4);
}

async function attempt(
  url: string,
  body: string,
  config: ImageApiConfig,
  context: RequestContext,
  maxBytes: number,
): Promise<GenerationResult & { status: number }> {
  const timeout = AbortSignal.timeout(config.timeoutMs);
  // Our own abort lets the size cap drop the connection rather than drain an oversized body.
  const capped = new AbortController();
  const signal = AbortSignal.any([timeout, capped.signal, ...(config.signal ? [config.signal] : [])]);
  const failure = (error: unknown, responded: boolean) => {
    if (error instanceof ImageApiError) return error;
    if (config.signal?.aborted) return config.signal.reason as unknown;
    if (timeout.aborted) return timeoutError(config.timeoutMs);
    return networkError(error, { responded });
  };

  let response: Response;
  try {
    response = await (config.fetch ?? fetch)(url, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        Accept: "application/json",
        Authorization: `Bearer ${config.apiKey}`,
      },
      body,
      signal,
      // A redirect would turn the POST into a GET somewhere else; report it instead of following it.
      redirect: "manual",
    });
  } catch (error) {
    throw failure(error, false);
  }

  const ok = response.status >= 200 && response.status < 300;
  const tooLarge = () => {
    capped.abort();
    return new ImageApiError({
      failureClass: "bad_response",
      message: `Image API answer is larger than ${maxBytes} bytes`,
      status: response.status,
      // A success that big did the work; an error page that big did not.
      charged: ok ? "yes" : "maybe",
      raw: rawAnswer(response.status, "(not read: larger than the cap)"),
    });
  };

  let text: string;
  try {
    if (Number(response.headers.get("content-length") ?? 0) > maxBytes) throw tooLarge();
    text = (await readCapped(response, maxBytes, tooLarge)).toString("utf8");
  } catch (error) {
    throw failure(error, true);
  }

  const contentType = response.headers.get("content-type");
  if (ok) return { ...parseGenerationResponse(text, contentType, context, response.status), status: response.status };
  throw errorFromResponse({ status: response.status, contentType, retryAfter: response.headers.get("retry-after"), body: text }, context);
}
