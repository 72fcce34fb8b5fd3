import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";

import { createS3Storage } from "@/lib/storage/s3";
import { startTestS3, type TestS3 } from "@/lib/storage/testing/s3-server";

// lib/http/route.ts imports Auth.js for its wrappers; storedFileResponse needs none of it.
vi.mock("@/lib/auth", () => ({ getViewer: async () => null }));

const BYTES = Buffer.from("pretend png bytes");
const FILE = { storageKey: "refs/ab/abcdef.png", mime: "image/png", sha256: "a".repeat(64) };

let s3: TestS3;
let localDir: string;

beforeAll(async () => {
  s3 = await startTestS3();
  await createS3Storage(s3.options).put(FILE.storageKey, BYTES, { contentType: FILE.mime });
  localDir = await mkdtemp(path.join(os.tmpdir(), "atelier-stored-file-"));
});

afterAll(async () => {
  await s3.close();
  await rm(localDir, { recursive: true, force: true });
});

afterEach(() => {
  vi.unstubAllEnvs();
});

async function freshStoredFileResponse(env: Record<string, string>) {
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  vi.resetModules();
  return (await import("./route")).storedFileResponse;
}

const s3Env = () => ({
  S3_BUCKET: s3.options.bucket,
  S3_ENDPOINT: s3.endpoint,
  S3_ACCESS_KEY_ID: "S3RVER",
  S3_SECRET_ACCESS_KEY: "S3RVER",
  S3_FORCE_PATH_STYLE: "true",
  S3_PUBLIC_BASE_URL: "",
});

describe("storedFileResponse", () => {
  it("redirects to a presigned URL on S3 instead of streaming, and that URL serves the bytes", async () => {
    const storedFileResponse = await freshStoredFileResponse(s3Env());
    const response = await storedFileResponse(new Request("http://app.test/api/files/x"), FILE, { "Cache-Control": "private" });

    expect(response.status).toBe(302);
    expect(response.headers.get("etag")).toBeNull();
    expect(response.headers.get("cache-control")).toBe("private, max-age=240");
    const location = response.headers.get("location") ?? "";
    expect(location.startsWith(`${s3.endpoint}/${s3.options.bucket}/${FILE.storageKey}?`)).toBe(true);
    const fetched = await fetch(location);
    expect(fetched.headers.get("content-type")).toBe("image/png");
    expect(Buffer.from(await fetched.arrayBuffer()).equals(BYTES)).toBe(true);
  });

  it("signs a download with its file name, and keeps a route's own redirect caching", async () => {
    const storedFileResponse = await freshStoredFileResponse(s3Env());
    const disposition = 'attachment; filename="sunset.png"';
    const response = await storedFileResponse(
      new Request("http://app.test/api/files/x?download"),
      FILE,
      { "Content-Disposition": disposition },
      { redirectCacheControl: "private, no-cache" },
    );
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
    const fetched = await fetch(response.headers.get("location") ?? "");
    expect(fetched.headers.get("content-disposition")).toBe(disposition);
    await fetched.body?.cancel();
  });

  it("redirects to the CDN URL when the bucket is public", async () => {
    const storedFileResponse = await freshStoredFileResponse({ ...s3Env(), S3_PUBLIC_BASE_URL: "https://cdn.example.test" });
    const response = await storedFileResponse(new Request("http://app.test/api/files/x"), FILE, {});
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe(`https://cdn.example.test/${FILE.storageKey}`);
  });

  it("streams from the local disk, with its ETag and a 304 for a revalidation", async () => {
    const storedFileResponse = await freshStoredFileResponse({ S3_BUCKET: "", UPLOADTHING_TOKEN: "", STORAGE_DIR: localDir });
    const { getStorage } = await import("@/lib/storage");
    await getStorage().put(FILE.storageKey, BYTES, { contentType: FILE.mime });

    const response = await storedFileResponse(new Request("http://app.test/api/files/x"), FILE, {});
    expect(response.status).toBe(200);
    expect(response.headers.get("etag")).toBe(`"${FILE.sha256}"`);
    expect(Buffer.from(await response.arrayBuffer()).equals(BYTES)).toBe(true);

    const again = await storedFileResponse(
      new Request("http://app.test/api/files/x", { headers: { "If-None-Match": `"${FILE.sha256}"` } }),
      FILE,
      {},
    );
    expect(again.status).toBe(304);
  });
});
