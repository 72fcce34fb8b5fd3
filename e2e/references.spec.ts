import sharp from "sharp";
import { REFERENCE_KEEP_MAX_BYTES, REFERENCE_MAX_SIDE } from "../lib/images/limits";
import { photoJpeg } from "../lib/images/testing/fixtures";
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
  // Stored 4032 × 3024, left half red, right half blue, under photo-like noise (several MB, so it
  // takes the scaled decode); displayed rotated 90° clockwise: 3024 × 4032 with red on top.
  const [noise, blue] = await Promise.all([
    sharp({ create: { width: 4032, height: 3024, channels: 3, background: "#000", noise: { type: "gaussian", mean: 128, sigma: 20 } } }).raw().toBuffer(),
    sharp({ create: { width: 2016, height: 3024, channels: 3, background: "#0000ff" } }).png().toBuffer(),
  ]);
  const halves = await sharp({ create: { width: 4032, height: 3024, channels: 3, background: "#ff0000" } })
    .composite([{ input: blue, left: 2016, top: 0 }])
    .png()
    .toBuffer();
  const photo = await sharp(halves)
    .composite([{ input: noise, raw: { width: 4032, height: 3024, channels: 3 }, blend: "soft-light" }])
    .jpeg({ quality: 95 })
    .withMetadata({ orientation: 6 })
    .toBuffer();
  expect(photo.length).toBeGreaterThan(REFERENCE_KEEP_MAX_BYTES);
  const sent = watchUploads(page);

  await addReferences(page, [{ name: "IMG_0006.jpg", mimeType: "image/jpeg", buffer: photo }]);
  await waitForUploads(page);
  await expect.poll(() => sent.length).toBe(1);
  expect(sent[0]!.bytes).toBeLessThan(photo.length / 3);

  const { width, height, url } = sent[0]!.asset;
  expect(height).toBeGreaterThan(width);
  const stored = await page.request.get(url);
  expect(stored.status()).toBe(200);
  const { data, info } = await sharp(await stored.body()).raw().toBuffer({ resolveWithObject: true });
  const pixel = (x: number, y: number) => {
    const at = (y * info.width + x) * info.channels;
    return { red: data[at]!, blue: data[at + 2]! };
  };
  const top = pixel(info.width >> 1, info.height >> 3);
  const bottom = pixel(info.width >> 1, info.height - (info.height >> 3));
  expect(top.red).toBeGreaterThan(top.blue + 100);
  expect(bottom.blue).toBeGreaterThan(bottom.red + 100);
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
