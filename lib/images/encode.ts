import { createHash } from "node:crypto";

import sharp, { type Metadata, type Sharp } from "sharp";

import { decode, hasTransparency, readHeader } from "./decode";
import { type AcceptedFormat, sniffImage } from "./formats";
import { REFERENCE_KEEP_MAX_BYTES, REFERENCE_MAX_SIDE, THUMBNAIL_WIDTH } from "./limits";

export interface EncodedImage {
  bytes: Buffer;
  mime: "image/webp" | "image/png" | "image/jpeg";
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
 *
 * The source is decoded once (an upload's check passes its header in, and a damaged file fails
 * here). A JPEG that is already such a reference (the browser downsized it: small, upright, no
 * metadata) is kept byte for byte once that decode has proved it whole: re-encoding would only
 * cost time and quality.
 */
export async function normaliseReference(bytes: Buffer, header?: Metadata): Promise<EncodedImage> {
  await acceptedFormat(bytes);
  const meta = header ?? (await readHeader(bytes));
  const { width, height } = meta.autoOrient;
  if (isPlainSmallJpeg(meta, bytes.length)) {
    await decode(bytes).raw().toBuffer();
    return { bytes, mime: "image/jpeg", width, height, sha256: sha256(bytes) };
  }
  const pipeline = decode(bytes).autoOrient().resize(referenceBox(meta));
  if (!meta.hasAlpha) return finish(pipeline.webp(REFERENCE_WEBP), "image/webp");
  // The alpha decides the format, so the pixels are decoded once and both look and encode read them.
  const { data, info } = await pipeline.ensureAlpha().raw().toBuffer({ resolveWithObject: true });
  const pixels = sharp(data, { raw: { width: info.width, height: info.height, channels: 4 } });
  return hasTransparency(data)
    ? finish(pixels.png(), "image/png")
    : finish(pixels.removeAlpha().webp(REFERENCE_WEBP), "image/webp");
}

/** Effort 2 of 6: on a 2016 px photo ~40 % faster than the default 4, and no bigger (measured with sharp 0.35). */
const REFERENCE_WEBP = { quality: 90, effort: 2 } as const;

function isPlainSmallJpeg(meta: Metadata, length: number): boolean {
  return (
    meta.format === "jpeg" &&
    length <= REFERENCE_KEEP_MAX_BYTES &&
    Math.max(meta.width, meta.height) <= REFERENCE_MAX_SIDE &&
    (meta.orientation ?? 1) === 1 &&
    !meta.exif &&
    !meta.icc &&
    !meta.xmp &&
    !meta.iptc
  );
}

/**
 * The resize box for a reference. A JPEG just under twice (or four times…) the maximum side is
 * scaled to exactly a half (a quarter…) of itself instead — at most 10 % below the maximum — so
 * libjpeg shrinks it while decoding (DCT scaling), which only whole factors allow: a 12 MP phone
 * photo (4032 px) lands at 2016 px instead of being decoded whole for 1.6 % more pixels.
 */
function referenceBox(meta: Metadata) {
  const longest = Math.max(meta.width, meta.height);
  let side = REFERENCE_MAX_SIDE;
  if (meta.format === "jpeg") {
    for (const factor of [8, 4, 2]) {
      if (longest < factor * REFERENCE_MAX_SIDE && longest >= factor * REFERENCE_MAX_SIDE * 0.9) {
        side = Math.floor(longest / factor);
        break;
      }
    }
  }
  return { width: side, height: side, fit: "inside" as const, withoutEnlargement: true };
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
