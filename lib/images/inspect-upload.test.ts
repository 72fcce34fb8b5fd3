import { createTranslator } from "use-intl/core";
import { describe, expect, it } from "vitest";

import { messages } from "@/lib/i18n/messages";

import { acceptUpload, UploadRejectedError } from "./inspect-upload";
import { MAX_UPLOAD_BYTES } from "./limits";
import {
  animatedGif,
  avif,
  blackPng,
  heicHeader,
  png,
  rotatedJpeg,
  svg,
  tiff,
  transparentPng,
  webp,
} from "./testing/fixtures";

async function rejection(bytes: Buffer, fileName: string): Promise<UploadRejectedError> {
  const error = await acceptUpload(bytes, fileName).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UploadRejectedError);
  return error as UploadRejectedError;
}

describe("acceptUpload accepts", () => {
  it("a PNG", async () => {
    const bytes = await png(64, 48);
    expect(await acceptUpload(bytes, "a.png")).toEqual({
      mime: "image/png",
      width: 64,
      height: 48,
      bytes: bytes.length,
      animated: false,
      reference: expect.objectContaining({ mime: "image/webp", width: 64, height: 48 }),
    });
  });

  it("a PNG with transparency", async () => {
    const inspected = await acceptUpload(await transparentPng(10, 20), "t.png");
    expect(inspected).toMatchObject({ mime: "image/png", width: 10, height: 20 });
  });

  it("a JPEG, reporting its size as displayed after EXIF orientation", async () => {
    const inspected = await acceptUpload(await rotatedJpeg(), "photo.jpg");
    expect(inspected).toMatchObject({ mime: "image/jpeg", width: 200, height: 300 });
  });

  it("a WebP", async () => {
    const inspected = await acceptUpload(await webp(30, 20), "a.webp");
    expect(inspected).toMatchObject({ mime: "image/webp", width: 30, height: 20, animated: false });
  });

  it("an animated GIF, flagged as such, with the size of one frame", async () => {
    const inspected = await acceptUpload(await animatedGif(), "loop.gif");
    expect(inspected).toMatchObject({ mime: "image/gif", width: 40, height: 30, animated: true });
  });

  it("an AVIF", async () => {
    const inspected = await acceptUpload(await avif(30, 20), "a.avif");
    expect(inspected).toMatchObject({ mime: "image/avif", width: 30, height: 20 });
  });

  it("by content, whatever the extension says", async () => {
    expect(await acceptUpload(await webp(), "holiday.png")).toMatchObject({ mime: "image/webp" });
  });
});

describe("acceptUpload refuses", () => {
  it("text renamed .png", async () => {
    const error = await rejection(Buffer.from("Dear diary,\nToday we went to the beach.\n"), "holiday.png");
    expect(error.message).toBe("holiday.png is not an image we can read (it looks like text)");
  });

  it.each([true, false])("an SVG (XML declaration: %s)", async (withDeclaration) => {
    const error = await rejection(svg(withDeclaration), "logo.svg");
    expect(error.message).toBe("logo.svg is not an image we can read (SVG drawings are not accepted)");
  });

  it("a file larger than 20 MB, without looking inside", async () => {
    const error = await rejection(Buffer.alloc(MAX_UPLOAD_BYTES + 1), "big.png");
    expect(error.message).toBe("big.png is larger than 20 MB");
  });

  it("a file of exactly 20 MB only for what it contains", async () => {
    const error = await rejection(Buffer.alloc(MAX_UPLOAD_BYTES), "zeros.png");
    expect(error.message).toBe("zeros.png is not an image we can read (we do not recognise its format)");
  });

  it("a 20000×20000 PNG from its header, without decoding it", async () => {
    const bytes = blackPng(20000, 20000);
    const started = performance.now();
    const error = await rejection(bytes, "huge.png");
    expect(error.message).toBe("huge.png is 20000×20000 pixels; the limit is 50 megapixels");
    // Decoding it takes ~17 s here; reading the header takes milliseconds.
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("a truncated PNG", async () => {
    const whole = await png(300, 200);
    const error = await rejection(whole.subarray(0, Math.floor(whole.length / 2)), "cut.png");
    expect(error.message).toBe("cut.png is damaged or incomplete, so we cannot read it");
  });

  it("a truncated JPEG", async () => {
    const whole = await rotatedJpeg();
    const error = await rejection(whole.subarray(0, Math.floor(whole.length * 0.6)), "cut.jpg");
    expect(error.message).toBe("cut.jpg is damaged or incomplete, so we cannot read it");
  });

  it("a PNG whose image data is corrupted", async () => {
    const bytes = Buffer.from(await png(300, 200));
    bytes.fill(0x11, 45, bytes.length - 20);
    const error = await rejection(bytes, "garbled.png");
    expect(error.message).toBe("garbled.png is damaged or incomplete, so we cannot read it");
  });

  it("an image type we do not accept", async () => {
    const error = await rejection(await tiff(), "scan.tif");
    expect(error.message).toBe(
      "scan.tif is a TIF image, which we do not accept; please use PNG, JPEG, WebP, GIF or AVIF",
    );
  });

  it("the same refusal in Chinese names the formats in Chinese", async () => {
    const error = await rejection(await tiff(), "scan.tif");
    const zh = createTranslator({ locale: "zh-CN", messages: messages["zh-CN"] }) as unknown as (key: string, params?: object) => string;
    expect(zh(`errors.${error.problem.code}`, error.problem.params)).toBe(
      "scan.tif 是 TIF 图片，我们不接受这种格式；请使用 PNG、JPEG、WebP、GIF 或 AVIF",
    );
  });

  it("an HEIC photo, which this build of sharp cannot decode", async () => {
    const error = await rejection(heicHeader(), "IMG_0001.HEIC");
    expect(error.message).toBe(
      "IMG_0001.HEIC is a HEIC image, which we do not accept; please use PNG, JPEG, WebP, GIF or AVIF",
    );
  });

  it("another kind of file", async () => {
    const pdf = Buffer.from("%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n");
    const error = await rejection(pdf, "cv.png");
    expect(error.message).toBe("cv.png is not an image we can read (it looks like a PDF file)");
  });

  it("an empty file", async () => {
    expect((await rejection(Buffer.alloc(0), "empty.png")).message).toBe("empty.png is empty");
  });

  it("naming the file safely: no directories, no control characters, not too long", async () => {
    const text = Buffer.from("just text");
    expect((await rejection(text, "C:\\Users\\me\\notes.png")).message).toMatch(/^notes\.png is not/);
    expect((await rejection(text, "bad\u0000\u202ename.png")).message).toMatch(/^badname\.png is not/);
    expect((await rejection(text, `${"x".repeat(200)}.png`)).message).toMatch(/^x{79}… is not/);
    expect((await rejection(text, "")).message).toMatch(/^This file is not/);
  });
});
