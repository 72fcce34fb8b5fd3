/**
 * Where stored bytes live. Keys are chosen by the callers (content-addressed, e.g.
 * `results/ab/abcdef….webp`) and checked by `assertStorageKey`; a driver knows nothing of who
 * owns a file.
 */
export interface Storage {
  readonly driver: "local" | "uploadthing" | "s3";
  /** Stores the bytes under `key`. Putting the same key again is harmless. */
  put(key: string, bytes: Buffer, opts: { contentType: string }): Promise<void>;
  /** The stored bytes, or null when nothing is stored under `key`. */
  get(key: string): Promise<Buffer | null>;
  /** Removes every key given; keys that hold nothing are skipped without error. */
  delete(keys: string[]): Promise<void>;
  /**
   * A URL a service on the internet can fetch the file from, or null when there is none. It may
   * expire (UploadThing's is signed for an hour): fetch it soon, never store it.
   */
  publicUrl(key: string): Promise<string | null>;
  /**
   * A URL that serves the file to whoever holds it until it expires (a presigned GET), or null for
   * drivers that cannot sign (local disk) or cannot sign what is asked (a download name): the
   * caller then serves or sends the bytes itself.
   */
  signedUrl(key: string, opts: { expiresInSec: number; contentDisposition?: string }): Promise<string | null>;
}
