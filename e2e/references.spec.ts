import sharp from "sharp";
import { photoJpeg } from "../lib/images/testing/fixtures";
import { expect, test } from "./fixtures";
import { addReferences, referenceImage, waitForUploads } from "./studio";

/** The body of every reference upload the page sends, in bytes, with the stored asset it got back. */
function watchUploads(page: import("@playwright/test").Page) {
  const sent: { bytes: number; asset: { width: number; height: number } }[] = [];
  page.on("requestfinished", async (request) => {
    if (request.method() !== "POST" || !request.url().endsWith("/uploads")) return;
    // Chromium reports no body size for a streamed multipart body; its Content-Length is exact.
    const [length, response] = await Promise.all([request.headerValue("content-length"), request.response()]);
    sent.push({ bytes: Number(length), asset: ((await response!.json()) as { asset: { width: number; height: number } }).asset });
  });
  return sent;
}

test("a 12 MP camera photo is downsized in the browser: about 1 MB is sent, the server stores it at 2048 px", async ({ signedIn: page }) => {
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
  expect(sent[0]!.asset).toMatchObject({ width: 2048, height: 1536 });
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
