import { createHash } from "node:crypto";

import sharp from "sharp";
import { describe, expect, it } from "vitest";

import { acceptUpload, UploadRejectedError } from "./inspect-upload";
import { REFERENCE_KEEP_MAX_BYTES } from "./limits";
import { photoJpeg, png, rotatedJpeg } from "./testing/fixtures";

/** The reference an upload becomes: one decode makes it, and that decode is also the damage check. */
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe("acceptUpload's reference", () => {
  it("shrinks a 12 MP photo by exactly a half, so the JPEG decoder scales while decoding", async () => {
    const photo = await photoJpeg(4032, 3024);
    const { width, height, reference } = await acceptUpload(photo, "IMG_0001.jpg");
    expect({ width, height }).toEqual({ width: 4032, height: 3024 });
    expect(reference).toMatchObject({ mime: "image/webp", width: 2016, height: 1512 });
    expect(await sharp(reference.bytes).metadata()).toMatchObject({ format: "webp", width: 2016, height: 1512 });
  });

  it("scales other big images to the 2048 px maximum (a PNG has no shrink-on-load; a JPEG not near a whole factor)", async () => {
    expect((await acceptUpload(await png(4032, 3024), "a.png")).reference).toMatchObject({ width: 2048, height: 1536 });
    expect((await acceptUpload(await photoJpeg(3000, 2000, { quality: 70 }), "b.jpg")).reference).toMatchObject({
      mime: "image/webp",
      width: 2048,
      height: 1365,
    });
  });

  it("keeps a small, upright JPEG without metadata byte for byte (as the browser sends a downsized photo)", async () => {
    const downsized = await photoJpeg(2048, 1536, { quality: 80 });
    expect(downsized.length).toBeLessThanOrEqual(REFERENCE_KEEP_MAX_BYTES);
    const { reference } = await acceptUpload(downsized, "IMG_0001.jpg");
    expect(reference).toEqual({ bytes: downsized, mime: "image/jpeg", width: 2048, height: 1536, sha256: sha256(downsized) });
  });

  it("re-encodes a small JPEG that carries metadata or an orientation, so none is stored", async () => {
    const tagged = await sharp(await photoJpeg(400, 300)).withExif({ IFD0: { Make: "Bench", Model: "Phone" } }).jpeg().toBuffer();
    const kept = await acceptUpload(tagged, "tagged.jpg");
    expect(kept.reference.mime).toBe("image/webp");
    expect((await sharp(kept.reference.bytes).metadata()).exif).toBeUndefined();
    expect((await acceptUpload(await rotatedJpeg(), "r.jpg")).reference).toMatchObject({ mime: "image/webp", width: 200, height: 300 });
  });

  it("re-encodes a JPEG within the size but above the byte limit for keeping", async () => {
    const heavy = await photoJpeg(2048, 1536, { quality: 100 });
    expect(heavy.length).toBeGreaterThan(REFERENCE_KEEP_MAX_BYTES);
    expect((await acceptUpload(heavy, "heavy.jpg")).reference.mime).toBe("image/webp");
  });

  it.each([
    ["a truncated JPEG that would otherwise be kept as it is", 2048, 0.7],
    ["a truncated 12 MP photo", 4032, 0.5],
  ])("refuses %s as damaged: the one decode is the check", async (_, width, keep) => {
    const whole = await photoJpeg(width, (width * 3) / 4, { quality: 80 });
    const error = await acceptUpload(whole.subarray(0, Math.floor(whole.length * keep)), "cut.jpg").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UploadRejectedError);
    expect((error as Error).message).toBe("cut.jpg is damaged or incomplete, so we cannot read it");
  });
});
