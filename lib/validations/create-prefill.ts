import { z } from "zod";
import { recordIdSchema } from "@/lib/validations/ids";
import { IMAGE_SIZES, MAX_IMAGES_PER_GENERATION, MAX_REFERENCE_IMAGES, PROMPT_MAX_LENGTH } from "@/lib/validations/generation";
import { multilineTextSchema } from "@/lib/validations/text";


/**
 * The Create page's search params: `remix` (a generation of this workspace), or a plain prefill
 * (`prompt`, `size`, `n`, `refs`, `parent`) such as "Remix into my workspace" and "Use as
 * reference" produce. Reading them never writes: references must already exist. Anything malformed is ignored rather than refused: a link
 * should never break the page.
 */
export const createPrefillSchema = z.object({
  remix: recordIdSchema.optional().catch(undefined),
  prompt: multilineTextSchema.max(PROMPT_MAX_LENGTH).optional().catch(undefined),
  size: z.enum(IMAGE_SIZES).optional().catch(undefined),
  n: z.coerce.number().int().min(1).max(MAX_IMAGES_PER_GENERATION).optional().catch(undefined),
  refs: z
    .string()
    .optional()
    .transform((v) => (v ? v.split(",").filter((s) => recordIdSchema.safeParse(s).success).slice(0, MAX_REFERENCE_IMAGES) : []))
    .catch([]),
  /** The generation the prefill came from, recorded as the new one's parent when it is in this workspace. */
  parent: recordIdSchema.optional().catch(undefined),
});
