import { useTranslations } from "next-intl";
import { SIZE_CHOICES, type ImageSize } from "@/lib/validations/generation-limits";

/** "1536×1024": a size as people read it. */
export const sizeText = (size: string) => size.replace("x", "×");

/** The shape word of a requested size (横版 / Landscape …), or null for a size we do not offer. */
export function useShapeName(): (size: string) => string | null {
  const t = useTranslations("common.shape");
  return (size) => (size in SIZE_CHOICES ? t(size as ImageSize) : null);
}

/**
 * "asked Landscape 1536×1024 · got 1672×941" when a result's real pixels differ from the size
 * asked for (relays that ignore `size` shape the picture by the prompt); nothing when they match.
 * Works in server and client components alike.
 */
export function SizeNote({ requested, width, height, className }: { requested: string; width: number; height: number; className?: string }) {
  const t = useTranslations("common");
  const shapeName = useShapeName();
  if (requested === `${width}x${height}`) return null;
  const shape = shapeName(requested);
  const args = { requested: sizeText(requested), actual: `${width}×${height}` };
  return (
    <p className={className} data-testid="size-note">
      {shape ? t("sizeNote", { ...args, shape }) : t("sizeNoteUnknown", args)}
    </p>
  );
}
