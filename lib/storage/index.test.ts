import { afterEach, describe, expect, it, vi } from "vitest";

async function freshGetStorage() {
  vi.resetModules();
  return (await import("./index")).getStorage;
}

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("getStorage", () => {
  it("uses the local disk when UploadThing is not configured, and keeps one instance", async () => {
    vi.stubEnv("UPLOADTHING_TOKEN", "");
    vi.stubEnv("S3_BUCKET", "");
    const getStorage = await freshGetStorage();
    expect(getStorage().driver).toBe("local");
    expect(getStorage()).toBe(getStorage());
  });

  it("uses UploadThing when UPLOADTHING_TOKEN is set", async () => {
    const token = Buffer.from(JSON.stringify({ apiKey: "sk_test", appId: "app", regions: ["r"] })).toString("base64");
    vi.stubEnv("UPLOADTHING_TOKEN", token);
    vi.stubEnv("S3_BUCKET", "");
    const getStorage = await freshGetStorage();
    expect(getStorage().driver).toBe("uploadthing");
  });

  it("uses S3 when S3_BUCKET is set", async () => {
    vi.stubEnv("UPLOADTHING_TOKEN", "");
    vi.stubEnv("S3_BUCKET", "atelier");
    const getStorage = await freshGetStorage();
    expect(getStorage().driver).toBe("s3");
  });
});
