import sharp from "sharp";
import { REFERENCE_KEEP_MAX_BYTES, REFERENCE_MAX_SIDE } from "../lib/images/limits";
import { photoJpeg, rotatedJpeg } from "../lib/images/testing/fixtures";
import { expect, test } from "./fixtures";
import { addReferences, referenceImage, waitForUploads } from "./studio";

/** The body of every reference upload the page sends, in bytes, with the stored asset it got back. */
function watchUploads(page: import("@playwright/test").Page) {
  const sent: { bytes: number; asset: { width: number; height: number; url: string } }[] = [];
  page.on("requestfinished", async (request) => {
    if (request.method() !== "POST" || !request.url().endsWith("/uploads")) return;
    // Chromium reports no body size for a streamed multipart body; its Content-Length is exact.
    const [length, response] = await Promise.all([request.headerValue("content-length"), request.response()]);
    sent.push({ bytes: Number(length), asset: ((await response!.json()) as { asset: (typeof sent)[number]["asset"] }).asset });
  });
  return sent;
}

test("a 12 MP camera photo is downsized in the browser: about 1 MB is sent, the server stores it at ~2000 px", async ({ signedIn: page }) => {
  // Camera-like (noise under a gradient compresses like a photo): several MB at 4032 × 3024.
  const photo = await photoJpeg(4032, 3024, { quality: 95 });
  expect(photo.length).toBeGreaterThan(5 * 1024 * 1024);
  const sent = watchUploads(page);

  await addReferences(page, [{ name: "IMG_4032.jpg", mimeType: "image/jpeg", buffer: photo }]);
  await waitForUploads(page);
  await expect(page.getByTestId("reference-count")).toHaveText("1 / 5");
  await expect.poll(() => sent.length).toBe(1);

  expect(sent[0]!.bytes).toBeLessThan(1.5 * 1024 * 1024);
  expect(sent[0]!.bytes).toBeGreaterThan(100 * 1024);
  // Decoded at a DCT scale (1/2 here: 2016 × 1512), so at most the server's side and the same shape.
  const { width, height } = sent[0]!.asset;
  expect(Math.max(width, height)).toBeLessThanOrEqual(REFERENCE_MAX_SIDE);
  expect(Math.max(width, height)).toBeGreaterThan(REFERENCE_MAX_SIDE * 0.75);
  expect(width * 3).toBe(height * 4);
});

test("a sideways-stored camera photo (EXIF orientation 6) is downsized upright, the right way round", async ({ signedIn: page }) => {
  // Stored 4032 × 3024, left half red, right half blue, grainy like a photo (several MB, so it
  // takes the scaled decode); displayed rotated 90° clockwise: 3024 × 4032 with red on top.
  const photo = await rotatedJpeg({ width: 4032, height: 3024, grain: true });
  expect(photo.length).toBeGreaterThan(REFERENCE_KEEP_MAX_BYTES);
  const sent = watchUploads(page);

  await addReferences(page, [{ name: "IMG_0006.jpg", mimeType: "image/jpeg", buffer: photo }]);
  await waitForUploads(page);
  await expect.poll(() => sent.length).toBe(1);
  expect(sent[0]!.bytes).toBeLessThan(photo.length / 3);

  const { width, height, url } = sent[0]!.asset;
  // Portrait, in the photo's own proportions (3:4), not squeezed into the stored 4:3; and at the
  // DCT scale's size (1512 × 2016, where a full decode fitted to 2048 would give 1536 × 2048), so
  // the sideways frame took the scaled decode.
  expect(height).toBeGreaterThan(width);
  expect(width * 4).toBe(height * 3);
  expect([width, height]).toEqual([1512, 2016]);
  const stored = await page.request.get(url);
  expect(stored.status()).toBe(200);
  const bytes = await stored.body();
  const band = async (top: number) => {
    // stats() reads its input whole, so the band is cut out first.
    const cut = await sharp(bytes).extract({ left: (width >> 1) - 50, top, width: 100, height: 100 }).png().toBuffer();
    const { channels } = await sharp(cut).stats();
    return { red: channels[0]!.mean, blue: channels[2]!.mean };
  };
  const [upper, lower] = await Promise.all([band(height >> 3), band(height - (height >> 3) - 100)]);
  expect(upper.red).toBeGreaterThan(upper.blue + 80);
  expect(lower.blue).toBeGreaterThan(lower.red + 80);
});

test("a PNG, which may carry transparency, and a small JPEG are sent as they are", async ({ signedIn: page }) => {
  const png = await referenceImage("logo", "#2244aa", 1200, 900);
  const small = await sharp(png.buffer).flatten().jpeg({ quality: 80 }).toBuffer();
  const sent = watchUploads(page);

  await addReferences(page, [png, { name: "small.jpg", mimeType: "image/jpeg", buffer: small }]);
  await waitForUploads(page);
  await expect.poll(() => sent.length).toBe(2);

  // The multipart envelope adds a few hundred bytes around the file itself.
  const bodies = sent.map((s) => s.bytes).sort((a, b) => a - b);
  const files = [png.buffer.length, small.length].sort((a, b) => a - b);
  for (const [i, bytes] of bodies.entries()) {
    expect(bytes).toBeGreaterThan(files[i]!);
    expect(bytes).toBeLessThan(files[i]! + 1024);
  }
});
