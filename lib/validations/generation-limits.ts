import { IMAGE_SIZES, MAX_REFERENCE_IMAGES, type ImageSize } from "@/lib/image-api/sizes";

// The Create form's limits and choices, apart from the zod schemas (lib/validations/generation.ts
// re-exports them) so that browser code importing a number does not ship zod with it.

export { IMAGE_SIZES, MAX_REFERENCE_IMAGES, type ImageSize };

export const PROMPT_MAX_LENGTH = 4000;
export const MAX_IMAGES_PER_GENERATION = 4;
export const REFERENCE_LABEL_MAX_LENGTH = 40;
/** A pinned reference's name in the workspace's library. */
export const LIBRARY_NAME_MAX_LENGTH = 60;

export const SIZE_CHOICES: Record<ImageSize, { label: string; shape: string }> = {
  "1024x1024": { label: "Square", shape: "1:1" },
  "1536x1024": { label: "Landscape", shape: "3:2" },
  "1024x1536": { label: "Portrait", shape: "2:3" },
};

/** The @1…@5 tags a prompt uses, so the form can warn about tags that point at empty slots. */
export function referencedSlots(prompt: string): number[] {
  const slots = new Set<number>();
  for (const m of prompt.matchAll(/@([1-5])(?!\d)/g)) slots.add(Number(m[1]));
  return [...slots].sort();
}
