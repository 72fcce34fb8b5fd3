import { z } from "zod";
import { ImageApiError, classify, errorDetail, errorFromAnswer, isHtml, rawAnswer, type RequestContext } from "./errors";

export { IMAGE_SIZES, type ImageSize, MAX_REFERENCE_IMAGES } from "./sizes";

export interface GeneratedItem {
  url?: string;
  b64Json?: string;
  revisedPrompt?: string;
}

export interface GenerationResult {
  created: number;
  items: GeneratedItem[];
}

/** The endpoint sends "" (and some gateways null) for a field it means to leave out. */
const absentIfEmpty = (v: unknown) => (v === "" || v === null ? undefined : v);

const itemSchema = z
  .object({
    url: z.preprocess(absentIfEmpty, z.url({ protocol: /^https?$/ }).optional()),
    b64_json: z.preprocess(absentIfEmpty, z.string().optional()),
    revised_prompt: z.preprocess(absentIfEmpty, z.string().optional()),
  })
  .refine((item) => item.url !== undefined || item.b64_json !== undefined, "item has neither url nor b64_json");

export const generationResponseSchema = z
  .object({
    // Some relays leave it out; nothing depends on it but logs.
    created: z
      .number()
      .int()
      .optional()
      .transform((v) => v ?? Math.floor(Date.now() / 1000)),
    data: z.array(itemSchema).min(1, "data is empty: no images came back"),
  })
  .transform(
    (body): GenerationResult => ({
      created: body.created,
      items: body.data.map((item) => ({
        ...(item.url !== undefined && { url: item.url }),
        ...(item.b64_json !== undefined && { b64Json: item.b64_json }),
        ...(item.revised_prompt !== undefined && { revisedPrompt: item.revised_prompt }),
      })),
    }),
  );

/**
 * Parses a 2xx body, whatever its Content-Type says (relays send JSON as text/plain). A 2xx can
 * still be a failure: an `error` object instead of `data` is classified like any error answer,
 * an empty `data` is no_images, and anything unreadable is bad_response, which was probably charged.
 */
export function parseGenerationResponse(
  body: string,
  contentType: string | null,
  context: RequestContext = {},
  status = 200,
): GenerationResult {
  const fail = (message: string, cause?: unknown) =>
    new ImageApiError({
      failureClass: "bad_response",
      message: `Image API success body: ${message}`,
      status,
      raw: rawAnswer(status, body, context.secrets),
      cause,
    });

  const html = isHtml(contentType, body);
  if (html) {
    const { failureClass, charged } = classify({ status, html, text: body }, context);
    throw errorFromAnswer({ status, html, body, failureClass, charged, context });
  }
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const looksCut = /^\s*[[{]/.test(body);
    throw fail(looksCut ? `truncated JSON (${body.length} bytes)` : `not JSON: ${JSON.stringify(body.slice(0, 80))}`, error);
  }
  const data = (json as { data?: unknown } | null)?.data;
  if (!Array.isArray(data) || data.length === 0) {
    const detail = errorDetail(json);
    if (detail) {
      const { failureClass, charged, param } = classify({ status, html, detail, text: body }, context);
      throw errorFromAnswer({ status, html, detail, body, failureClass, charged, param, context });
    }
    if (Array.isArray(data) || data === undefined || data === null) {
      throw new ImageApiError({
        failureClass: "no_images",
        message: `Image API success body: ${Array.isArray(data) ? "data is empty" : "no data"}: no images came back`,
        status,
        raw: rawAnswer(status, body, context.secrets),
      });
    }
  }
  const parsed = generationResponseSchema.safeParse(json);
  if (!parsed.success) throw fail(z.prettifyError(parsed.error).replace(/\s+/g, " "));
  return parsed.data;
}
