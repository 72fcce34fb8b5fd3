import { z } from "zod";
import { IMAGE_SIZES, MAX_IMAGES_PER_GENERATION, MAX_REFERENCE_IMAGES, PROMPT_MAX_LENGTH } from "@/lib/validations/generation";
import { lineTextSchema, multilineTextSchema } from "@/lib/validations/text";

/**
 * POST /api/v1/images/generations, as OpenAI-style clients send it. Fields we do not use (quality,
 * style, user, …) are accepted and ignored, as the relay contract does; `size: "auto"` is square.
 */
export const apiGenerationSchema = z.object({
  model: lineTextSchema.trim().min(1).max(100).optional(),
  prompt: z.string({ error: "prompt is required." }).pipe(
    multilineTextSchema
      .trim()
      .min(1, "prompt must not be empty.")
      .max(PROMPT_MAX_LENGTH, `prompt must be at most ${PROMPT_MAX_LENGTH} characters.`),
  ),
  size: z
    .preprocess((v) => (v === "auto" ? undefined : v), z.enum(IMAGE_SIZES, { error: `size must be one of ${IMAGE_SIZES.join(", ")} or auto.` }).optional())
    .transform((v) => v ?? "1024x1024"),
  n: z
    .number({ error: "n must be a whole number." })
    .int("n must be a whole number.")
    .min(1, "n must be at least 1.")
    .max(MAX_IMAGES_PER_GENERATION, `n must be at most ${MAX_IMAGES_PER_GENERATION}.`)
    .default(1),
  image: z
    .union([z.string(), z.array(z.string(), { error: "image must be a URL, a data URL, or a list of them." })])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
    .pipe(z.array(z.string()).max(MAX_REFERENCE_IMAGES, `image takes at most ${MAX_REFERENCE_IMAGES} references.`)),
  response_format: z.enum(["url", "b64_json"], { error: "response_format must be url or b64_json." }).default("url"),
});

export type ApiGenerationInput = z.output<typeof apiGenerationSchema>;
