import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

/**
 * Long-lived links to a stored file that need no cookie (the API's result URLs): the path carries
 * an HMAC of the asset id, so a link cannot be guessed or turned into another file's. Revocation is
 * deleting the image. Production refuses to start without AUTH_SECRET; unit tests may run without
 * one, and a per-process key is then enough.
 */
const key = env.AUTH_SECRET ?? randomBytes(32).toString("base64url");

const sign = (assetId: string) => createHmac("sha256", key).update(`api-file:${assetId}`).digest("base64url");

export function signedFilePath(assetId: string): string {
  return `/api/v1/files/${assetId}/${sign(assetId)}`;
}

export function signedFileUrl(assetId: string): string {
  return `${env.APP_URL.replace(/\/$/, "")}${signedFilePath(assetId)}`;
}

function verifyFileSignature(assetId: string, signature: string): boolean {
  const expected = Buffer.from(sign(assetId));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The file behind a signed link, or null for a wrong signature or a deleted file. */
export async function findSignedFile(assetId: string, signature: string) {
  if (!verifyFileSignature(assetId, signature)) return null;
  return db.asset.findUnique({ where: { id: assetId }, select: { storageKey: true, mime: true, sha256: true } });
}
