import { createTranslator } from "use-intl/core";
import { ImageApiError } from "@/lib/image-api/errors";
import { type Charged, type FailureClass } from "@/lib/image-api/failures";
import { en } from "@/lib/i18n/messages";
import { failureText, type FailureDetail, type FailureWords, type RelayT } from "@/lib/i18n/relay";
import type { ModelProfile } from "@/lib/image-api/profiles";
import type { CallCharged } from "@/lib/generated/prisma/enums";

/** What one failed call means for its slots and for the ledger. */
export interface CallFailure {
  /** A failure class (lib/image-api), or an app-side code. */
  code: string;
  /** The words' key and values when the class's own reason does not say it all (relay.json `detail.*`). */
  detail: FailureDetail | null;
  /** The same reason in English, stored beside the code for logs and the public API; pages render code + detail. */
  message: string;
  autoRetry: boolean;
  charged: CallCharged;
  httpStatus: number | null;
  rawExcerpt: string | null;
  retryAfterMs?: number;
  /** A sign the relay is overloaded (429, 5xx, gateway pages): counts toward the shared backoff. */
  strained: boolean;
}

/** Abort reasons for a run's own signal. */
export class RunStopped extends Error {
  constructor(readonly why: "shutdown" | "deadline" | "superseded" | "cancelled") {
    super(`generation run stopped: ${why}`);
  }
}

const englishRelay = createTranslator({ locale: "en", messages: en, namespace: "relay" }) as unknown as RelayT;

/** The English reason of a failure, as stored in errorMessage (logs, the public API). */
export function englishFailure(words: FailureWords): string {
  return failureText(englishRelay, words).reason;
}

/** A failure with a code (and the words' key when the class alone does not say it) that is safe to store and show. */
export class GenerationFailure extends Error {
  constructor(
    readonly code: string,
    readonly detail: FailureDetail | null = null,
    options?: { cause?: unknown },
  ) {
    super(englishFailure({ code, detail }), options);
  }
}

export const INTERRUPTED_MESSAGE = englishFailure({ code: "interrupted" });
export const CANCELLED_QUEUED: FailureDetail = { key: "cancelledQueued" };
export const CANCELLED_QUEUED_MESSAGE = englishFailure({ code: "cancelled", detail: CANCELLED_QUEUED });

const STRAINED: ReadonlySet<FailureClass> = new Set(["rate_limited", "server_error", "gateway"]);
const CHARGED: Record<Charged, CallCharged> = { yes: "YES", no: "NO", maybe: "MAYBE" };

/**
 * Classifies whatever ended a call: the relay's answer (its class from lib/image-api, with the
 * plain reason from the one failure table), a stop of the run, or our own failure. A result that
 * could not be copied is classified the same way (its slot fails; the call itself was answered).
 */
export function callFailure(error: unknown): CallFailure {
  const base = { httpStatus: null, rawExcerpt: null, strained: false, autoRetry: false };
  const words = (code: string, detail: FailureDetail | null = null) => ({ code, detail, message: englishFailure({ code, detail }) });
  if (error instanceof RunStopped) {
    if (error.why === "cancelled") return { ...base, ...words("cancelled", { key: "cancelledRunning" }), charged: "MAYBE" };
    if (error.why === "deadline") return { ...base, ...words("timeout", { key: "deadline" }), charged: "MAYBE" };
    return { ...base, ...words("interrupted"), charged: "MAYBE" };
  }
  if (error instanceof GenerationFailure) return { ...base, ...words(error.code, error.detail), charged: "NO" };
  if (error instanceof ImageApiError) {
    return {
      ...words(error.failureClass, error.param ? { key: "withParam", params: { param: error.param } } : null),
      autoRetry: error.autoRetry,
      charged: CHARGED[error.charged],
      httpStatus: error.status ?? error.raw?.status ?? null,
      rawExcerpt: error.raw?.excerpt ?? null,
      retryAfterMs: error.retryAfterMs,
      strained: STRAINED.has(error.failureClass),
    };
  }
  return { ...base, ...words("internal"), charged: "MAYBE" };
}

/**
 * The call's price from the model's profile, in millionths of its currency: per call, or per
 * image returned (per image asked for when a failed call may have been charged anyway).
 */
export function callCost(
  profile: ModelProfile,
  call: { charged: CallCharged; imagesReturned: number; requestedN: number },
): { costMicros: number | null; currency: string | null } {
  if (!profile.price) return { costMicros: null, currency: null };
  const { amount, currency, per } = profile.price;
  if (call.charged === "NO") return { costMicros: 0, currency };
  const images = call.imagesReturned > 0 ? call.imagesReturned : call.requestedN;
  return { costMicros: Math.round(amount * 1_000_000 * (per === "call" ? 1 : images)), currency };
}
