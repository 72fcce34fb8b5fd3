import { IMAGE_SIZES, MAX_IMAGES_PER_GENERATION, MAX_REFERENCE_IMAGES, type ImageSize } from "@/lib/validations/generation-limits";

/** The Create form's draft as kept in localStorage: only finished uploads (a half-sent file cannot be resumed after a reload). */
export interface StoredDraft {
  prompt: string;
  size: ImageSize;
  n: number;
  model: string;
  shapeHint: boolean;
  parentId?: string;
  references: { assetId: string; url: string; fileName: string; label: string }[];
}

const isString = (v: unknown): v is string => typeof v === "string";

/**
 * The stored draft if it still has the shape this version writes, else null (an older version's,
 * an edited one, another app's key). Hand-checked rather than with zod, which the Create page
 * would otherwise ship to every browser for this one read. The prompt has no cap here: an
 * over-long one is the person's own text, shown with its counter, not dropped.
 */
export function parseStoredDraft(raw: string | null): StoredDraft | null {
  let value: unknown;
  try {
    value = JSON.parse(raw ?? "null");
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null) return null;
  const d = value as Record<string, unknown>;
  const { prompt, size, n, model, shapeHint = true, parentId, references } = d;
  if (!isString(prompt) || !isString(model) || !(parentId === undefined || isString(parentId))) return null;
  // Drafts stored before the switch was kept have none: the hint's default, on.
  if (typeof shapeHint !== "boolean") return null;
  if (!IMAGE_SIZES.includes(size as ImageSize)) return null;
  if (!Number.isInteger(n) || (n as number) < 1 || (n as number) > MAX_IMAGES_PER_GENERATION) return null;
  if (!Array.isArray(references) || references.length > MAX_REFERENCE_IMAGES) return null;
  const refs: StoredDraft["references"] = [];
  for (const r of references as unknown[]) {
    if (typeof r !== "object" || r === null) return null;
    const { assetId, url, fileName, label } = r as Record<string, unknown>;
    if (!isString(assetId) || !isString(url) || !isString(fileName) || !isString(label)) return null;
    refs.push({ assetId, url, fileName, label });
  }
  return { prompt, size: size as ImageSize, n: n as number, model, shapeHint, ...(parentId === undefined ? {} : { parentId }), references: refs };
}
