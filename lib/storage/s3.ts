import {
  DeleteObjectsCommand,
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";

import { assertStorageKey } from "./keys";
import type { Storage } from "./types";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For S3-compatible services (R2, MinIO…); unset means AWS S3 itself. */
  endpoint?: string;
  /**
   * Where browsers and the relay reach the bucket, when that differs from where this server does
   * (compose: the server talks to http://minio:9000, a browser to http://localhost:9000). Signing
   * happens offline, so only the presigned URLs use it.
   */
  publicEndpoint?: string;
  /** Unset: the SDK's default credential chain (instance role, AWS_* variables…). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** MinIO and s3rver want `endpoint/bucket/key` rather than `bucket.endpoint/key`. */
  forcePathStyle?: boolean;
  /** A CDN or public bucket URL that serves every object at `${publicBaseUrl}/${key}`. */
  publicBaseUrl?: string;
}

/** S3's DeleteObjects takes at most 1000 keys per request. */
const DELETE_BATCH = 1000;

/**
 * Presigned URLs are signed as of the start of a window this long, so a page that shows the same
 * image twice, or again a minute later, gets the very same URL and the browser's cache answers.
 */
const SIGNING_WINDOW_SEC = 300;

export function createS3Storage(options: S3StorageOptions): Storage {
  const clientConfig = {
    region: options.region,
    credentials: options.credentials,
    forcePathStyle: options.forcePathStyle,
    // Checksums on every PUT/GET are AWS's newer default; S3-compatible services do not all accept them.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  } as const;
  const client = new S3Client({ ...clientConfig, endpoint: options.endpoint });
  const signer =
    options.publicEndpoint && options.publicEndpoint !== options.endpoint
      ? new S3Client({ ...clientConfig, endpoint: options.publicEndpoint })
      : client;
  const bucket = options.bucket;
  const base = options.publicBaseUrl?.replace(/\/+$/, "");

  return {
    driver: "s3",

    async put(key, bytes, { contentType }) {
      assertStorageKey(key);
      await client.send(
        new PutObjectCommand({
          Bucket: bucket,
          Key: key,
          Body: bytes,
          ContentType: contentType,
          // Keys are content hashes: the bytes behind one never change.
          CacheControl: "public, max-age=31536000, immutable",
        }),
      );
    },

    async get(key) {
      assertStorageKey(key);
      try {
        const answer = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
        return answer.Body ? Buffer.from(await answer.Body.transformToByteArray()) : Buffer.alloc(0);
      } catch (error) {
        if (error instanceof NoSuchKey) return null;
        if (error instanceof S3ServiceException && error.$metadata.httpStatusCode === 404) return null;
        throw error;
      }
    },

    async delete(keys) {
      keys.forEach(assertStorageKey);
      for (let i = 0; i < keys.length; i += DELETE_BATCH) {
        const batch = keys.slice(i, i + DELETE_BATCH);
        const answer = await client.send(
          new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }),
        );
        const failed = answer.Errors?.filter((e) => e.Code !== "NoSuchKey") ?? [];
        if (failed.length > 0) {
          throw new Error(`S3 delete failed for ${failed.length} key(s), e.g. ${failed[0]?.Key}: ${failed[0]?.Code}`);
        }
      }
    },

    async publicUrl(key) {
      assertStorageKey(key);
      return base ? `${base}/${key}` : null;
    },

    async signedUrl(key, { expiresInSec, contentDisposition }) {
      assertStorageKey(key);
      const nowSec = Math.floor(Date.now() / 1000);
      const windowStart = nowSec - (nowSec % SIGNING_WINDOW_SEC);
      // Signed at the window's start and valid for one window more than asked, so it lives at least
      // expiresInSec from now and stays the same URL for the whole window.
      const command = new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: contentDisposition });
      return getSignedUrl(signer, command, {
        expiresIn: expiresInSec + SIGNING_WINDOW_SEC,
        signingDate: new Date(windowStart * 1000),
      });
    },
  };
}
