import { z } from "zod";
import { ImageApiError, isHtml } from "./errors";

export const IMAGE_SIZES = ["1024x1024", "1536x1024", "1024x1536"] as const;
export type ImageSize = (typeof IMAGE_SIZES)[number];

/** The most reference images one request may carry. */
export const MAX_REFERENCE_IMAGES = 5;

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
    created: z.number().int(),
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
 * Parses a 2xx body. Every failure here happened after the endpoint did its work, so it is a
 * bad_response that may have produced images.
 */
export function parseGenerationResponse(body: string, contentType: string | null): GenerationResult {
  const fail = (message: string, cause?: unknown, userMessage?: string) =>
    new ImageApiError({
      code: "bad_response",
      message: `Image API success body: ${message}`,
      userMessage,
      mayHaveProduced: true,
      cause,
    });

  if (isHtml(contentType, body)) throw fail("an HTML page instead of JSON");
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const looksCut = /^\s*[[{]/.test(body);
    throw fail(looksCut ? `truncated JSON (${body.length} bytes)` : `not JSON: ${JSON.stringify(body.slice(0, 80))}`, error);
  }
  if (Array.isArray((json as { data?: unknown } | null)?.data) && (json as { data: unknown[] }).data.length === 0) {
    throw fail("data is empty: no images came back", undefined, "The image service answered but sent back no images. Please try again.");
  }
  const parsed = generationResponseSchema.safeParse(json);
  if (!parsed.success) throw fail(z.prettifyError(parsed.error).replace(/\s+/g, " "));
  return parsed.data;
}
