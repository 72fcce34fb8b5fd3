import "server-only";

import type { ModelProfile } from "@/lib/image-api/profiles";
import { fitReference, ReferenceTooLargeError, toDataUrl } from "@/lib/images";
import { GenerationFailure } from "@/lib/jobs/call-outcome";
import { referenceAssets } from "@/lib/jobs/store";
import type { Storage } from "@/lib/storage";

/** A signed reference link outlives every call and retry of the run (calls can take minutes). */
const REFERENCE_URL_TTL_SEC = 60 * 60;

/**
 * The references as the relay will receive them, in order, each within the profile's limits: a
 * URL the relay can fetch when storage can sign one (or serves it publicly) and the stored file
 * already fits, else the bytes inline, re-encoded to the limits when needed (the relay cannot
 * reach a server on localhost or a private network).
 */
export async function sendableReferences(generationId: string, storage: Storage, profile: ModelProfile): Promise<string[]> {
  const assets = await referenceAssets(generationId);
  return Promise.all(
    assets.map(async (asset) => {
      const fits = asset.bytes <= profile.maxReferenceBytes && asset.width * asset.height <= profile.maxReferencePixels;
      if (fits) {
        const url =
          (await storage.signedUrl(asset.storageKey, { expiresInSec: REFERENCE_URL_TTL_SEC })) ?? (await storage.publicUrl(asset.storageKey));
        if (url) return url;
      }
      const bytes = await storage.get(asset.storageKey);
      if (!bytes) {
        throw new GenerationFailure("reference_missing");
      }
      try {
        const fitted = await fitReference(bytes, { maxBytes: profile.maxReferenceBytes, maxPixels: profile.maxReferencePixels });
        return toDataUrl(fitted.bytes, fitted.mime);
      } catch (error) {
        if (!(error instanceof ReferenceTooLargeError)) throw error;
        throw new GenerationFailure("reference_rejected", { key: "referenceTooLarge" }, { cause: error });
      }
    }),
  );
}
