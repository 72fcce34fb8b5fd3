import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

import S3rver from "s3rver";

import type { S3StorageOptions } from "../s3";

export interface TestS3 {
  /** What createS3Storage needs to reach this server. */
  options: S3StorageOptions;
  endpoint: string;
  /** The keys stored in the bucket, read from s3rver's own directory (not through the SDK). */
  keys(): Promise<string[]>;
  close(): Promise<void>;
}

/**
 * A real S3-compatible HTTP server (s3rver, on loopback) with one empty bucket, for tests and the
 * multi-process e2e. Port 0 picks a free one.
 */
export async function startTestS3(opts: { port?: number; bucket?: string; directory?: string } = {}): Promise<TestS3> {
  const bucket = opts.bucket ?? "atelier-test";
  const directory = opts.directory ?? (await mkdtemp(path.join(os.tmpdir(), "atelier-s3rver-")));
  const server = new S3rver({
    address: "127.0.0.1",
    port: opts.port ?? 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    options: {
      bucket,
      region: "us-east-1",
      endpoint,
      // s3rver checks signatures against these fixed credentials.
      credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" },
      forcePathStyle: true,
    },
    async keys() {
      // s3rver keeps each object as `<key>._S3rver_object` under the bucket's folder.
      const root = path.join(directory, bucket);
      const entries = await readdir(root, { recursive: true }).catch(() => [] as string[]);
      return entries
        .filter((e) => e.endsWith("._S3rver_object"))
        .map((e) => e.slice(0, -"._S3rver_object".length).split(path.sep).join("/"))
        .sort();
    },
    async close() {
      await server.close();
      if (!opts.directory) await rm(directory, { recursive: true, force: true });
    },
  };
}
