import { describe, expect, it } from "vitest";
import { errorFromResponse, networkError, type ErrorResponse } from "./errors";

const json = (status: number, error: unknown, retryAfter: string | null = null): ErrorResponse => ({
  status,
  contentType: "application/json",
  retryAfter,
  body: JSON.stringify(error),
});
const openai = (message: string, type: string | null, code: string | null) => ({ error: { message, type, param: null, code } });

describe("errorFromResponse", () => {
  it.each([
    ["401", json(401, openai("Incorrect API key provided", "invalid_request_error", "invalid_api_key")), "bad_key", false],
    ["403 insufficient_quota", json(403, openai("quota", "insufficient_quota", "insufficient_quota")), "quota", false],
    ["429 insufficient_quota", json(429, openai("quota", "insufficient_quota", null)), "quota", false],
    ["403 billing", json(403, openai("Billing hard limit reached", "invalid_request_error", "billing_hard_limit_reached")), "quota", false],
    ["429", json(429, openai("slow down", "requests", "rate_limit_exceeded")), "rate_limited", false],
    ["400 moderation_blocked", json(400, openai("safety", "image_generation_user_error", "moderation_blocked")), "moderation_blocked", false],
    ["400 content_policy_violation", json(400, openai("policy", "invalid_request_error", "content_policy_violation")), "moderation_blocked", false],
    ["400", json(400, openai("Invalid size", "invalid_request_error", null)), "invalid_request", false],
    ["404", json(404, openai("Not found", "invalid_request_error", null)), "invalid_request", false],
    ["422", json(422, { detail: "x" }), "invalid_request", false],
    ["403 other", json(403, openai("Region not supported", "invalid_request_error", "unsupported_country_region_territory")), "invalid_request", false],
    ["500", json(500, openai("oops", "server_error", null)), "server_error", true],
    ["503", json(503, openai("overloaded", "server_error", null)), "server_error", true],
    ["502 JSON", json(502, { error: "bad gateway" }), "gateway", true],
    ["504 empty", { status: 504, contentType: null, retryAfter: null, body: "" }, "gateway", true],
    ["500 HTML", { status: 500, contentType: "text/html", retryAfter: null, body: "<html><title>Oops</title></html>" }, "gateway", true],
    ["413 HTML", { status: 413, contentType: "text/html", retryAfter: null, body: "<html><head><title>413 Request Entity Too Large</title></head></html>" }, "gateway", false],
    ["302", { status: 302, contentType: null, retryAfter: null, body: "" }, "bad_response", false],
  ] as const)("%s → %s", (_, response, code, mayHaveProduced) => {
    const error = errorFromResponse(response);
    expect(error.code).toBe(code);
    expect(error.status).toBe(response.status);
    expect(error.mayHaveProduced).toBe(mayHaveProduced);
    expect(error.connectionFailure).toBe(false);
    expect(error.userMessage.length).toBeGreaterThan(10);
  });

  it("puts the endpoint's own message in an invalid_request userMessage, shortened", () => {
    expect(errorFromResponse(json(400, openai("Invalid value: '512x512'.", "invalid_request_error", null))).userMessage).toBe(
      "The image service rejected the request: Invalid value: '512x512'.",
    );
    expect(errorFromResponse(json(400, { error: "plain string error" })).userMessage).toMatch(/: plain string error$/);
    expect(errorFromResponse(json(400, { message: "top-level message" })).userMessage).toMatch(/: top-level message$/);
    expect(errorFromResponse(json(422, { detail: "prompt too long" })).userMessage).toMatch(/: prompt too long$/);
    const long = errorFromResponse(json(400, openai("x".repeat(5000), null, null))).userMessage;
    expect(long.length).toBeLessThan(400);
    expect(long.endsWith("…")).toBe(true);
  });

  it("says plainly that moderation rejected the request", () => {
    const error = errorFromResponse(json(400, openai("Your request was rejected", "image_generation_user_error", "moderation_blocked")));
    expect(error.userMessage).toMatch(/rejected by the image service's safety system/);
  });

  it("reads Retry-After as seconds or as a date", () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    expect(errorFromResponse(json(429, openai("x", null, null), "3"), now).retryAfterMs).toBe(3000);
    expect(errorFromResponse(json(429, openai("x", null, null), "Tue, 01 Jan 2030 00:00:02 GMT"), now).retryAfterMs).toBe(2000);
    expect(errorFromResponse(json(429, openai("x", null, null)), now).retryAfterMs).toBeUndefined();
  });

  it("keeps details for logs in message, including the code", () => {
    const error = errorFromResponse(json(400, openai("Invalid size", "invalid_request_error", "invalid_value")));
    expect(error.message).toBe("Image API answered HTTP 400 (invalid_value, invalid_request_error): Invalid size");
  });

  it("uses the HTML title of a gateway page", () => {
    const error = errorFromResponse({ status: 502, contentType: "text/html", retryAfter: null, body: "<html><head><title>502 Bad Gateway</title></head></html>" });
    expect(error.message).toMatch(/502 Bad Gateway$/);
  });
});

describe("networkError", () => {
  const failed = (code: string) => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });

  it.each([
    ["ECONNREFUSED", false, true, false],
    ["ENOTFOUND", false, true, false],
    ["EAI_AGAIN", false, true, false],
    ["ECONNRESET", false, true, true],
    ["UND_ERR_SOCKET", false, true, true],
    ["UND_ERR_SOCKET", true, false, true],
    ["CERT_HAS_EXPIRED", false, false, false],
    ["SOMETHING_ELSE", false, false, true],
  ] as const)("%s (responded: %s) → connectionFailure %s, mayHaveProduced %s", (code, responded, connectionFailure, mayHaveProduced) => {
    const error = networkError(failed(code), { responded });
    expect(error.code).toBe("network");
    expect(error.connectionFailure).toBe(connectionFailure);
    expect(error.mayHaveProduced).toBe(mayHaveProduced);
    expect(error.message).toContain(code);
  });
});
