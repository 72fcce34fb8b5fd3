import { SIZE_CHOICES, type ImageSize } from "@/lib/validations/generation-limits";

/**
 * The words appended to the prompt that is sent when the model ignores `size` (its pictures take
 * their shape from the prompt). In the prompt's own language, so it reads as part of it. Shared by
 * the Create form (which shows the sent prompt before it goes) and the action that stores it.
 */
const HINTS: Record<ImageSize, { en: string; zh: string }> = {
  "1024x1024": { en: "square, 1:1 aspect ratio", zh: "方形 1:1" },
  "1536x1024": { en: "landscape, 3:2 aspect ratio", zh: "横版 3:2" },
  "1024x1536": { en: "portrait, 2:3 aspect ratio", zh: "竖版 2:3" },
};

const HAN = /\p{Script=Han}/u;

export function shapeHint(size: ImageSize, prompt: string): string {
  return HAN.test(prompt) ? HINTS[size].zh : HINTS[size].en;
}

/** The prompt as sent: the person's words, then the hint when it is on. */
export function sentPrompt(prompt: string, size: ImageSize, withHint: boolean): string {
  const trimmed = prompt.trim();
  if (!withHint) return trimmed;
  return HAN.test(trimmed) ? `${trimmed}，${shapeHint(size, trimmed)}` : `${trimmed}, ${shapeHint(size, trimmed)}`;
}

/**
 * "asked Landscape 1536×1024 · got 1672×941" when a result's real pixels differ from the requested
 * size (relays that ignore `size` shape the picture by the prompt), else null.
 */
export function sizeNote(requested: string, width: number, height: number): string | null {
  if (requested === `${width}x${height}`) return null;
  const label = SIZE_CHOICES[requested as ImageSize]?.label;
  return `asked ${label ? `${label} ` : ""}${requested.replace("x", "×")} · got ${width}×${height}`;
}

/** The shape a picture really has, for filters: its aspect ratio against the three sizes'. */
export function realShape(width: number, height: number): ImageSize {
  const ratio = width / height;
  if (ratio > 1.15) return "1536x1024";
  if (ratio < 1 / 1.15) return "1024x1536";
  return "1024x1024";
}
