import type { useTranslations } from "next-intl";
import type { ImageSize } from "@/lib/validations/generation-limits";

/** The gallery's translator, from useTranslations("gallery") or getTranslations("gallery"). */
export type GalleryT = ReturnType<typeof useTranslations<"gallery">>;

const SHAPE = { "1024x1024": "square", "1536x1024": "landscape", "1024x1536": "portrait" } as const satisfies Record<ImageSize, string>;

const dimensions = (size: string) => size.replace("x", "×");

/** The shape's word (Landscape, 横版) of one of the offered sizes, or null for any other size. */
export function shapeName(t: GalleryT, size: string): string | null {
  const shape = SHAPE[size as ImageSize];
  return shape ? t(`shape.${shape}`) : null;
}

/** "Landscape · 1536×1024": a requested size as the gallery labels it. */
export function sizeLabel(t: GalleryT, size: string): string {
  const shape = shapeName(t, size);
  return shape ? t("size.label", { shape, size: dimensions(size) }) : dimensions(size);
}

/**
 * "asked Landscape 1536×1024 · got 1672×941" when a result's real pixels differ from the requested
 * size (relays that ignore `size` shape the picture by the prompt), else null.
 */
export function sizeNote(t: GalleryT, requested: string, width: number, height: number): string | null {
  if (requested === `${width}x${height}`) return null;
  const shape = shapeName(t, requested);
  const values = { size: dimensions(requested), actual: `${width}×${height}` };
  return shape ? t("size.note", { ...values, shape }) : t("size.noteBare", values);
}
