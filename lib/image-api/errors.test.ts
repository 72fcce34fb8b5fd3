import { describe, expect, it } from "vitest";
import { errorFromResponse, networkError, redact, type ErrorResponse, type RequestContext } from "./errors";
import { FAILURE_CLASSES, FAILURE_TABLE } from "./failures";

const json = (status: number, body: unknown, retryAfter: string | null = null): ErrorResponse => ({
  status,
  contentType: "application/json",
  retryAfter,
  body: JSON.stringify(body),
});
/** The OpenAI error shape, which one-api / new-api keep, with their typical type and empty param. */
const openai = (message: string, type: string | null, code: string | null, param: string | null = null) => ({
  error: { message, type, param, code },
});
const html = (status: number, body: string, contentType = "text/html; charset=UTF-8"): ErrorResponse => ({
  status,
  contentType,
  retryAfter: null,
  body,
});

const CLOUDFLARE_524 = `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<html class="no-js" lang="en-US"> <!--<![endif]-->
<head>
<title>api.relay.example | 524: A timeout occurred</title>
</head>
<body><div id="cf-wrapper"><h1><span class="inline-block">A timeout occurred</span>
<span class="code-label">Error code 524</span></h1>
<p>The origin web server timed out responding to this request.</p>
<span>Cloudflare Ray ID: <strong class="font-semibold">8c1f2a3b4c5d6e7f</strong></span></div></body></html>`;

const NGINX_502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n";

const BIG_DATA_REFERENCE: RequestContext = { referenceBytes: [1_800_000] };

/**
 * Bodies as relays send them (texts from one-api / new-api issue threads and the OpenAI API),
 * one or more per class, with the status they arrive with.
 */
const CASES: [string, ErrorResponse, string, RequestContext?][] = [
  // safety: also as 500 and 429
  ["OpenAI moderation_blocked 400", json(400, openai("Your request was rejected as a result of our safety system. Your request may contain content that is not allowed by our safety system.", "image_generation_user_error", "moderation_blocked")), "safety"],
  ["relay safety as 500", json(500, openai("Your request was rejected as a result of our safety system. (request id: 20251103123456789abcdef)", "upstream_error", "content_policy_violation")), "safety"],
  ["relay safety as 429", json(429, openai("Your request was rejected by the safety system.", "new_api_error", null)), "safety"],
  ["Chinese safety 500", json(500, openai("生成失败：提示词包含敏感内容，已被安全系统拦截 (request id: 2025110312345)", "upstream_error", "sensitive_words_detected")), "safety"],
  // rate limited / saturated
  ["OpenAI 429", json(429, openai("Rate limit reached for images per minute. Please try again in 12s.", "requests", "rate_limit_exceeded")), "rate_limited"],
  ["new-api saturated", json(429, openai("当前分组上游负载已饱和，请稍后再试 (request id: 20250423020142736330894dLoIRrS6)", "new_api_error", null, "")), "rate_limited"],
  ["new-api saturated (upstream_error)", json(429, openai("当前分组上游负载已饱和，请稍后再试 (request id: 20260521174921838127707FxeB1sRH)", "upstream_error", "bad_response_status_code", "404")), "rate_limited"],
  ["old one-api saturated, billing-looking code", json(429, openai("当前分组负载已饱和，请稍后再试，或升级账户以提升服务质量。", "billing_not_active", "billing_not_active", "")), "rate_limited"],
  ["503 overloaded", json(503, openai("The engine is currently overloaded, please try again later.", "server_error", "service_unavailable")), "rate_limited"],
  // out of balance, also on 429
  ["one-api user quota 403", json(403, openai("user quota is not enough (request id: 2025022812471383075820526629)", "one_api_error", "insufficient_user_quota", "")), "out_of_balance"],
  ["new-api pre-deduction (flat shape)", json(403, { code: "insufficient_user_quota", message: "预扣费额度失败, 用户剩余额度: ＄0.100000, 需要预扣费额度: ＄0.440000", data: null }), "out_of_balance"],
  ["new-api pre-deduction as 429", json(429, openai("预扣费额度失败, 用户剩余额度: ＄2.533620, 需要预扣费额度: ＄2.627750 (request id: 202605112024597472269388268d9d6jwygcKzZ)", "new_api_error", "pre_consume_token_quota_failed")), "out_of_balance"],
  ["用户额度不足", json(429, openai("用户额度不足, 剩余额度: ＄0.000000 (request id: 2025...)", "new_api_error", null)), "out_of_balance"],
  ["token exhausted as 401", json(401, openai("该令牌额度已用尽 TokenStatusExhausted[sk-abc***xyz]", "new_api_error", null)), "out_of_balance"],
  ["OpenAI insufficient_quota 429", json(429, openai("You exceeded your current quota, please check your plan and billing details.", "insufficient_quota", "insufficient_quota")), "out_of_balance"],
  // model unavailable
  ["no channel (one-api)", json(503, openai("当前分组 default 下对于模型 gpt-image-2-all 无可用渠道 (request id: 2024072018492912623278)", "one_api_error", null)), "model_unavailable"],
  ["no channel (new-api distributor)", json(503, openai("分组 auto 下模型 gpt-image-2-all 无可用渠道（distributor） (request id: 2026042418413181641393iYiPvWMa)", "new_api_error", "model_not_found")), "model_unavailable"],
  ["new-api token without access to the model", json(403, openai("该令牌无权访问模型 gpt-image-2-all", "new_api_error", null)), "model_unavailable"],
  ["model_not_found 404", json(404, openai("The model 'gpt-image-9' does not exist or you do not have access to it.", "invalid_request_error", "model_not_found", "model")), "model_unavailable"],
  // bad key
  ["OpenAI invalid key", json(401, openai("Incorrect API key provided: sk-abc***xyz. You can find your API key at https://platform.openai.com/account/api-keys.", "invalid_request_error", "invalid_api_key")), "bad_key"],
  ["new-api invalid token", json(401, openai("无效的令牌 (request id: 20250101000000000000000)", "new_api_error", "")), "bad_key"],
  ["new-api expired token as 403", json(403, openai("该令牌已过期", "new_api_error", null)), "bad_key"],
  // bad request
  ["invalid size", json(400, openai("Invalid value: '512x512'. Supported values are: '1024x1024', '1536x1024', '1024x1536', and 'auto'.", "invalid_request_error", "invalid_value", "size")), "bad_request"],
  ["unknown parameter", json(400, openai("Unrecognized request argument supplied: quality_boost", "invalid_request_error", "unknown_parameter")), "bad_request"],
  // reference rejected / unreadable
  ["invalid image param", json(400, openai("Invalid image at image[1]: the bytes are not a decodable image", "invalid_request_error", "invalid_image", "image[1]")), "reference_rejected"],
  ["Chinese image too large", json(400, openai("图片大小超过限制，最大支持 1.5MB", "upstream_error", null)), "reference_rejected"],
  ["relay failed to download the reference", json(500, openai("failed to download image from https://files.example/ref.png: 403 Forbidden", "upstream_error", "bad_response_status_code")), "reference_rejected"],
  ["Unknown error after a 1.8 MB reference", json(500, openai("Unknown error", "upstream_error", null)), "reference_rejected", BIG_DATA_REFERENCE],
  ["Unknown error after a URL reference", json(500, { error: { message: "Unknown error (request id: 2025110300000)", type: "new_api_error" } }), "reference_rejected", { referenceBytes: [null] }],
  ["413 HTML with references", html(413, "<html><head><title>413 Request Entity Too Large</title></head><body></body></html>"), "reference_rejected", BIG_DATA_REFERENCE],
  // gateway pages
  ["nginx 502", html(502, NGINX_502, "text/html"), "gateway"],
  ["nginx 504", html(504, NGINX_502.replaceAll("502 Bad Gateway", "504 Gateway Time-out"), "text/html"), "gateway"],
  ["Cloudflare 524", html(524, CLOUDFLARE_524), "gateway"],
  ["Cloudflare 521 as JSON-less empty", { status: 521, contentType: null, retryAfter: null, body: "" }, "gateway"],
  ["502 JSON", json(502, { error: "bad gateway" }), "gateway"],
  // timeouts
  ["408", json(408, { message: "Request Timeout" }), "timeout"],
  // server errors
  ["500 plain", json(500, openai("The server had an error while processing your request. Sorry about that!", "server_error", null)), "server_error"],
  ["Unknown error without references", json(500, openai("Unknown error", "upstream_error", null)), "server_error"],
  ["500 Chinese internal", json(500, openai("上游服务器内部错误，请联系管理员", "new_api_error", "do_request_failed")), "server_error"],
  // not an answer we understand
  ["302", { status: 302, contentType: null, retryAfter: null, body: "" }, "bad_response"],
];

describe("errorFromResponse: one realistic body per class", () => {
  it.each(CASES)("%s → %s", (_, response, failureClass, context) => {
    const error = errorFromResponse(response, context);
    expect(error.failureClass).toBe(failureClass);
    expect(error.status).toBe(response.status);
    expect(error.raw?.status).toBe(response.status);
    // A call that may have been billed is never retried on its own.
    if (error.autoRetry) expect(error.charged).toBe("no");
  });

  it("covers every class a relay answer can end in", () => {
    const seen = new Set(CASES.map(([, response, , context]) => errorFromResponse(response, context).failureClass));
    const answerClasses = FAILURE_CLASSES.filter((c) => !["timeout", "network", "no_images", "result_expired", "result_not_image", "cancelled", "interrupted"].includes(c));
    for (const c of answerClasses) expect(seen, c).toContain(c);
  });

  it("says who pays: refusals before work are not charged, broken answers may be", () => {
    expect(errorFromResponse(json(403, { code: "insufficient_user_quota", message: "预扣费额度失败" })).charged).toBe("no");
    expect(errorFromResponse(json(429, openai("当前分组上游负载已饱和，请稍后再试", "new_api_error", null)))).toMatchObject({ charged: "no", autoRetry: true });
    expect(errorFromResponse(json(500, openai("Your request was rejected by the safety system.", null, null)))).toMatchObject({ charged: "maybe", autoRetry: false });
    expect(errorFromResponse(html(524, CLOUDFLARE_524))).toMatchObject({ charged: "maybe", autoRetry: false });
    // Cloudflare never reached the origin: nothing was done.
    expect(errorFromResponse({ status: 523, contentType: "text/html", retryAfter: null, body: "<html><title>523</title></html>" }).charged).toBe("no");
    expect(errorFromResponse({ status: 302, contentType: null, retryAfter: null, body: "" }).charged).toBe("no");
  });


  it("names the parameter of a bad request, from param or from the message", () => {
    expect(errorFromResponse(CASES.find(([name]) => name === "invalid size")![1]).param).toBe("size");
    expect(errorFromResponse(CASES.find(([name]) => name === "unknown parameter")![1]).param).toBe("quality_boost");
    expect(errorFromResponse(json(400, openai("Invalid 'prompt': string too long.", "invalid_request_error", null))).param).toBe("prompt");
    expect(errorFromResponse(json(400, openai("参数 quality 不合法 (request id: 2025)", "new_api_error", null, ""))).param).toBe("quality");
    // new-api fills param with junk such as a status code; that is not a parameter.
    expect(errorFromResponse(json(400, openai("bad", "upstream_error", null, "404"))).param).toBeUndefined();
  });

  it("reads Retry-After as seconds or as a date", () => {
    const now = Date.parse("2030-01-01T00:00:00Z");
    expect(errorFromResponse(json(429, openai("x", null, null), "3"), {}, now).retryAfterMs).toBe(3000);
    expect(errorFromResponse(json(429, openai("x", null, null), "Tue, 01 Jan 2030 00:00:02 GMT"), {}, now).retryAfterMs).toBe(2000);
    expect(errorFromResponse(json(429, openai("x", null, null)), {}, now).retryAfterMs).toBeUndefined();
  });

  it("keeps details for logs in message, including code, type and class", () => {
    const error = errorFromResponse(json(400, openai("Invalid size", "invalid_request_error", "invalid_value")));
    expect(error.message).toBe("Image API answered HTTP 400 (invalid_value, invalid_request_error) → bad_request: Invalid size");
    const gateway = errorFromResponse(html(502, NGINX_502, "text/html"));
    expect(gateway.message).toMatch(/502 Bad Gateway$/);
  });

  it("keeps the first 2 KB of the raw answer, redacted", () => {
    const body = JSON.stringify(
      openai(`Incorrect API key provided: sk-live-1234567890abcdef for ops@relay.example; Authorization: Bearer abc.def.ghi ${"x".repeat(5000)}`, "invalid_request_error", "invalid_api_key"),
    );
    const error = errorFromResponse({ status: 401, contentType: "application/json", retryAfter: null, body }, { secrets: ["my-own-key-123"] });
    expect(error.raw!.excerpt.length).toBeLessThanOrEqual(2048);
    expect(error.raw!.excerpt).not.toMatch(/1234567890abcdef|ops@relay\.example|abc\.def\.ghi/);
    expect(error.raw!.excerpt).toContain("sk-[redacted]");
    expect(error.raw!.excerpt).toContain("[email]");
    expect(error.message).not.toMatch(/1234567890abcdef/);
  });
});

describe("redact", () => {
  it("removes our own key wherever it appears, and key-like fields", () => {
    expect(redact('{"api_key": "hunter2-secret", "note": "my-own-key-123 leaked"}', ["my-own-key-123"])).toBe(
      '{"api_key": [redacted], "note": "[redacted] leaked"}',
    );
  });

  it("shortens base64 runs to a marker", () => {
    expect(redact(`{"b64_json": "data:image/png;base64,${"A".repeat(400)}"}`)).toBe('{"b64_json": "data:image/png;base64,[base64 data]"}');
  });
});

describe("FAILURE_TABLE", () => {
  it("has a reason and a next step for every class, and retries only what is never charged", () => {
    for (const c of FAILURE_CLASSES) {
      const row = FAILURE_TABLE[c];
      expect(row.reason.length, c).toBeGreaterThan(20);
      expect(row.next.length, c).toBeGreaterThan(10);
      if (row.autoRetry) expect(row.charged, c).toBe("no");
    }
  });
});

describe("networkError", () => {
  const failed = (code: string) => Object.assign(new TypeError("fetch failed"), { cause: Object.assign(new Error(code), { code }) });

  it.each([
    ["ECONNREFUSED", false, "no", true],
    ["ENOTFOUND", false, "no", true],
    ["EAI_AGAIN", false, "no", true],
    // A reset may come after the relay read the request: it may be generating (and billing).
    ["ECONNRESET", false, "maybe", false],
    ["UND_ERR_SOCKET", false, "maybe", false],
    ["UND_ERR_SOCKET", true, "maybe", false],
    ["CERT_HAS_EXPIRED", false, "no", false],
    ["SOMETHING_ELSE", false, "maybe", false],
  ] as const)("%s (responded: %s) → charged %s, autoRetry %s", (code, responded, charged, autoRetry) => {
    const error = networkError(failed(code), { responded });
    expect(error).toMatchObject({ failureClass: "network", charged, autoRetry });
    expect(error.message).toContain(code);
  });
});
