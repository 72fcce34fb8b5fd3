import type { ImageApiError } from "./errors";

export interface RetryPolicy {
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** A Retry-After longer than this is shortened to it, so one answer cannot park a worker for hours. */
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
 * Only failures that certainly produced nothing are retried: a rate limit, or a connection that
 * failed before any answer. Everything else either will not change on a retry (key, quota,
 * moderation, invalid request) or may already have produced — and billed — images (timeout, 5xx,
 * unreadable body), where a blind retry could pay twice.
 */
export function retryDelayMs(
  error: ImageApiError,
  retriesSoFar: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number | null {
  if (retriesSoFar >= policy.maxRetries) return null;
  if (error.code === "rate_limited") {
    return error.retryAfterMs === undefined
      ? backoffMs(retriesSoFar, policy, random)
      : Math.min(error.retryAfterMs, policy.maxRetryAfterMs);
  }
  if (error.connectionFailure) return backoffMs(retriesSoFar, policy, random);
  return null;
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
