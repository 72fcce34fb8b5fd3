import sharp from "sharp";

import { decode, hasTransparency, readHeader } from "./decode";
import { sniffImage } from "./formats";

/** A model profile's limits for one reference as sent (lib/image-api/profiles.ts). */
export interface ReferenceLimits {
  maxBytes: number;
  maxPixels: number;
}

export interface FittedReference {
  bytes: Buffer;
  mime: string;
  width: number;
  height: number;
  /** false: the stored bytes were within the limits and are sent unchanged. */
  reencoded: boolean;
}

export class ReferenceTooLargeError extends Error {}

/** Lossy steps tried in order: the first that fits wins, so quality drops only as far as the cap demands. */
const QUALITY_STEPS = [90, 82, 74, 66, 58, 50, 42];
/** When even the lowest step is too big (noise, huge detail), the pixels shrink by this much and the steps run again. */
const SHRINK = 0.75;
const MIN_SIDE = 256;

/**
 * A stored reference within a relay's limits: unchanged when it already fits (no decode at all);
 * else decoded once, upright, scaled to at most maxPixels, then encoded at falling quality until it
 * is at most maxBytes — JPEG for opaque images (every relay reads it), WebP for transparent ones,
 * whose alpha an edit endpoint reads as the region to repaint (lossless PNG first when that fits).
 */
export async function fitReference(bytes: Buffer, limits: ReferenceLimits): Promise<FittedReference> {
  const sniffed = await sniffImage(bytes);
  if (!sniffed.accepted) throw new Error("Not an accepted image");
  const header = await readHeader(bytes);
  const { width, height } = header.autoOrient;
  const upright = (header.orientation ?? 1) === 1;
  if (bytes.length <= limits.maxBytes && width * height <= limits.maxPixels && upright) {
    return { bytes, mime: sniffed.format.mime, width, height, reencoded: false };
  }

  const { data, info } = await decode(bytes)
    .autoOrient()
    .resize(fitWithin(width, height, limits.maxPixels))
    .ensureAlpha()
    .raw()
    .toBuffer({ resolveWithObject: true });
  const transparent = hasTransparency(data);
  const raw = { width: info.width, height: info.height, channels: 4 as const };

  for (let size = { width: info.width, height: info.height }; ; size = shrink(size)) {
    if (Math.max(size.width, size.height) < MIN_SIDE) {
      throw new ReferenceTooLargeError(`A reference cannot be made smaller than ${limits.maxBytes} bytes`);
    }
    const pixels = () => {
      const image = sharp(data, { raw });
      return size.width === raw.width ? image : image.resize(size.width, size.height);
    };
    if (transparent) {
      const png = await pixels().png().toBuffer();
      if (png.length <= limits.maxBytes) return { bytes: png, mime: "image/png", ...size, reencoded: true };
    }
    const encode = (quality: number) =>
      transparent
        ? pixels().webp({ quality, alphaQuality: 100, effort: 2 }).toBuffer()
        : pixels().removeAlpha().jpeg({ quality, optimiseCoding: true }).toBuffer();
    const best = await highestFitting(encode, limits.maxBytes);
    if (best) return { bytes: best, mime: transparent ? "image/webp" : "image/jpeg", ...size, reencoded: true };
  }
}

/**
 * The encoding at the highest quality step that fits, by bisection (size falls with quality), so
 * at most three encodes per size instead of seven; null when even the lowest step is too big.
 */
async function highestFitting(encode: (quality: number) => Promise<Buffer>, maxBytes: number): Promise<Buffer | null> {
  let best: Buffer | null = null;
  // QUALITY_STEPS falls; lo..hi is the index range still undecided.
  for (let lo = 0, hi = QUALITY_STEPS.length - 1; lo <= hi; ) {
    const mid = Math.floor((lo + hi) / 2);
    const out = await encode(QUALITY_STEPS[mid]!);
    if (out.length <= maxBytes) {
      best = out;
      hi = mid - 1;
    } else {
      lo = mid + 1;
    }
  }
  return best;
}

/** The largest size of the same shape within maxPixels, never enlarged. */
function fitWithin(width: number, height: number, maxPixels: number): { width: number; height: number } {
  const scale = Math.min(1, Math.sqrt(maxPixels / (width * height)));
  return { width: Math.max(1, Math.floor(width * scale)), height: Math.max(1, Math.floor(height * scale)) };
}

function shrink(size: { width: number; height: number }): { width: number; height: number } {
  return { width: Math.floor(size.width * SHRINK), height: Math.floor(size.height * SHRINK) };
}
