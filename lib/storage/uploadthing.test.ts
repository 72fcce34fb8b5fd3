import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { InvalidStorageKeyError } from "./keys";
import { type FakeUploadThing, startFakeUploadThing } from "./testing/fake-uploadthing";
import { createUploadThingStorage, customIdOf } from "./uploadthing";

const KEY = "results/ab/abcdef.webp";
const BYTES = Buffer.from("RIFF....WEBPVP8 pretend image bytes");

let fake: FakeUploadThing;

function storageFor(f: FakeUploadThing, token = f.token) {
  return createUploadThingStorage({
    token,
    apiUrl: f.apiUrl,
    ingestUrl: f.ingestUrl,
    ufsHost: f.ufsHost,
    ufsAppIdLocation: "path",
  });
}

afterEach(async () => {
  await fake.close();
});

describe("UploadThing storage against a fake UploadThing", () => {
  beforeEach(async () => {
    fake = await startFakeUploadThing();
  });

  it("round-trips put → publicUrl → fetch → get → delete", async () => {
    const storage = storageFor(fake);
    expect(storage.driver).toBe("uploadthing");

    await storage.put(KEY, BYTES, { contentType: "image/webp" });
    const stored = [...fake.files.values()];
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ customId: "results~ab~abcdef.webp", name: "abcdef.webp", type: "image/webp" });
    expect(stored[0]?.bytes.equals(BYTES)).toBe(true);

    const url = await storage.publicUrl(KEY);
    const signed = /\?expires=\d+&signature=hmac-sha256%3D[0-9a-f]{64}$/;
    expect(url?.startsWith(`${fake.apiUrl}/a/${fake.appId}/results~ab~abcdef.webp?`)).toBe(true);
    expect(url).toMatch(signed);
    const short = new URL((await storage.signedUrl(KEY, { expiresInSec: 90 })) ?? "");
    expect(Number(short.searchParams.get("expires")) - Date.now()).toBeLessThanOrEqual(90_000);
    const fetched = await fetch(url ?? "");
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get("content-type")).toBe("image/webp");
    expect(Buffer.from(await fetched.arrayBuffer()).equals(BYTES)).toBe(true);

    expect((await storage.get(KEY))?.equals(BYTES)).toBe(true);

    await storage.delete([KEY]);
    expect(fake.files.size).toBe(0);
    expect(await storage.get(KEY)).toBeNull();
    expect((await fetch(url ?? "")).status).toBe(404);
  });

  it("uploads a key only once however often it is put", async () => {
    const storage = storageFor(fake);
    await storage.put(KEY, BYTES, { contentType: "image/webp" });
    await storage.put(KEY, BYTES, { contentType: "image/webp" });

    expect(fake.files.size).toBe(1);
    expect(fake.requests.filter((r) => r.startsWith("PUT /ingest/"))).toHaveLength(1);
  });

  it("returns null for a missing key and deletes missing keys without error", async () => {
    const storage = storageFor(fake);
    await storage.put(KEY, BYTES, { contentType: "image/webp" });

    expect(await storage.get("results/ab/missing.webp")).toBeNull();
    await storage.delete(["results/ab/missing.webp", KEY]);
    await storage.delete([]);
    expect(fake.files.size).toBe(0);
  });

  it("serves only URLs signed with the app's own key", async () => {
    const storage = storageFor(fake);
    await storage.put(KEY, BYTES, { contentType: "image/webp" });
    const url = new URL((await storage.publicUrl(KEY)) ?? "");
    url.searchParams.set("signature", `hmac-sha256=${"0".repeat(64)}`);

    expect((await fetch(url)).status).toBe(403);
  });

  it("fails loudly with a token of another app", async () => {
    const other = await startFakeUploadThing();
    try {
      const storage = storageFor(fake, other.token);
      await expect(storage.put(KEY, BYTES, { contentType: "image/webp" })).rejects.toThrow(
        /upload of results\/ab\/abcdef.webp failed/,
      );
      await expect(storage.delete([KEY])).rejects.toThrow();
      expect(fake.files.size).toBe(0);
    } finally {
      await other.close();
    }
  });

  it("refuses unsafe keys before calling UploadThing", async () => {
    const storage = storageFor(fake);
    await expect(storage.put("../x.png", BYTES, { contentType: "image/png" })).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.get("/etc/passwd")).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.delete([KEY, "a/../b"])).rejects.toThrow(InvalidStorageKeyError);
    await expect(storage.publicUrl("UPPER.png")).rejects.toThrow(InvalidStorageKeyError);
    expect(fake.requests).toEqual([]);
  });
});

describe("UploadThing storage for an app whose files are private", () => {
  beforeEach(async () => {
    fake = await startFakeUploadThing({ defaultAcl: "private" });
  });

  it("still reads through signed URLs, while an unsigned URL is refused", async () => {
    const storage = storageFor(fake);
    await storage.put(KEY, BYTES, { contentType: "image/webp" });

    expect((await storage.get(KEY))?.equals(BYTES)).toBe(true);
    const unsigned = `${fake.apiUrl}/a/${fake.appId}/${customIdOf(KEY)}`;
    expect((await fetch(unsigned)).status).toBe(403);
  });
});
