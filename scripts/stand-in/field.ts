import type { ApiFailure } from "./validate";

/**
 * How relays in the field answer for gpt-image-2-all, as their public documentation and the
 * one-api / new-api gateways they run on do: output shape from the prompt's words (size is
 * ignored), one image per call (n is ignored), errors in Chinese inside the OpenAI error shape.
 */

export interface Shape {
  width: number;
  height: number;
}

/** Output shapes of the field's 1K–2K renderer, by aspect ratio (16:9 is the documented 1672×941). */
const RATIOS: Record<string, Shape> = {
  "16:9": { width: 1672, height: 941 },
  "9:16": { width: 941, height: 1672 },
  "3:2": { width: 1536, height: 1024 },
  "2:3": { width: 1024, height: 1536 },
  "4:3": { width: 1448, height: 1086 },
  "3:4": { width: 1086, height: 1448 },
  "1:1": { width: 1254, height: 1254 },
};
const LANDSCAPE = /\b(landscape|horizontal|widescreen|wide)\b|横版|横图|横屏|宽屏/i;
const PORTRAIT = /\b(portrait|vertical|tall)\b|竖版|竖图|竖屏/i;
const SQUARE = /\bsquare\b|方形|正方形/i;

/** The shape a field relay renders for this prompt: an explicit ratio wins, then shape words, else square-ish 1024. */
export function fieldShape(prompt: string): Shape {
  const ratio = /(\d{1,2})\s*[:：]\s*(\d{1,2})/.exec(prompt);
  const known = ratio ? RATIOS[`${ratio[1]}:${ratio[2]}`] : undefined;
  if (known) return known;
  if (LANDSCAPE.test(prompt)) return RATIOS["16:9"]!;
  if (PORTRAIT.test(prompt)) return RATIOS["9:16"]!;
  if (SQUARE.test(prompt)) return RATIOS["1:1"]!;
  return { width: 1024, height: 1024 };
}

/** new-api appends one to every error message. */
function requestId(): string {
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 17);
  return `${stamp}${Math.random().toString(36).slice(2, 12)}`;
}

const withId = (message: string) => `${message} (request id: ${requestId()})`;

/** The field's answers to the stand-in's faults, built per call (each carries a fresh request id). */
export function fieldFailure(name: FieldFailureName, model: string): ApiFailure {
  switch (name) {
    case "bad-request":
      return { status: 400, message: withId("参数 prompt 不合法：请求无法处理"), type: "new_api_error", code: "invalid_request", param: "prompt" };
    case "bad-key":
      return { status: 401, message: withId("无效的令牌"), type: "new_api_error", code: "", param: "" };
    case "quota":
      return {
        status: 403,
        message: withId("预扣费额度失败, 用户剩余额度: ＄0.012000, 需要预扣费额度: ＄0.040000"),
        type: "new_api_error",
        code: "insufficient_user_quota",
        param: "",
      };
    case "quota-429":
      return { status: 429, message: withId("用户额度不足, 剩余额度: ＄0.000000"), type: "new_api_error", code: "insufficient_user_quota", param: "" };
    case "safety-500":
      return {
        status: 500,
        message: withId("Your request was rejected as a result of our safety system. Your request may contain content that is not allowed by our safety system."),
        type: "upstream_error",
        code: "moderation_blocked",
        param: "",
      };
    case "saturated":
      return { status: 429, message: withId("当前分组上游负载已饱和，请稍后再试"), type: "new_api_error", code: null, param: "" };
    case "no-channel":
      return { status: 503, message: withId(`当前分组 default 下对于模型 ${model} 无可用渠道`), type: "new_api_error", code: "model_not_found", param: "" };
    case "server-error":
      return { status: 500, message: withId("上游服务器内部错误"), type: "upstream_error", code: "bad_response_status_code", param: "" };
    case "unknown-error":
      // What the field answers for a reference over about 1.5 MB: nothing that names it.
      return { status: 500, message: "Unknown error", type: "upstream_error", code: null, param: "" };
    case "error-200":
      return { status: 200, message: withId("upstream error: do request failed"), type: "upstream_error", code: "do_request_failed", param: "" };
  }
}

export type FieldFailureName =
  | "bad-request"
  | "bad-key"
  | "quota"
  | "quota-429"
  | "safety-500"
  | "saturated"
  | "no-channel"
  | "server-error"
  | "unknown-error"
  | "error-200";

/** Cloudflare's page when the origin took longer than 100 s: what a slow relay behind Cloudflare shows. */
export function cloudflarePage(status: 520 | 524): string {
  const title = status === 524 ? "A timeout occurred" : "Web server is returning an unknown error";
  return `<!DOCTYPE html>
<!--[if lt IE 7]> <html class="no-js ie6 oldie" lang="en-US"> <![endif]-->
<html class="no-js" lang="en-US"> <!--<![endif]-->
<head>
<title>stand-in.relay | ${status}: ${title}</title>
<meta charset="UTF-8" />
</head>
<body>
<div id="cf-wrapper"><div id="cf-error-details" class="p-0">
<header class="mx-auto pt-10 lg:pt-6 lg:px-8 w-240 lg:w-full mb-8">
<h1 class="inline-block sm:block sm:mb-2 font-light text-60 lg:text-4xl text-black-dark leading-tight mr-2">
<span class="inline-block">${title}</span>
<span class="code-label">Error code ${status}</span></h1>
</header>
<p>The origin web server timed out responding to this request.</p>
<span class="cf-footer-item">Cloudflare Ray ID: <strong class="font-semibold">${requestId().slice(-16)}</strong></span>
</div></div>
</body>
</html>
`;
}
