import type { ImageShape } from "@/lib/generated/prisma/enums";
import type { ImageSize } from "@/lib/image-api/sizes";

/**
 * Relays that ignore `size` answer in their own pixels (1672×941 for a 16:9 prompt, 1254×1254
 * for a square one), so a shape is judged by the aspect ratio with a tolerance rather than by
 * exact sizes: within 10 % of 1:1 is square. prisma/migrations/*_image_shape backfilled stored
 * rows with the same rule in SQL.
 */
export const SQUARE_TOLERANCE = 1.1;

export function shapeOf(width: number, height: number): ImageShape {
  if (width >= height * SQUARE_TOLERANCE) return "LANDSCAPE";
  if (height >= width * SQUARE_TOLERANCE) return "PORTRAIT";
  return "SQUARE";
}

/** The shape a requested size asks for ("1536x1024" is landscape). */
export function shapeOfSize(size: ImageSize): ImageShape {
  const [width, height] = size.split("x").map(Number) as [number, number];
  return shapeOf(width, height);
}
