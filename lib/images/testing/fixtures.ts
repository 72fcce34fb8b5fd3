import zlib from "node:zlib";

import sharp, { type OverlayOptions } from "sharp";

/** Test images made in memory. */

export function solid(width: number, height: number, background: string, channels: 3 | 4 = 3) {
  return sharp({ create: { width, height, channels, background } });
}

export const png = (width = 64, height = 48) => solid(width, height, "#3366aa").png().toBuffer();
export const webp = (width = 64, height = 48) => solid(width, height, "#3366aa").webp().toBuffer();
export const avif = (width = 64, height = 48) => solid(width, height, "#3366aa").avif().toBuffer();
export const tiff = (width = 64, height = 48) => solid(width, height, "#3366aa").tiff().toBuffer();

/** Half-transparent red: alpha that must survive normalisation. */
export const transparentPng = (width = 64, height = 48) =>
  solid(width, height, "rgba(255, 0, 0, 0.5)", 4).png().toBuffer();

/** A PNG with an alpha channel in which every pixel is fully opaque. */
export const opaqueAlphaPng = (width = 64, height = 48) => solid(width, height, "#3366aa", 4).png().toBuffer();

/**
 * Stored 300 wide × 200 high (or as given), left half red and right half blue, tagged EXIF
 * orientation 6 ("rotate 90° clockwise to display"), so it displays 200 × 300 with red on top.
 */
export async function rotatedJpeg({ width = 300, height = 200, grain = false } = {}): Promise<Buffer> {
  // Grain (noise soft-lit over mid tones, which pure red and blue would flatten) makes it
  // compress like a camera photo: several MB at 12 MP.
  const [red, blue] = grain ? ["#cc3333", "#3333cc"] : ["#ff0000", "#0000ff"];
  const half = await solid(width / 2, height, blue).png().toBuffer();
  const layers: OverlayOptions[] = [{ input: half, left: width / 2, top: 0 }];
  if (grain) layers.push({ input: await noise(width, height), raw: { width, height, channels: 3 }, blend: "soft-light" });
  return solid(width, height, red).composite(layers).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
}

function noise(width: number, height: number): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 30 } } })
    .raw()
    .toBuffer();
}

/** Two 40 × 30 frames: red, then blue. */
export async function animatedGif(): Promise<Buffer> {
  const frames = await Promise.all(["#ff0000", "#0000ff"].map((c) => solid(40, 30, c).png().toBuffer()));
  return sharp(frames, { join: { animated: true } }).gif({ loop: 0, delay: [100, 100] }).toBuffer();
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/**
 * A valid, all-black RGB PNG of any size in milliseconds (sharp takes seconds at 20000 × 20000):
 * a full flush resets deflate's state, so one compressed band of rows, repeated, compresses the
 * whole image. `height` must be a multiple of 100.
 */
export function blackPng(width: number, height: number): Buffer {
  const rowsPerBand = 100;
  const rowBytes = 1 + width * 3;
  const band = zlib.deflateRawSync(Buffer.alloc(rowBytes * rowsPerBand), {
    finishFlush: zlib.constants.Z_FULL_FLUSH,
  });
  const total = rowBytes * height;
  // Adler-32 of `total` zero bytes: A stays 1, B gains 1 per byte.
  const adler = Buffer.alloc(4);
  adler.writeUInt32BE((((total % 65521) << 16) | 1) >>> 0);
  const idat = Buffer.concat([
    Buffer.from([0x78, 0x01]),
    ...Array.from({ length: height / rowsPerBand }, () => band),
    zlib.deflateRawSync(Buffer.alloc(0)),
    adler,
  ]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", idat),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The start of an HEIC photo: enough for file-type to recognise it. */
export function heicHeader(): Buffer {
  const ftyp = Buffer.from("\0\0\0\x18ftypheic\0\0\0\0mif1heic", "latin1");
  return Buffer.concat([ftyp, Buffer.alloc(64)]);
}

export const svg = (withXmlDeclaration: boolean) =>
  Buffer.from(
    `${withXmlDeclaration ? '<?xml version="1.0" encoding="UTF-8"?>\n' : ""}` +
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="100">\n' +
      '  <rect width="100" height="100" fill="red"/>\n' +
      "</svg>\n",
  );

/**
 * A camera-like JPEG: a gradient under Gaussian noise, which compresses like a photo (a 4032 × 3024
 * one is ~5 MB at quality 92), unlike a flat colour.
 */
export async function photoJpeg(width: number, height: number, { quality = 92 } = {}): Promise<Buffer> {
  return solid(width, height, "#6688aa")
    .composite([{ input: await noise(width, height), raw: { width, height, channels: 3 }, blend: "soft-light" }])
    .jpeg({ quality })
    .toBuffer();
}
