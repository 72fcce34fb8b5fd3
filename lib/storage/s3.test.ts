import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { InvalidStorageKeyError } from "./keys";
import { createS3Storage } from "./s3";
import { startTestS3, type TestS3 } from "./testing/s3-server";

const KEY = "results/ab/abcdef.webp";
const BYTES = Buffer.from("RIFF....WEBPVP8 pretend image bytes");

let s3: TestS3;

beforeAll(async () => {
  s3 = await startTestS3();
});

afterAll(async () => {
  await s3.close();
});

describe("S3 storage against s3rver", () => {
  it("round-trips put → get → signedUrl → fetch → delete", async () => {
    const storage = createS3Storage(s3.options);
    expect(storage.driver).toBe("s3");

    await storage.put(KEY, BYTES, { contentType: "image/webp" });
    expect(await s3.keys()).toEqual([KEY]);
    expect((await storage.get(KEY))?.equals(BYTES)).toBe(true);

    const url = await storage.signedUrl(KEY, { expiresInSec: 120 });
    expect(url?.startsWith(`${s3.endpoint}/${s3.options.bucket}/${KEY}?`)).toBe(true);
    expect(new URL(url ?? "").searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
    const fetched = await fetch(url ?? "");
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("content-type")).toBe("image/webp");
    expect(Buffer.from(await fetched.arrayBuffer()).equals(BYTES)).toBe(true);

    const download = await fetch((await storage.signedUrl(KEY, { expiresInSec: 60, contentDisposition: 'attachment; filename="a.webp"' })) ?? "");
    expect(download.headers.get("content-disposition")).toBe('attachment; filename="a.webp"');
    await download.body?.cancel();

    await storage.delete([KEY]);
    expect(await s3.keys()).toEqual([]);
    expect(await storage.get(KEY)).toBeNull();
    expect((await fetch(url ?? "")).status).toBe(404);
  });

  it("gives the same signed URL twice in a row, so the browser's cache can answer", async () => {
    const storage = createS3Storage(s3.options);
    const [a, b] = await Promise.all([
      storage.signedUrl(KEY, { expiresInSec: 60 }),
      storage.signedUrl(KEY, { expiresInSec: 60 }),
    ]);
    expect(a).toBe(b);
    expect(Number(new URL(a ?? "").searchParams.get("X-Amz-Expires"))).toBeGreaterThanOrEqual(60);
  });

  it("signs for the public endpoint when one is given, and stores through the private one", async () => {
    const storage = createS3Storage({ ...s3.options, publicEndpoint: "http://files.example.test:9000" });
    await storage.put(KEY, BYTES, { contentType: "image/webp" });
    expect(await s3.keys()).toEqual([KEY]);
    expect(await storage.signedUrl(KEY, { expiresInSec: 60 })).toMatch(/^http:\/\/files\.example\.test:9000\/atelier-test\/results\/ab\/abcdef\.webp\?/);
    await storage.delete([KEY]);
  });

  it("returns null for a missing key and deletes missing keys (and many keys) without error", async () => {
    const storage = createS3Storage(s3.options);
    await storage.put(KEY, BYTES, { contentType: "image/webp" });
    expect(await storage.get("results/ab/missing.webp")).toBeNull();
    await storage.delete([]);
    const many = Array.from({ length: 1001 }, (_, i) => `thumbs/00/k${i}.webp`);
    await storage.delete(["results/ab/missing.webp", KEY, ...many]);
    expect(await s3.keys()).toEqual([]);
  });

  it("has a public URL only when a public base URL is configured", async () => {
    expect(await createS3Storage(s3.options).publicUrl(KEY)).toBeNull();
    const cdn = createS3Storage({ ...s3.options, publicBaseUrl: "https://cdn.example.com/files/" });
    expect(await cdn.publicUrl(KEY)).toBe("https://cdn.example.com/files/results/ab/abcdef.webp");
  });

  it("refuses unsafe keys before any request", async () => {
    const storage = createS3Storage(s3.options);
    for (const key of ["../x.png", "/etc/passwd", "Upper.png", ""]) {
      await expect(storage.put(key, BYTES, { contentType: "image/png" })).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.signedUrl(key, { expiresInSec: 60 })).rejects.toThrow(InvalidStorageKeyError);
    }
    await expect(storage.delete(["results/ok.png", "../x.png"])).rejects.toThrow(InvalidStorageKeyError);
  });
});
