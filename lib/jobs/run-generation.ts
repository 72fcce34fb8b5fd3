import "server-only";

import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { generateImages, type ImageApiConfig } from "@/lib/image-api/client";
import { decodeB64Image, downloadImage } from "@/lib/image-api/download";
import { isNonPublicHost } from "@/lib/image-api/network";
import { ImageApiError } from "@/lib/image-api/errors";
import { IMAGE_SIZES, type GeneratedItem, type ImageSize } from "@/lib/image-api/schemas";
import { describeImage, makeThumbnail, toDataUrl } from "@/lib/images";
import { DOWNLOAD_TIMEOUT_MS, HEARTBEAT_MS, MAX_RESULT_BYTES, maxRunMs } from "@/lib/jobs/limits";
import { contentKey, getStorage, type Storage } from "@/lib/storage";

export interface RunGenerationDeps {
  storage?: Storage;
  /** Defaults to IMAGE_API_* from the environment. */
  imageApi?: Omit<ImageApiConfig, "signal">;
  /** Used for the endpoint call (unless imageApi.fetch is set) and the result downloads. */
  fetch?: typeof fetch;
  /** Aborted when the process shuts down: the run stops and its generation fails as interrupted. */
  signal?: AbortSignal;
  heartbeatMs?: number;
}

export type RunGenerationResult =
  /** It was not QUEUED: another worker has it, or it already finished. */
  | { outcome: "skipped" }
  | { outcome: "succeeded"; images: number }
  | { outcome: "failed"; errorCode: string }
  /** It stopped being ours while running (a sweep declared it interrupted); nothing was written. */
  | { outcome: "superseded" };

export const INTERRUPTED_MESSAGE =
  "This generation was interrupted by a server restart before it finished. Nothing was saved; press Retry to run it again.";
const INTERNAL_MESSAGE = "Something went wrong on our side while making these images. Please try again later.";

/** A failure with a code and a message that are safe to store and show. */
class GenerationFailure extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
  }
}

/** Abort reasons for a run's own signal. */
class RunStopped extends Error {
  constructor(readonly why: "shutdown" | "deadline" | "superseded") {
    super(`generation run stopped: ${why}`);
  }
}

interface StoredResult {
  index: number;
  revisedPrompt: string | null;
  result: { storageKey: string; mime: string; width: number; height: number; bytes: number; sha256: string };
  thumb: { storageKey: string; mime: string; width: number; height: number; bytes: number; sha256: string };
}

/**
 * Runs one generation end to end: claims it, calls the endpoint with its references, copies every
 * result (and a thumbnail) into storage, then records them and SUCCEEDED in one transaction; any
 * failure records FAILED with a code and a user-safe message instead. Never throws for a failure
 * of the generation itself.
 */
export async function runGeneration(generationId: string, deps: RunGenerationDeps = {}): Promise<RunGenerationResult> {
  const now = new Date();
  const [claimed] = await db.generation.updateManyAndReturn({
    where: { id: generationId, status: "QUEUED" },
    data: { status: "RUNNING", startedAt: now, heartbeatAt: now, finishedAt: null, attempts: { increment: 1 } },
  });
  if (!claimed) return { outcome: "skipped" };

  // The attempt number fences every later write: once a sweep has failed this run (and a retry may
  // have started another), nothing this run writes can land.
  const ours = { id: generationId, status: "RUNNING", attempts: claimed.attempts } as const;
  const storage = deps.storage ?? getStorage();
  const fetchImpl = deps.fetch ?? fetch;

  let imageApi: Omit<ImageApiConfig, "signal">;
  try {
    imageApi = deps.imageApi ?? imageApiFromEnv();
  } catch (error) {
    return fail(ours, error);
  }

  const run = new AbortController();
  const onShutdown = () => run.abort(new RunStopped("shutdown"));
  if (deps.signal?.aborted) onShutdown();
  deps.signal?.addEventListener("abort", onShutdown, { once: true });
  const deadline = setTimeout(() => run.abort(new RunStopped("deadline")), maxRunMs(imageApi));
  const heartbeat = setInterval(() => {
    db.generation
      .updateMany({ where: ours, data: { heartbeatAt: new Date() } })
      .then(({ count }) => {
        if (count === 0) run.abort(new RunStopped("superseded"));
      })
      .catch((error: unknown) => console.error(`[jobs] heartbeat for generation ${generationId} failed:`, error));
  }, deps.heartbeatMs ?? HEARTBEAT_MS);
  // Timers must not keep a stopping process alive; the run itself does that.
  deadline.unref();
  heartbeat.unref();

  try {
    const references = await referenceImages(generationId, storage);
    run.signal.throwIfAborted();
    const { items } = await generateImages(
      { model: claimed.model, prompt: claimed.prompt, size: imageSize(claimed.size), n: claimed.n, images: references },
      { fetch: fetchImpl, ...imageApi, signal: run.signal },
    );
    // Result hosts on private networks are accepted only when the endpoint itself is on one.
    const allowPrivateNetwork = await isNonPublicHost(new URL(imageApi.baseUrl).hostname);
    const results = await storeResults(items, { storage, fetch: fetchImpl, signal: run.signal, allowPrivateNetwork });
    run.signal.throwIfAborted();

    await db.$transaction(async (tx) => {
      const finishedAt = new Date();
      const { count } = await tx.generation.updateMany({
        where: ours,
        data: { status: "SUCCEEDED", finishedAt, heartbeatAt: finishedAt },
      });
      if (count === 0) throw new RunStopped("superseded");
      const owner = { workspaceId: claimed.workspaceId, userId: claimed.userId };
      for (const stored of results) {
        const asset = await tx.asset.create({ data: { ...owner, kind: "RESULT", ...stored.result }, select: { id: true } });
        const thumb = await tx.asset.create({ data: { ...owner, kind: "THUMB", ...stored.thumb }, select: { id: true } });
        await tx.generationImage.create({
          data: {
            generationId,
            index: stored.index,
            revisedPrompt: stored.revisedPrompt,
            assetId: asset.id,
            thumbAssetId: thumb.id,
          },
        });
      }
    });
    return { outcome: "succeeded", images: results.length };
  } catch (error) {
    return fail(ours, run.signal.aborted ? run.signal.reason : error);
  } finally {
    clearTimeout(deadline);
    clearInterval(heartbeat);
    deps.signal?.removeEventListener("abort", onShutdown);
  }
}

function imageApiFromEnv(): Omit<ImageApiConfig, "signal"> {
  if (!env.IMAGE_API_BASE_URL || !env.IMAGE_API_KEY) {
    throw new GenerationFailure(
      "not_configured",
      "Image generation is not set up on this server yet. An administrator needs to configure the image service.",
    );
  }
  return {
    baseUrl: env.IMAGE_API_BASE_URL,
    apiKey: env.IMAGE_API_KEY,
    timeoutMs: env.IMAGE_API_TIMEOUT_MS,
    maxRetries: env.IMAGE_API_MAX_RETRIES,
  };
}

function imageSize(size: string): ImageSize {
  const known = IMAGE_SIZES.find((s) => s === size);
  if (!known) throw new GenerationFailure("invalid_request", `The image size ${size} is not supported.`);
  return known;
}

/**
 * The references as the endpoint will fetch them, in order: a public URL when storage has one,
 * else the bytes inline, because the endpoint cannot reach a server on localhost or a private network.
 */
async function referenceImages(generationId: string, storage: Storage): Promise<string[]> {
  const references = await db.generationReference.findMany({
    where: { generationId },
    orderBy: { position: "asc" },
    select: { asset: { select: { storageKey: true, mime: true } } },
  });
  return Promise.all(
    references.map(async ({ asset }) => {
      const url = await storage.publicUrl(asset.storageKey);
      if (url) return url;
      const bytes = await storage.get(asset.storageKey);
      if (!bytes) {
        throw new GenerationFailure(
          "reference_missing",
          "One of the reference images could not be found in storage. Remove it and try again.",
        );
      }
      return toDataUrl(bytes, asset.mime);
    }),
  );
}

/**
 * Copies every result off the endpoint (its URLs expire) with its thumbnail. All or nothing: if
 * any item fails the generation fails, and no rows point at the files already stored. Those files
 * stay: keys are content-addressed and may be shared with another asset, so only a sweep that
 * checks for referencing rows may delete them.
 */
interface StoreContext {
  storage: Storage;
  fetch: typeof fetch;
  signal: AbortSignal;
  allowPrivateNetwork: boolean;
}

async function storeResults(items: GeneratedItem[], opts: StoreContext): Promise<StoredResult[]> {
  const settled = await Promise.allSettled(items.map((item, index) => storeResult(item, index, opts)));
  const stored = settled.flatMap((s) => (s.status === "fulfilled" ? [s.value] : []));
  const firstFailure = settled.find((s) => s.status === "rejected");
  if (!firstFailure) return stored;

  const reason: unknown = firstFailure.reason;
  if (opts.signal.aborted || stored.length === 0) throw reason;
  const { code, message } = describeFailure(reason);
  throw new GenerationFailure(
    code,
    `Only ${stored.length} of ${items.length} images could be saved, so none were kept. ${message}`,
    { cause: reason },
  );
}

async function storeResult(
  item: GeneratedItem,
  index: number,
  { storage, fetch: fetchImpl, signal, allowPrivateNetwork }: StoreContext,
): Promise<StoredResult> {
  let bytes: Buffer;
  try {
    ({ bytes } = item.url
      ? await downloadImage(item.url, {
          timeoutMs: DOWNLOAD_TIMEOUT_MS,
          maxBytes: MAX_RESULT_BYTES,
          fetch: fetchImpl,
          signal,
          allowPrivateNetwork,
        })
      : await decodeB64Image(item.b64Json ?? "", { maxBytes: MAX_RESULT_BYTES }));
  } catch (error) {
    if (!(error instanceof ImageApiError)) throw error;
    throw new GenerationFailure("download_failed", error.userMessage, { cause: error });
  }
  const image = await describeImage(bytes);
  const resultKey = contentKey("results", image.sha256, image.mime);
  await storage.put(resultKey, bytes, { contentType: image.mime });
  const thumb = await makeThumbnail(bytes);
  const thumbKey = contentKey("thumbs", thumb.sha256, thumb.mime);
  await storage.put(thumbKey, thumb.bytes, { contentType: thumb.mime });
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

function describeFailure(error: unknown): { code: string; message: string } {
  if (error instanceof GenerationFailure) return { code: error.code, message: error.userMessage };
  if (error instanceof ImageApiError) return { code: error.code, message: error.userMessage };
  if (error instanceof RunStopped && error.why === "shutdown") return { code: "interrupted", message: INTERRUPTED_MESSAGE };
  if (error instanceof RunStopped && error.why === "deadline") {
    return { code: "timeout", message: "This generation took too long and was stopped. Please try again later." };
  }
  return { code: "internal", message: INTERNAL_MESSAGE };
}

async function fail(ours: { id: string; status: "RUNNING"; attempts: number }, error: unknown): Promise<RunGenerationResult> {
  if (error instanceof RunStopped && error.why === "superseded") return { outcome: "superseded" };
  const { code, message } = describeFailure(error);
  // The stored message is for the person; the details, endpoint text and stack go to the server log.
  console.error(`[jobs] generation ${ours.id} failed (${code}):`, error);
  const { count } = await db.generation.updateMany({
    where: ours,
    data: { status: "FAILED", errorCode: code, errorMessage: message, finishedAt: new Date() },
  });
  return count === 1 ? { outcome: "failed", errorCode: code } : { outcome: "superseded" };
}
