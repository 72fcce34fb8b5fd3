import "server-only";

import { setTimeout as sleepFor } from "node:timers/promises";

import { env } from "@/lib/env";
import { generateImages, type ImageApiConfig } from "@/lib/image-api/client";
import { isNonPublicHost } from "@/lib/image-api/network";
import { modelProfile, type ModelProfile } from "@/lib/image-api/profiles";
import { IMAGE_SIZES, type GeneratedItem, type ImageSize } from "@/lib/image-api/schemas";
import { callCost, callFailure, englishFailure, GenerationFailure, RunStopped } from "@/lib/jobs/call-outcome";
import { HEARTBEAT_MS, maxRunMs, PERMIT_POLL_MS } from "@/lib/jobs/limits";
import { sendableReferences } from "@/lib/jobs/references";
import { planCalls } from "@/lib/jobs/slots";
import { acquireCall } from "@/lib/jobs/calls";
import type { RunFence } from "@/lib/jobs/fence";
import { noteRelayOutcome } from "@/lib/jobs/relay-state";
import {
  claimGeneration,
  failQueuedSlots,
  finishCall,
  heartbeat,
  RunSuperseded,
  settleGeneration,
  type ClaimedGeneration,
} from "@/lib/jobs/store";
import { watchCancel } from "@/lib/jobs/cancel-watch";
import { storeResults } from "@/lib/jobs/results";
import { getStorage, type Storage } from "@/lib/storage";

export { INTERRUPTED_MESSAGE } from "@/lib/jobs/call-outcome";

export interface RunGenerationDeps {
  storage?: Storage;
  /** Defaults to IMAGE_API_* from the environment. */
  imageApi?: Omit<ImageApiConfig, "signal">;
  /** Used for the endpoint call (unless imageApi.fetch is set) and the result downloads. */
  fetch?: typeof fetch;
  /** Aborted when the process shuts down: the run stops and its open slots fail as interrupted. */
  signal?: AbortSignal;
  heartbeatMs?: number;
  /** Defaults to the model's profile (lib/image-api/profiles). */
  profile?: (model: string) => ModelProfile;
  /** Calls in flight to the relay across all workers; defaults to RELAY_MAX_IN_FLIGHT. */
  maxInFlight?: number;
  /** How often a call waiting for a permit asks again. */
  permitPollMs?: number;
}

export type RunGenerationResult =
  /** It was not QUEUED: another worker has it, it already finished, or it was cancelled. */
  | { outcome: "skipped" }
  /** At least one image kept; `failed` slots carry their own reasons. */
  | { outcome: "succeeded"; images: number; failed: number }
  | { outcome: "failed"; errorCode: string }
  /** It stopped being ours while running (a sweep declared it interrupted). */
  | { outcome: "superseded" };

interface RunContext {
  claim: ClaimedGeneration;
  fence: RunFence;
  owner: { workspaceId: string; userId: string };
  profile: ModelProfile;
  imageApi: Omit<ImageApiConfig, "signal">;
  references: string[];
  storage: Storage;
  fetch: typeof fetch;
  signal: AbortSignal;
  relay: string;
  maxInFlight: number;
  permitPollMs: number;
  allowPrivateNetwork: boolean;
}

/**
 * Runs one generation's queued slots: one call per slot with n = 1 when the model ignores `n`,
 * else one call for them all. Each call, when it ends, fills or fails its own slots at once, so
 * one failed call never throws away the others, and a retry only asks for what is missing. The
 * generation's status is then derived from its slots. Never throws for a failure of the
 * generation itself.
 */
export async function runGeneration(generationId: string, deps: RunGenerationDeps = {}): Promise<RunGenerationResult> {
  const claim = await claimGeneration(generationId);
  if (!claim) return { outcome: "skipped" };
  const { generation, fence } = claim;

  const run = new AbortController();
  const stop = (why: RunStopped["why"]) => {
    if (!run.signal.aborted) run.abort(new RunStopped(why));
  };
  const onShutdown = () => stop("shutdown");
  if (deps.signal?.aborted) onShutdown();
  deps.signal?.addEventListener("abort", onShutdown, { once: true });
  const unwatch = watchCancel(generationId, () => stop("cancelled"));
  let deadline: NodeJS.Timeout | undefined;
  const beat = setInterval(() => {
    heartbeat(fence)
      .then((ours) => {
        if (!ours) stop("superseded");
      })
      .catch((error: unknown) => console.error(`[jobs] heartbeat for generation ${generationId} failed:`, error));
  }, deps.heartbeatMs ?? HEARTBEAT_MS);
  // Timers must not keep a stopping process alive; the run itself does that.
  beat.unref();

  try {
    const imageApi = deps.imageApi ?? imageApiFromEnv();
    deadline = setTimeout(() => stop("deadline"), maxRunMs(imageApi));
    deadline.unref();
    const storage = deps.storage ?? getStorage();
    const profile = (deps.profile ?? modelProfile)(generation.model);
    // Read and encoded once for the whole run: every call and every retry sends the same strings.
    const references = await sendableReferences(generationId, storage, profile);
    run.signal.throwIfAborted();
    const context: RunContext = {
      claim,
      fence,
      owner: { workspaceId: generation.workspaceId, userId: generation.userId },
      profile,
      imageApi,
      references,
      storage,
      fetch: deps.fetch ?? fetch,
      signal: run.signal,
      relay: new URL(imageApi.baseUrl).origin,
      maxInFlight: deps.maxInFlight ?? env.RELAY_MAX_IN_FLIGHT,
      permitPollMs: deps.permitPollMs ?? PERMIT_POLL_MS,
      // Result hosts on private networks are accepted only when the endpoint itself is on one.
      allowPrivateNetwork: await isNonPublicHost(new URL(imageApi.baseUrl).hostname),
    };
    const calls = planCalls(
      claim.queued.map((s) => s.index),
      profile.honoursN,
    );
    const ended = await Promise.allSettled(calls.map((indexes) => runCall(indexes, context)));
    const broken = ended.find((e) => e.status === "rejected");
    if (broken) throw broken.reason;
  } catch (error) {
    if (!(error instanceof RunSuperseded)) {
      const failure = callFailure(run.signal.aborted ? run.signal.reason : error);
      console.error(`[jobs] generation ${generationId} failed outside a call (${failure.code}):`, error);
      await failQueuedSlots(fence, failure);
    }
  } finally {
    clearTimeout(deadline);
    clearInterval(beat);
    unwatch();
    deps.signal?.removeEventListener("abort", onShutdown);
  }

  if (run.signal.aborted) {
    // Whatever never got its call (waiting for a permit when the run stopped) ends with the same reason.
    await failQueuedSlots(fence, callFailure(run.signal.reason));
  }
  const settled = await settleGeneration(fence);
  if (!settled) return { outcome: "superseded" };
  if (settled.status === "FAILED") return { outcome: "failed", errorCode: settled.errorCode ?? "internal" };
  return { outcome: "succeeded", images: settled.images, failed: settled.failed };
}

function imageApiFromEnv(): Omit<ImageApiConfig, "signal"> {
  if (!env.IMAGE_API_BASE_URL || !env.IMAGE_API_KEY) {
    throw new GenerationFailure("not_configured");
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
  if (!known) throw new GenerationFailure("bad_request", { key: "unsupportedSize", params: { size } });
  return known;
}

/**
 * One call for these slots, repeated only for failures that certainly cost nothing (a rate limit,
 * a connection refused) and then through the permit again, so the shared backoff and the cap hold
 * for retries too. Each attempt is its own ImageCall row.
 */
async function runCall(indexes: number[], ctx: RunContext): Promise<void> {
  const { claim, fence, signal } = ctx;
  const priorCalls = Math.max(0, ...claim.queued.filter((s) => indexes.includes(s.index)).map((s) => s.calls));
  for (let retries = 0; ; retries++) {
    const callId = await waitForPermit(indexes, priorCalls + retries + 1, ctx);
    if (!callId) return;

    let items: GeneratedItem[];
    let received: number;
    let httpStatus: number;
    try {
      ({ items, received, status: httpStatus } = await generateImages(
        {
          model: claim.generation.model,
          prompt: claim.generation.sentPrompt ?? claim.generation.prompt,
          size: imageSize(claim.generation.size),
          n: indexes.length,
          images: ctx.references,
        },
        // Retries are ours (below), so each one is a ledger row and waits for a permit.
        { fetch: ctx.fetch, ...ctx.imageApi, maxRetries: 0, signal },
      ));
    } catch (error) {
      const failure = callFailure(signal.aborted ? signal.reason : error);
      const again = failure.autoRetry && retries < ctx.imageApi.maxRetries && !signal.aborted;
      await finishCall(fence, ctx.owner, callId, {
        record: {
          outcome: failure.code,
          charged: failure.charged,
          imagesReturned: 0,
          httpStatus: failure.httpStatus,
          rawExcerpt: failure.rawExcerpt,
          ...callCost(ctx.profile, { charged: failure.charged, imagesReturned: 0, requestedN: indexes.length }),
        },
        filled: [],
        failed: again ? [] : indexes.map((index) => ({ index, code: failure.code, detail: failure.detail, message: failure.message })),
        requeued: again ? indexes : [],
      });
      await noteRelayOutcome(ctx.relay, failure.strained, failure.retryAfterMs);
      if (!again) return;
      if (failure.retryAfterMs) await sleepFor(Math.min(failure.retryAfterMs, 60_000), undefined, { signal }).catch(() => undefined);
      continue;
    }

    const { filled, failed } = await storeResults(items.slice(0, indexes.length), indexes, ctx);
    if (items.length < indexes.length) {
      // The counts are kept with the code, so the page says them in the viewer's language.
      const detail = { key: "shortfall", params: { asked: indexes.length, returned: items.length } } as const;
      const message = englishFailure({ code: "no_images", detail });
      failed.push(...indexes.slice(items.length).map((index) => ({ index, code: "no_images", detail, message })));
    }
    await finishCall(fence, ctx.owner, callId, {
      record: {
        outcome: "ok",
        charged: "YES",
        // What the relay sent (and may bill), even past n; only n of them fill slots.
        imagesReturned: received,
        httpStatus,
        ...callCost(ctx.profile, { charged: "YES", imagesReturned: received, requestedN: indexes.length }),
      },
      filled,
      failed,
      requeued: [],
    });
    await noteRelayOutcome(ctx.relay, false);
    return;
  }
}

/** The ImageCall id once the relay may take this call, or null when the call is no longer wanted. */
async function waitForPermit(indexes: number[], attempt: number, ctx: RunContext): Promise<string | null> {
  for (;;) {
    if (ctx.signal.aborted) return null;
    const permit = await acquireCall({
      fence: ctx.fence,
      generation: { workspaceId: ctx.owner.workspaceId, userId: ctx.owner.userId, model: ctx.claim.generation.model },
      slotIndexes: indexes,
      attempt,
      relay: ctx.relay,
      maxInFlight: ctx.maxInFlight,
    });
    if (permit.granted) return permit.callId;
    if (permit.wait === null) return null;
    // Jitter, so waiting calls across workers do not ask in lockstep.
    const pause = ctx.permitPollMs * (0.5 + Math.random());
    await sleepFor(pause, undefined, { signal: ctx.signal }).catch(() => undefined);
  }
}
