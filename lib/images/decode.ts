import sharp, { type Metadata, type Sharp } from "sharp";

import { MAX_INPUT_PIXELS } from "./limits";

/**
 * Every decode goes through here: sharp refuses more than MAX_INPUT_PIXELS itself, and "error"
 * fails truncated or damaged data while tolerating the harmless warnings many camera JPEGs raise.
 */
export function decode(bytes: Buffer): Sharp {
  return sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS, failOn: "error" });
}

/** Header only, whatever its size: for checking dimensions before anything is decoded. */
export function readHeader(bytes: Buffer): Promise<Metadata> {
  return sharp(bytes, { limitInputPixels: false }).metadata();
}

/** Any alpha below 255 in RGBA pixels. */
export function hasTransparency(rgba: Buffer): boolean {
  for (let i = 3; i < rgba.length; i += 4) if (rgba[i]! < 255) return true;
  return false;
}
