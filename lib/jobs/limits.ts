/**
 * The longest a generation may legitimately run: every attempt the endpoint client may make (each
 * bounded by the per-attempt timeout; only quick failures are retried, so this over-counts), then
 * five minutes to copy the results into storage. Past it a run is stopped and its queue job expires.
 */
export function maxRunMs(api: { timeoutMs: number; maxRetries: number }): number {
  return api.timeoutMs * (api.maxRetries + 1) + 5 * 60_000;
}

/**
 * How often a running generation proves it is alive, by default. A worker beats six times per
 * GENERATION_STALE_AFTER_SEC (90 s by default), the silence after which a run counts as orphaned.
 */
export const HEARTBEAT_MS = 15_000;

/** A QUEUED generation this old whose job may have been lost is sent again (harmless: one waiting job per generation). */
export const REQUEUE_AFTER_MS = 30_000;

/** Results larger than this are refused: far above any endpoint's real output (a 1536×1024 PNG is ~3 MB). */
export const MAX_RESULT_BYTES = 40 * 1024 * 1024;

/** Per result download; the endpoint's storage answers in seconds. */
export const DOWNLOAD_TIMEOUT_MS = 60_000;

/** How often a call waiting for the relay's cap or backoff asks again (jittered ±50 %). */
export const PERMIT_POLL_MS = 1_000;
