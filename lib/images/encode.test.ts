import { createHash } from "node:crypto";

import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { describeImage, makeThumbnail, normaliseReference, toDataUrl } from "./encode";
import { animatedGif, opaqueAlphaPng, png, rotatedJpeg, solid, svg, transparentPng, webp } from "./testing/fixtures";

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

/** The colour of one pixel of an encoded image. */
async function pixel(bytes: Buffer, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(bytes).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + info.channels)];
}

describe("normaliseReference", () => {
  it("turns an opaque image into a WebP of the same size with a correct hash", async () => {
    const out = await normaliseReference(await png(640, 480));
    expect(out).toMatchObject({ mime: "image/webp", width: 640, height: 480, sha256: sha256(out.bytes) });
    expect(await sharp(out.bytes).metadata()).toMatchObject({
      format: "webp",
      width: 640,
      height: 480,
      hasAlpha: false,
    });
  });

  it("scales the longest side down to 2048 px", async () => {
    const out = await normaliseReference(await png(4096, 1024));
    expect(out).toMatchObject({ width: 2048, height: 512 });
    const tall = await normaliseReference(await webp(1000, 3000));
    expect(tall).toMatchObject({ width: 683, height: 2048 });
  });

  it("never enlarges", async () => {
    expect(await normaliseReference(await png(100, 50))).toMatchObject({ width: 100, height: 50 });
  });

  it("turns the image upright and strips its metadata", async () => {
    const out = await normaliseReference(await rotatedJpeg());
    expect(out).toMatchObject({ mime: "image/webp", width: 200, height: 300 });
    const meta = await sharp(out.bytes).metadata();
    expect(meta.orientation).toBeUndefined();
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    // Red was on the left when stored; after a quarter turn clockwise it is on top.
    const [r, , b] = await pixel(out.bytes, 100, 20);
    expect(r).toBeGreaterThan(200);
    expect(b).toBeLessThan(60);
  });

  it("keeps real transparency exactly, as PNG", async () => {
    const out = await normaliseReference(await transparentPng(64, 48));
    expect(out).toMatchObject({ mime: "image/png", width: 64, height: 48 });
    expect(await pixel(out.bytes, 10, 10)).toEqual([255, 0, 0, 128]);
  });

  it("drops an alpha channel that is opaque everywhere", async () => {
    const out = await normaliseReference(await opaqueAlphaPng());
    expect(out.mime).toBe("image/webp");
    expect((await sharp(out.bytes).metadata()).hasAlpha).toBe(false);
  });

  it("keeps the first frame of an animated GIF", async () => {
    const out = await normaliseReference(await animatedGif());
    expect(out).toMatchObject({ mime: "image/webp", width: 40, height: 30 });
    expect((await sharp(out.bytes).metadata()).pages).toBeUndefined();
    const [r, , b] = await pixel(out.bytes, 20, 15);
    expect(r).toBeGreaterThan(200);
    expect(b).toBeLessThan(60);
  });

  it("is deterministic, so equal inputs get equal storage keys", async () => {
    const input = await rotatedJpeg();
    expect((await normaliseReference(input)).sha256).toBe((await normaliseReference(input)).sha256);
  });
});

describe("normaliseReference and makeThumbnail", () => {
  it("refuse bytes that are not an accepted image, so no other decoder runs", async () => {
    await expect(normaliseReference(svg(false))).rejects.toThrow(/Not an accepted image/);
    await expect(makeThumbnail(svg(true))).rejects.toThrow(/Not an accepted image/);
  });
});

describe("makeThumbnail", () => {
  it("makes a 512 px wide WebP by default", async () => {
    const out = await makeThumbnail(await png(2048, 1024));
    expect(out).toMatchObject({ mime: "image/webp", width: 512, height: 256, sha256: sha256(out.bytes) });
    expect((await sharp(out.bytes).metadata()).format).toBe("webp");
  });

  it("takes another width, never enlarges, and turns the image upright", async () => {
    expect(await makeThumbnail(await png(1000, 500), { width: 200 })).toMatchObject({ width: 200, height: 100 });
    expect(await makeThumbnail(await png(300, 100))).toMatchObject({ width: 300, height: 100 });
    expect(await makeThumbnail(await rotatedJpeg(), { width: 100 })).toMatchObject({ width: 100, height: 150 });
  });

  it("keeps a thumbnail of a tall strip at most four times taller than wide", async () => {
    const strip = await solid(500, 20000, "#888888").png().toBuffer();
    expect(await makeThumbnail(strip)).toMatchObject({ width: 51, height: 2048 });
  });

  it("keeps transparency", async () => {
    const out = await makeThumbnail(await transparentPng(64, 48));
    expect((await sharp(out.bytes).metadata()).hasAlpha).toBe(true);
  });
});

describe("describeImage", () => {
  it("reports type, displayed size, byte count and hash without re-encoding", async () => {
    const bytes = await rotatedJpeg();
    expect(await describeImage(bytes)).toEqual({
      mime: "image/jpeg",
      width: 200,
      height: 300,
      bytes: bytes.length,
      sha256: sha256(bytes),
    });
    expect(await describeImage(await webp(30, 20))).toMatchObject({ mime: "image/webp", width: 30, height: 20 });
  });

  it("refuses what is not an accepted image", async () => {
    await expect(describeImage(Buffer.from("<html>error page</html>"))).rejects.toThrow(/Not an accepted image/);
    await expect(describeImage(svg(false))).rejects.toThrow(/Not an accepted image/);
  });
});

describe("toDataUrl", () => {
  it("encodes bytes as a base64 data URL", () => {
    expect(toDataUrl(Buffer.from([0x89, 0x50, 0x4e, 0x47]), "image/png")).toBe("data:image/png;base64,iVBORw==");
  });
});
