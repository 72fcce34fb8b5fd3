import "server-only";

import { decodeB64Image, downloadImage } from "@/lib/image-api/download";
import type { GeneratedItem } from "@/lib/image-api/schemas";
import { describeImage, makeThumbnail } from "@/lib/images";
import { callFailure } from "@/lib/jobs/call-outcome";
import type { RunFence } from "@/lib/jobs/fence";
import { DOWNLOAD_TIMEOUT_MS, MAX_RESULT_BYTES } from "@/lib/jobs/limits";
import type { SlotFailure, StoredImage } from "@/lib/jobs/store";
import { contentKey, type Storage } from "@/lib/storage";

/** What copying a call's results needs from its run. */
export interface ResultContext {
  fence: RunFence;
  storage: Storage;
  fetch: typeof fetch;
  signal: AbortSignal;
  allowPrivateNetwork: boolean;
}

/** Copies each returned image (its URL expires) with a thumbnail into storage; each slot on its own. */
export async function storeResults(
  items: GeneratedItem[],
  indexes: number[],
  ctx: ResultContext,
): Promise<{ filled: StoredImage[]; failed: SlotFailure[] }> {
  const settled = await Promise.allSettled(items.map((item, k) => storeResult(item, indexes[k]!, ctx)));
  const filled: StoredImage[] = [];
  const failed: SlotFailure[] = [];
  settled.forEach((s, k) => {
    if (s.status === "fulfilled") filled.push(s.value);
    else {
      const failure = ctx.signal.aborted ? callFailure(ctx.signal.reason) : callFailure(s.reason);
      console.error(`[jobs] generation ${ctx.fence.id} slot ${indexes[k]}: result not stored (${failure.code}):`, s.reason);
      failed.push({ index: indexes[k]!, code: failure.code, detail: failure.detail, message: failure.message });
    }
  });
  return { filled, failed };
}

async function storeResult(item: GeneratedItem, index: number, ctx: ResultContext): Promise<StoredImage> {
  // A failed download fails this slot only (callFailure reads its class); the call itself was answered.
  const { bytes } = item.url
    ? await downloadImage(item.url, {
        timeoutMs: DOWNLOAD_TIMEOUT_MS,
        maxBytes: MAX_RESULT_BYTES,
        fetch: ctx.fetch,
        signal: ctx.signal,
        allowPrivateNetwork: ctx.allowPrivateNetwork,
      })
    : await decodeB64Image(item.b64Json ?? "", { maxBytes: MAX_RESULT_BYTES });
  const image = await describeImage(bytes);
  const resultKey = contentKey("results", image.sha256, image.mime);
  // The thumbnail is encoded while the result is written (an S3 PUT is a round trip): the card
  // shows the thumbnail, so both are stored before the slot is filled.
  const [, thumb] = await Promise.all([ctx.storage.put(resultKey, bytes, { contentType: image.mime }), makeThumbnail(bytes)]);
  const thumbKey = contentKey("thumbs", thumb.sha256, thumb.mime);
  await ctx.storage.put(thumbKey, thumb.bytes, { contentType: thumb.mime });
  return {
    index,
    revisedPrompt: item.revisedPrompt ?? null,
    result: { storageKey: resultKey, mime: image.mime, width: image.width, height: image.height, bytes: image.bytes, sha256: image.sha256 },
    thumb: {
      storageKey: thumbKey,
      mime: thumb.mime,
      width: thumb.width,
      height: thumb.height,
      bytes: thumb.bytes.length,
      sha256: thumb.sha256,
    },
  };
}
