import type { ImageApiError } from "./errors";

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /**
   * A Retry-After longer than this is not waited out inside one call: the error is returned with
   * its retryAfterMs so the caller (the worker's shared backoff) can park the work instead.
   */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicy, "maxRetries"> = {
  baseDelayMs: 1_000,
  maxDelayMs: 20_000,
  maxRetryAfterMs: 60_000,
};

/**
 * How long to wait before trying again, or null to give up. `retriesSoFar` counts retries already made.
 *
 * Only errors whose class retries automatically and that were certainly not charged are retried
 * (error.autoRetry: a rate limit, a connection that never carried the request). Everything else
 * either will not change on a retry (key, balance, safety, parameters) or may already have
 * produced — and billed — images (timeout, 5xx, unreadable body), where a blind retry could pay twice.
 */
export function retryDelayMs(
  error: ImageApiError,
  retriesSoFar: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | null {
  if (retriesSoFar >= policy.maxRetries || !error.autoRetry) return null;
  if (error.retryAfterMs === undefined) return backoffMs(retriesSoFar, policy, random);
  return error.retryAfterMs <= policy.maxRetryAfterMs ? error.retryAfterMs : null;
}

/** Exponential backoff with "equal jitter": half fixed, half random, so retries do not bunch up. */
export function backoffMs(retriesSoFar: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retriesSoFar);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Retry-After is either delay-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | null, now: number = Date.now()): number | undefined {
  if (value === null || value.trim() === "") return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  // Date.parse also takes bare numbers such as "-5" as years, which no server means.
  const at = /[a-z]/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
