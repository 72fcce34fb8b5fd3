/**
 * Lower-case only, so two keys never collide on a case-insensitive disk; every segment starts with
 * a letter or digit, which rules out `.`, `..`, hidden files and the local driver's temp files.
 * The charset is URL-safe, so a key goes into a URL path (and an UploadThing customId) unescaped;
 * 128 characters is room for a prefix, a two-character shard and a sha256 with its extension.
 */
const SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;
export const MAX_STORAGE_KEY_LENGTH = 128;

export class InvalidStorageKeyError extends Error {
  constructor(key: string, reason: string) {
    super(`Invalid storage key ${JSON.stringify(key)}: ${reason}`);
    this.name = "InvalidStorageKeyError";
  }
}

export function assertStorageKey(key: string): void {
  if (key.length === 0 || key.length > MAX_STORAGE_KEY_LENGTH) {
    throw new InvalidStorageKeyError(key, `must be 1–${MAX_STORAGE_KEY_LENGTH} characters`);
  }
  for (const segment of key.split("/")) {
    if (!SEGMENT.test(segment)) {
      throw new InvalidStorageKeyError(
        key,
        "each /-separated part must be lower-case letters, digits, '.', '_' or '-', starting with a letter or digit",
      );
    }
  }
}

const EXTENSIONS: Readonly<Record<string, string>> = {
  "image/webp": "webp",
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/avif": "avif",
};

/** The file extension for a stored image's type ("bin" for anything else). */
export function fileExtension(mime: string): string {
  return EXTENSIONS[mime] ?? "bin";
}

export type ContentKind = "refs" | "results" | "thumbs";

/** The key for bytes with this hash: identical files share one stored object. */
export function contentKey(kind: ContentKind, sha256: string, mime: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new InvalidStorageKeyError(sha256, "not a hex sha256");
  const key = `${kind}/${sha256.slice(0, 2)}/${sha256}.${fileExtension(mime)}`;
  assertStorageKey(key);
  return key;
}
