import { UTApi, UTFile } from "uploadthing/server";

import { assertStorageKey } from "./keys";
import type { Storage } from "./types";

export interface UploadThingStorageOptions {
  /** UPLOADTHING_TOKEN: base64 JSON `{ apiKey, appId, regions }`. */
  token: string;
  /** Overrides of UploadThing's hosts, for pointing the SDK at a local fake in tests. */
  apiUrl?: string;
  ingestUrl?: string;
  ufsHost?: string;
  ufsAppIdLocation?: "subdomain" | "path";
}

const SIGNED_URL_TTL_SECONDS = 60 * 60;
const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * UploadThing serves a file at `/f/<customId>`, one path segment, so the key's slashes become "~",
 * which no key contains: the mapping stays one-to-one.
 */
export function customIdOf(key: string): string {
  assertStorageKey(key);
  return key.replaceAll("/", "~");
}

/**
 * Each key is stored as one UploadThing file whose customId is derived from the key, so every
 * operation addresses files by customId and nothing needs to remember UploadThing's own file keys.
 * Reads go through URLs signed with the API key, which work whether the app's files are public or
 * private.
 */
export function createUploadThingStorage(options: UploadThingStorageOptions): Storage {
  const utapi = new UTApi({
    token: options.token,
    apiUrl: options.apiUrl,
    ingestUrl: options.ingestUrl,
    ufsHost: options.ufsHost,
    ufsAppIdLocation: options.ufsAppIdLocation,
    // uploadthing 7.7.4 runs its own effect 3.17 next to @effect/platform's 3.20, and Effect warns
    // about the mismatch on every step (~180 lines per call); failures still log, and we throw them.
    logLevel: "Error",
  });

  const signedUrl = async (key: string, expiresInSec = SIGNED_URL_TTL_SECONDS) =>
    (await utapi.generateSignedURL(customIdOf(key), { expiresIn: expiresInSec })).ufsUrl;

  const fetchSigned = async (key: string, method: "GET" | "HEAD") =>
    fetch(await signedUrl(key), { method, signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });

  return {
    driver: "uploadthing",

    async put(key, bytes, { contentType }) {
      // UploadThing does not keep customIds unique: uploading a key twice would store two files.
      // Keys are content-addressed, so a file already there holds these very bytes. Any answer but
      // 2xx means "upload", and the upload reports real failures. (After a delete, UploadThing may
      // refuse the same customId for a while: pingdotgg/uploadthing#948.)
      const existing = await fetchSigned(key, "HEAD");
      await existing.body?.cancel();
      if (existing.ok) return;
      const name = key.slice(key.lastIndexOf("/") + 1);
      const file = new UTFile([new Uint8Array(bytes)], name, { type: contentType, customId: customIdOf(key) });
      const result = await utapi.uploadFiles(file);
      if (result.error) {
        throw new Error(`UploadThing upload of ${key} failed: ${result.error.code} ${result.error.message}`);
      }
    },

    async get(key) {
      const response = await fetchSigned(key, "GET");
      if (response.ok) return Buffer.from(await response.arrayBuffer());
      await response.body?.cancel();
      if (response.status === 404) return null;
      throw new Error(`UploadThing GET of ${key} failed with HTTP ${response.status}`);
    },

    async delete(keys) {
      if (keys.length === 0) return;
      await utapi.deleteFiles(keys.map(customIdOf), { keyType: "customId" });
    },

    publicUrl: (key) => signedUrl(key),
    // UploadThing's file URLs take no response-header overrides, so a download is streamed instead.
    signedUrl: async (key, { expiresInSec, contentDisposition }) =>
      contentDisposition ? null : signedUrl(key, expiresInSec),
  };
}
