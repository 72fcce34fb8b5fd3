import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterEach, beforeEach, describe, expect, it } from "vitest";

import { InvalidStorageKeyError } from "./keys";
import { createLocalStorage } from "./local";

const KEY = "results/ab/abcdef.webp";
const opts = { contentType: "image/webp" };

let root: string;

beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), "atelier-storage-"));
});

afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

describe("local storage", () => {
  it("stores bytes under the key's path and reads them back", async () => {
    const storage = createLocalStorage({ rootDir: root });
    await storage.put(KEY, Buffer.from("hello"), opts);

    expect(await readFile(path.join(root, "results", "ab", "abcdef.webp"), "utf8")).toBe("hello");
    expect((await storage.get(KEY))?.toString("utf8")).toBe("hello");
    expect(storage.driver).toBe("local");
  });

  it("puts the same key again without error and leaves no temp files behind", async () => {
    const storage = createLocalStorage({ rootDir: root });
    await storage.put(KEY, Buffer.from("same"), opts);
    await storage.put(KEY, Buffer.from("same"), opts);
    await Promise.all([1, 2, 3, 4].map(() => storage.put(KEY, Buffer.from("same"), opts)));

    expect(await readdir(path.join(root, "results", "ab"))).toEqual(["abcdef.webp"]);
    expect((await storage.get(KEY))?.toString("utf8")).toBe("same");
  });

  it("replaces an existing file whole", async () => {
    const storage = createLocalStorage({ rootDir: root });
    await storage.put(KEY, Buffer.from("first version, longer"), opts);
    await storage.put(KEY, Buffer.from("second"), opts);

    expect((await storage.get(KEY))?.toString("utf8")).toBe("second");
  });

  it("returns null for a key that holds nothing, including one that names a directory", async () => {
    const storage = createLocalStorage({ rootDir: root });
    await storage.put(KEY, Buffer.from("x"), opts);

    expect(await storage.get("results/ab/missing.webp")).toBeNull();
    expect(await storage.get("results/ab")).toBeNull();
    expect(await storage.get("results/ab/abcdef.webp/deeper")).toBeNull();
    expect(await storage.get("nothing/here.png")).toBeNull();
  });

  it("deletes the keys given and skips those that hold nothing", async () => {
    const storage = createLocalStorage({ rootDir: root });
    await storage.put(KEY, Buffer.from("x"), opts);
    await storage.put("thumbs/ab/abcdef.webp", Buffer.from("t"), opts);

    await storage.delete([KEY, "results/ab/missing.webp", "never/was.png"]);
    await storage.delete([]);

    expect(await storage.get(KEY)).toBeNull();
    expect((await storage.get("thumbs/ab/abcdef.webp"))?.toString("utf8")).toBe("t");
  });

  it("refuses unsafe keys before touching the disk", async () => {
    const outside = path.join(root, "outside.txt");
    await writeFile(outside, "keep");
    const storage = createLocalStorage({ rootDir: path.join(root, "store") });

    for (const key of ["../outside.txt", "/etc/passwd", "a/../../outside.txt", "Upper.png", ""]) {
      await expect(storage.put(key, Buffer.from("x"), opts)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.publicUrl(key)).rejects.toThrow(InvalidStorageKeyError);
    }
    await expect(storage.delete(["results/ok.png", "../outside.txt"])).rejects.toThrow(InvalidStorageKeyError);

    expect(await readFile(outside, "utf8")).toBe("keep");
    expect(await readdir(root)).toEqual(["outside.txt"]);
  });

  it("has a public URL only when a public base URL is configured, and never a signed one", async () => {
    expect(await createLocalStorage({ rootDir: root }).publicUrl(KEY)).toBeNull();
    expect(await createLocalStorage({ rootDir: root }).signedUrl(KEY, { expiresInSec: 60 })).toBeNull();
    const served = createLocalStorage({ rootDir: root, publicBaseUrl: "https://tunnel.example.com/api/files/" });
    expect(await served.publicUrl(KEY)).toBe("https://tunnel.example.com/api/files/results/ab/abcdef.webp");
  });
});
