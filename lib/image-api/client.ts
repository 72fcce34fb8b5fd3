import { setTimeout as sleepFor } from "node:timers/promises";
import { ImageApiError, errorFromResponse, networkError, timeoutError } from "./errors";
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
  /** Per attempt: one generation can legitimately take minutes. */
  timeoutMs: number;
  maxRetries: number;
  /** Aborting it rejects with the signal's own reason, not an ImageApiError. */
  signal?: AbortSignal;
  fetch?: typeof fetch;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<unknown>;
}

export const GENERATIONS_PATH = "/v1/images/generations";

/** Asks the endpoint for images; throws ImageApiError (or the caller's abort reason). */
export async function generateImages(input: GenerateImagesInput, config: ImageApiConfig): Promise<GenerationResult> {
  const sleep = config.sleep ?? ((ms: number, signal?: AbortSignal) => sleepFor(ms, undefined, { signal }));
  const policy = { ...DEFAULT_RETRY_POLICY, maxRetries: config.maxRetries };
  const url = `${config.baseUrl.replace(/\/+$/, "")}${GENERATIONS_PATH}`;
  const body = JSON.stringify({
    model: input.model,
    prompt: input.prompt,
    size: input.size,
    n: input.n,
    ...(input.images && input.images.length > 0 && { image: input.images }),
  });

  for (let retriesSoFar = 0; ; retriesSoFar++) {
    try {
      return await attempt(url, body, config);
    } catch (error) {
      if (!(error instanceof ImageApiError)) throw error;
      const delay = retryDelayMs(error, retriesSoFar, policy);
      if (delay === null) throw error;
      await sleep(delay, config.signal);
    }
  }
}

async function attempt(url: string, body: string, config: ImageApiConfig): Promise<GenerationResult> {
  const timeout = AbortSignal.timeout(config.timeoutMs);
  const signal = config.signal ? AbortSignal.any([config.signal, timeout]) : timeout;
  const failure = (error: unknown, responded: boolean) => {
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

  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw failure(error, true);
  }

  const contentType = response.headers.get("content-type");
  if (response.status >= 200 && response.status < 300) return parseGenerationResponse(text, contentType);
  throw errorFromResponse({ status: response.status, contentType, retryAfter: response.headers.get("retry-after"), body: text });
}
