import { describe, expect, it } from "vitest";
import { ImageApiError, type ImageApiErrorInit } from "./errors";
import { FAILURE_CLASSES, FAILURE_TABLE } from "./failures";
import { backoffMs, parseRetryAfter, retryDelayMs, type RetryPolicy } from "./retry";

const policy: RetryPolicy = { maxRetries: 3, baseDelayMs: 1000, maxDelayMs: 8000, maxRetryAfterMs: 30_000 };
const error = (init: Partial<ImageApiErrorInit> & Pick<ImageApiErrorInit, "failureClass">) =>
  new ImageApiError({ message: "test", ...init });

describe("retryDelayMs", () => {
  it("honours Retry-After on a rate limit", () => {
    expect(retryDelayMs(error({ failureClass: "rate_limited", retryAfterMs: 1500 }), 0, policy)).toBe(1500);
    expect(retryDelayMs(error({ failureClass: "rate_limited", retryAfterMs: 0 }), 0, policy)).toBe(0);
  });

  it("does not wait out a Retry-After longer than the cap inside one call: it gives the error back", () => {
    expect(retryDelayMs(error({ failureClass: "rate_limited", retryAfterMs: 3_600_000 }), 0, policy)).toBeNull();
  });

  it("backs off exponentially on a rate limit without Retry-After", () => {
    const noJitter = () => 0;
    expect(retryDelayMs(error({ failureClass: "rate_limited" }), 0, policy, noJitter)).toBe(500);
    expect(retryDelayMs(error({ failureClass: "rate_limited" }), 2, policy, noJitter)).toBe(2000);
  });

  it("retries connection failures that never carried the request", () => {
    const refused = error({ failureClass: "network", charged: "no", autoRetry: true });
    expect(retryDelayMs(refused, 0, policy, () => 1)).toBe(1000);
    expect(retryDelayMs(refused, 1, policy, () => 1)).toBe(2000);
  });

  it("stops after maxRetries", () => {
    const limited = error({ failureClass: "rate_limited", retryAfterMs: 10 });
    expect(retryDelayMs(limited, 2, policy)).toBe(10);
    expect(retryDelayMs(limited, 3, policy)).toBeNull();
    expect(retryDelayMs(limited, 0, { ...policy, maxRetries: 0 })).toBeNull();
  });

  const neverRetried = FAILURE_CLASSES.filter((c) => !FAILURE_TABLE[c].autoRetry && c !== "cancelled" && c !== "interrupted");
  it.each(neverRetried.map((c) => [c as Exclude<typeof c, "cancelled" | "interrupted">]))("never retries %s", (failureClass) => {
    expect(retryDelayMs(error({ failureClass }), 0, policy)).toBeNull();
  });

  it("never retries anything that may have been charged, whatever the class says", () => {
    const odd = error({ failureClass: "rate_limited", charged: "maybe" });
    expect(odd.autoRetry).toBe(false);
    expect(retryDelayMs(odd, 0, policy)).toBeNull();
  });
});

describe("backoffMs", () => {
  it("doubles per retry between half and all of the ceiling, and stops growing at maxDelayMs", () => {
    for (let retries = 0; retries < 8; retries++) {
      const ceiling = Math.min(8000, 1000 * 2 ** retries);
      expect(backoffMs(retries, policy, () => 0)).toBe(ceiling / 2);
      expect(backoffMs(retries, policy, () => 1)).toBe(ceiling);
      const jittered = backoffMs(retries, policy);
      expect(jittered).toBeGreaterThanOrEqual(ceiling / 2);
      expect(jittered).toBeLessThanOrEqual(ceiling);
    }
  });
});

describe("parseRetryAfter", () => {
  const now = Date.parse("2030-01-01T00:00:00Z");

  it("reads delay-seconds", () => {
    expect(parseRetryAfter("1", now)).toBe(1000);
    expect(parseRetryAfter(" 20 ", now)).toBe(20_000);
    expect(parseRetryAfter("0.5", now)).toBe(500);
  });

  it("reads an HTTP date, never negative", () => {
    expect(parseRetryAfter("Tue, 01 Jan 2030 00:00:07 GMT", now)).toBe(7000);
    expect(parseRetryAfter("Mon, 31 Dec 2029 23:59:00 GMT", now)).toBe(0);
  });

  it("ignores absent or unreadable values", () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter("", now)).toBeUndefined();
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter("-5", now)).toBeUndefined();
  });
});
