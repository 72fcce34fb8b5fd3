import { z } from "zod";
import { recordIdSchema } from "@/lib/validations/ids";
import { IMAGE_SIZES, MAX_REFERENCE_IMAGES, type ImageSize } from "@/lib/image-api/schemas";
import { lineTextSchema, multilineTextSchema, workspaceRefSchema } from "@/lib/validations/text";

export { IMAGE_SIZES, MAX_REFERENCE_IMAGES, type ImageSize };

export const PROMPT_MAX_LENGTH = 4000;
export const MAX_IMAGES_PER_GENERATION = 4;
export const REFERENCE_LABEL_MAX_LENGTH = 40;

export const SIZE_CHOICES: Record<ImageSize, { label: string; shape: string }> = {
  "1024x1024": { label: "Square", shape: "1:1" },
  "1536x1024": { label: "Landscape", shape: "3:2" },
  "1024x1536": { label: "Portrait", shape: "2:3" },
};

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

/** The @1…@5 tags a prompt uses, so the form can warn about tags that point at empty slots. */
export function referencedSlots(prompt: string): number[] {
  const slots = new Set<number>();
  for (const m of prompt.matchAll(/@([1-5])(?!\d)/g)) slots.add(Number(m[1]));
  return [...slots].sort();
}
