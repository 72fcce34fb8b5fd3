import { env } from "@/lib/env";

import { createLocalStorage } from "./local";
import type { Storage } from "./types";
import { createUploadThingStorage } from "./uploadthing";

export type { Storage } from "./types";
export { assertStorageKey, contentKey, fileExtension, InvalidStorageKeyError, type ContentKind } from "./keys";

let storage: Storage | undefined;

/** UploadThing when UPLOADTHING_TOKEN is set, otherwise the local disk under STORAGE_DIR. */
export function getStorage(): Storage {
  storage ??= env.UPLOADTHING_TOKEN
    ? createUploadThingStorage({ token: env.UPLOADTHING_TOKEN })
    : createLocalStorage({ rootDir: env.STORAGE_DIR, publicBaseUrl: env.PUBLIC_ASSET_BASE_URL });
  return storage;
}
