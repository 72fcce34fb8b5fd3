import { z } from "zod";

/**
 * The IMAGE_MODEL_PROFILES setting: a JSON object keyed by model name, each value a partial
 * profile laid over a base (`like`: "safe" or "ideal"; default the model's own built-in, else
 * "safe"). Kept apart from profiles.ts so lib/env.ts can validate it at start-up without an
 * import cycle (profiles.ts reads env).
 *
 *   IMAGE_MODEL_PROFILES='{"gpt-image-1": {"like": "ideal", "price": {"amount": 0.04, "currency": "USD", "per": "image"}}}'
 */
export const profilePriceSchema = z.strictObject({
  amount: z.number().nonnegative(),
  currency: z.string().trim().min(1).max(8),
  per: z.enum(["call", "image"]),
});

export const profileOverrideSchema = z.strictObject({
  like: z.enum(["safe", "ideal"]).optional(),
  honoursN: z.boolean().optional(),
  honoursSize: z.boolean().optional(),
  /** Bytes of one reference as sent (decoded, not base64). */
  maxReferenceBytes: z.number().int().min(64 * 1024).optional(),
  /** Width × height of one reference as sent. */
  maxReferencePixels: z.number().int().min(256 * 256).optional(),
  price: profilePriceSchema.nullable().optional(),
});

export type ProfileOverride = z.infer<typeof profileOverrideSchema>;

const overridesSchema = z.record(z.string().trim().min(1), profileOverrideSchema);

/** For lib/env.ts: blank or unset is no overrides; anything else must be valid JSON of the shape above. */
export const modelProfilesSetting = z
  .string()
  .optional()
  .transform((raw, ctx): Record<string, ProfileOverride> => {
    if (raw === undefined || raw.trim() === "") return {};
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      ctx.addIssue({ code: "custom", message: "must be JSON, e.g. {\"my-model\": {\"like\": \"ideal\"}}" });
      return z.NEVER;
    }
    const parsed = overridesSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: "custom", message: `${issue.path.join(".") || "(root)"}: ${issue.message}` });
      }
      return z.NEVER;
    }
    return parsed.data;
  });
