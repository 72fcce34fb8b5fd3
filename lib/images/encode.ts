import { createHash } from "node:crypto";

import type { Sharp } from "sharp";

import { decode, readHeader } from "./decode";
import { type AcceptedFormat, sniffImage } from "./formats";
import { REFERENCE_MAX_SIDE, THUMBNAIL_WIDTH } from "./limits";

export interface EncodedImage {
  bytes: Buffer;
  mime: "image/webp" | "image/png";
  width: number;
  height: number;
  /** Hex SHA-256 of `bytes`, for content-addressed storage keys. */
  sha256: string;
}

export interface ImageDescription {
  mime: string;
  width: number;
  height: number;
  bytes: number;
  sha256: string;
}

/** Thumbnails are at most this many times taller than wide: a tall strip stays a thumbnail, within WebP's 16383 px. */
const THUMBNAIL_MAX_ASPECT = 4;

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Only bytes of an accepted type reach a decoder, so sharp's other loaders (SVG, PDF, TIFF…) never run on them. */
async function acceptedFormat(bytes: Buffer): Promise<AcceptedFormat> {
  const sniffed = await sniffImage(bytes);
  if (!sniffed.accepted) throw new Error(`Not an accepted image (it looks like ${JSON.stringify(sniffed.looksLike)})`);
  return sniffed.format;
}

async function finish(pipeline: Sharp, mime: EncodedImage["mime"]): Promise<EncodedImage> {
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  return { bytes: data, mime, width: info.width, height: info.height, sha256: sha256(data) };
}

/**
 * A reference as sent to the image endpoint: upright, longest side ≤ 2048 px, metadata (EXIF, GPS,
 * ICC after conversion to sRGB) stripped, as sharp does by default. Opaque images become WebP at
 * quality 90, visually lossless at a fraction of PNG's size, which matters when references travel
 * inline as data URLs. Images with real transparency stay lossless PNG: edit endpoints read
 * transparent areas as the region to repaint, so the alpha must survive exactly, and PNG is the
 * format those endpoints document for it.
 */
export async function normaliseReference(bytes: Buffer): Promise<EncodedImage> {
  await acceptedFormat(bytes);
  const image = decode(bytes);
  const transparent = (await image.metadata()).hasAlpha && !(await image.clone().stats()).isOpaque;
  const pipeline = image
    .autoOrient()
    .resize({ width: REFERENCE_MAX_SIDE, height: REFERENCE_MAX_SIDE, fit: "inside", withoutEnlargement: true });
  return transparent
    ? finish(pipeline.png(), "image/png")
    : finish(pipeline.removeAlpha().webp({ quality: 90 }), "image/webp");
}

/** A WebP thumbnail `width` px wide (never enlarged), upright and without metadata. */
export async function makeThumbnail(
  bytes: Buffer,
  { width = THUMBNAIL_WIDTH }: { width?: number } = {},
): Promise<EncodedImage> {
  await acceptedFormat(bytes);
  const pipeline = decode(bytes)
    .autoOrient()
    .resize({ width, height: width * THUMBNAIL_MAX_ASPECT, fit: "inside", withoutEnlargement: true })
    .webp({ quality: 80 });
  return finish(pipeline, "image/webp");
}

/** Type, displayed size and hash of an image stored as-is (a result copied from the endpoint), read from its header. */
export async function describeImage(bytes: Buffer): Promise<ImageDescription> {
  const format = await acceptedFormat(bytes);
  const header = await readHeader(bytes);
  return {
    mime: format.mime,
    width: header.autoOrient.width,
    height: header.autoOrient.height,
    bytes: bytes.length,
    sha256: sha256(bytes),
  };
}

/** A data URL, for references the endpoint must receive inline. */
export function toDataUrl(bytes: Buffer, mime: string): string {
  return `data:${mime};base64,${bytes.toString("base64")}`;
}
