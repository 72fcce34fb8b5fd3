import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { ReferenceTooLargeError, fitReference } from "./fit-reference";
import { png, rotatedJpeg, transparentPng } from "./testing/fixtures";

/** Gaussian noise compresses badly: the worst case for a byte cap. */
const noise = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: "#808080", noise: { type: "gaussian", mean: 128, sigma: 50 } } });

const FIELD = { maxBytes: 1_500_000, maxPixels: 1536 * 1536 };

describe("fitReference", () => {
  it("sends a reference that already fits unchanged, without decoding it", async () => {
    const bytes = await png(800, 600);
    const fitted = await fitReference(bytes, FIELD);
    expect(fitted).toEqual({ bytes, mime: "image/png", width: 800, height: 600, reencoded: false });
  });

  it("brings a large noisy photo under the field's 1.5 MB and 2.36 MP, keeping its shape", async () => {
    const bytes = await noise(3000, 2000).png().toBuffer();
    expect(bytes.length).toBeGreaterThan(FIELD.maxBytes);
    const fitted = await fitReference(bytes, FIELD);
    expect(fitted.mime).toBe("image/jpeg");
    expect(fitted.bytes.length).toBeLessThanOrEqual(FIELD.maxBytes);
    expect(fitted.width * fitted.height).toBeLessThanOrEqual(FIELD.maxPixels);
    expect(fitted.width / fitted.height).toBeCloseTo(1.5, 2);
    expect(await sharp(fitted.bytes).metadata()).toMatchObject({ format: "jpeg", width: fitted.width, height: fitted.height });
  });

  it("steps quality down until the bytes fit a tight cap", async () => {
    const bytes = await noise(1024, 1024).png().toBuffer();
    const firstStep = await sharp(bytes).jpeg({ quality: 90, optimiseCoding: true }).toBuffer();
    const cap = Math.floor(firstStep.length * 0.6);
    const fitted = await fitReference(bytes, { maxBytes: cap, maxPixels: 4096 * 4096 });
    expect(fitted).toMatchObject({ width: 1024, height: 1024, mime: "image/jpeg", reencoded: true });
    expect(fitted.bytes.length).toBeLessThanOrEqual(cap);
  });

  it("only shrinks the pixels to the cap, never enlarges", async () => {
    const fitted = await fitReference(await png(4000, 1000), { maxBytes: 20_000_000, maxPixels: 1_000_000 });
    expect(fitted.width * fitted.height).toBeLessThanOrEqual(1_000_000);
    expect(fitted).toMatchObject({ width: 2000, height: 500 });
  });

  it("keeps transparency (lossless PNG while it fits)", async () => {
    const bytes = await transparentPng(3000, 2000);
    const fitted = await fitReference(bytes, FIELD);
    expect(fitted.mime).toBe("image/png");
    const { data, info } = await sharp(fitted.bytes).raw().toBuffer({ resolveWithObject: true });
    expect(info.channels).toBe(4);
    expect(data[3]).toBeGreaterThan(100);
    expect(data[3]).toBeLessThan(160);
  });

  it("falls back to WebP with alpha when a transparent image is too big as PNG", async () => {
    const bytes = await noise(1800, 1800, 4).png().toBuffer();
    const fitted = await fitReference(bytes, FIELD);
    expect(fitted.mime).toBe("image/webp");
    expect(fitted.bytes.length).toBeLessThanOrEqual(FIELD.maxBytes);
    expect((await sharp(fitted.bytes).metadata()).hasAlpha).toBe(true);
  });

  it("turns an EXIF-rotated photo upright", async () => {
    const fitted = await fitReference(await rotatedJpeg(), FIELD);
    expect(fitted).toMatchObject({ width: 200, height: 300, reencoded: true });
    const { data } = await sharp(fitted.bytes).raw().toBuffer({ resolveWithObject: true });
    // Red on top once upright.
    expect(data[0]).toBeGreaterThan(200);
    expect(data[2]).toBeLessThan(60);
  });

  it("gives up clearly when no size and quality can meet the cap", async () => {
    await expect(fitReference(await noise(600, 400).png().toBuffer(), { maxBytes: 2_000, maxPixels: 4_000_000 })).rejects.toBeInstanceOf(
      ReferenceTooLargeError,
    );
  });

  it("fits several references in their order", async () => {
    const inputs = [await noise(2500, 1000).png().toBuffer(), await png(300, 300), await noise(1000, 2500).png().toBuffer()];
    const fitted = await Promise.all(inputs.map((b) => fitReference(b, FIELD)));
    expect(fitted.map((f) => f.width > f.height)).toEqual([true, false, false]);
    expect(fitted[1]!.reencoded).toBe(false);
  });
});
