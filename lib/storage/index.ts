import "server-only";
import { env } from "@/lib/env";

import { createLocalStorage } from "./local";
import { createS3Storage } from "./s3";
import { trackPuts } from "./sweep";
import type { Storage } from "./types";
import { createUploadThingStorage } from "./uploadthing";

export type { Storage } from "./types";
export { sweepOrphanFiles } from "./sweep";
export { assertStorageKey, contentKey, fileExtension, InvalidStorageKeyError, type ContentKind } from "./keys";

let storage: Storage | undefined;

/**
 * S3 when S3_BUCKET is set, UploadThing when UPLOADTHING_TOKEN is, otherwise the local disk under
 * STORAGE_DIR; every put is recorded for the orphan sweep.
 */
export function getStorage(): Storage {
  storage ??= trackPuts(createStorage());
  return storage;
}

function createStorage(): Storage {
  if (env.S3_BUCKET) {
    return createS3Storage({
      bucket: env.S3_BUCKET,
      region: env.S3_REGION,
      endpoint: env.S3_ENDPOINT,
      publicEndpoint: env.S3_PUBLIC_ENDPOINT,
      credentials:
        env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY }
          : undefined,
      forcePathStyle: env.S3_FORCE_PATH_STYLE,
      publicBaseUrl: env.S3_PUBLIC_BASE_URL,
    });
  }
  if (env.UPLOADTHING_TOKEN) return createUploadThingStorage({ token: env.UPLOADTHING_TOKEN });
  return createLocalStorage({ rootDir: env.STORAGE_DIR, publicBaseUrl: env.PUBLIC_ASSET_BASE_URL });
}
