import { env } from "@/lib/env";
import type { ProfileOverride } from "./profile-config";

/** What the relay does with a model: which request fields it honours, what it takes, what it costs. */
export interface ModelProfile {
  model: string;
  /** false: one call returns one image whatever `n` says, so N images take N calls of n: 1. */
  honoursN: boolean;
  /** false: the picture's shape follows the prompt, not `size`. */
  honoursSize: boolean;
  /** Largest reference, in bytes as sent (decoded, before base64). */
  maxReferenceBytes: number;
  /** Largest reference, width × height. */
  maxReferencePixels: number;
  /** null: unknown (no estimate is shown). */
  price: { amount: number; currency: string; per: "call" | "image" } | null;
}

type ProfileTraits = Omit<ModelProfile, "model">;

/**
 * What the field relays for gpt-image-2-all document: no `n` ("call it N times in parallel"),
 * `size` ignored, references over about 1.5 MB fail with "Unknown error". The pixel cap is
 * 1536 × 1536 (2.36 MP): that is the largest output these relays return (2048 × 1152 for 16:9 is
 * the same count), so more reference pixels add upload bytes (the very cause of the failures)
 * without detail the model can render; and a 2.36 MP JPEG at quality 85 is typically 0.4–1 MB,
 * inside the byte cap at the first quality step.
 */
export const SAFE_TRAITS: ProfileTraits = {
  honoursN: false,
  honoursSize: false,
  maxReferenceBytes: 1_500_000,
  maxReferencePixels: 1536 * 1536,
  price: null,
};

/**
 * A relay that passes the OpenAI contract through: `n` and `size` honoured, references as large as
 * we store them (uploads ≤ 20 MB, normalised to ≤ 2048 px a side).
 */
export const IDEAL_TRAITS: ProfileTraits = {
  honoursN: true,
  honoursSize: true,
  maxReferenceBytes: 20 * 1024 * 1024,
  maxReferencePixels: 2048 * 2048,
  price: null,
};

const BASES = { safe: SAFE_TRAITS, ideal: IDEAL_TRAITS } as const;

/** Models whose behaviour we know without configuration. */
const BUILT_IN: Record<string, ProfileTraits> = {
  "gpt-image-2-all": SAFE_TRAITS,
};

/**
 * A model nobody described gets the safe traits: assuming too much fails the way users report as
 * worst (asked for 4, got 1; a reference refused with "Unknown error"), assuming too little costs
 * only parallel calls and a smaller reference. IMAGE_MODEL_PROFILES says `"like": "ideal"` for the
 * models that honour everything.
 */
export function resolveProfile(model: string, overrides: Record<string, ProfileOverride>): ModelProfile {
  const { like, ...fields } = overrides[model] ?? {};
  const base = like ? BASES[like] : (BUILT_IN[model] ?? SAFE_TRAITS);
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as Partial<ProfileTraits>;
  return { model, ...base, ...defined };
}

/** The profile of `model`: IMAGE_MODEL_PROFILES over the built-ins. */
export function modelProfile(model: string): ModelProfile {
  return resolveProfile(model, env.IMAGE_MODEL_PROFILES);
}
