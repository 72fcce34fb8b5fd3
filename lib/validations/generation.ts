import { z } from "zod";
import { recordIdSchema } from "@/lib/validations/ids";
import {
  IMAGE_SIZES,
  MAX_IMAGES_PER_GENERATION,
  MAX_REFERENCE_IMAGES,
  PROMPT_MAX_LENGTH,
  REFERENCE_LABEL_MAX_LENGTH,
} from "@/lib/validations/generation-limits";
import { lineTextSchema, multilineTextSchema, workspaceRefSchema } from "@/lib/validations/text";

export * from "@/lib/validations/generation-limits";

const id = recordIdSchema;

export const createGenerationSchema = z.object({
  workspace: workspaceRefSchema,
  prompt: multilineTextSchema
    .trim()
    .min(1, "Describe the image you want.")
    .max(PROMPT_MAX_LENGTH, `Keep the prompt under ${PROMPT_MAX_LENGTH} characters.`),
  size: z.enum(IMAGE_SIZES, { error: "Pick one of the three sizes." }),
  n: z.coerce
    .number({ error: "Choose how many images." })
    .int()
    .min(1, "At least one image.")
    .max(MAX_IMAGES_PER_GENERATION, `At most ${MAX_IMAGES_PER_GENERATION} images at once.`),
  model: lineTextSchema.trim().max(100).optional(),
  references: z
    .array(
      z.object({
        assetId: id,
        label: lineTextSchema.trim().max(REFERENCE_LABEL_MAX_LENGTH, "Keep labels short.").optional(),
      }),
    )
    .max(MAX_REFERENCE_IMAGES, `At most ${MAX_REFERENCE_IMAGES} reference images.`)
    .refine((refs) => new Set(refs.map((r) => r.assetId)).size === refs.length, "Each reference can be used once.")
    .default([]),
  idempotencyKey: z.uuid("Missing request key; reload the page."),
  parentId: id.optional(),
  // Only used when the model's profile ignores `size`; the form shows it on by default.
  shapeHint: z.boolean().default(true),
});

export type CreateGenerationInput = z.infer<typeof createGenerationSchema>;

export const generationRefSchema = z.object({ workspace: workspaceRefSchema, generationId: id });

/** Retry: the whole generation's failed slots, or the one slot given. */
export const retryGenerationSchema = generationRefSchema.extend({
  slot: z.number().int().min(0).max(MAX_IMAGES_PER_GENERATION - 1).optional(),
});
