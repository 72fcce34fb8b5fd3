import { ImageApiError } from "@/lib/image-api/errors";
import { FAILURE_TABLE, type Charged, type FailureClass } from "@/lib/image-api/failures";
import type { ModelProfile } from "@/lib/image-api/profiles";
import type { CallCharged } from "@/lib/generated/prisma/enums";

/** What one failed call means for its slots and for the ledger. */
export interface CallFailure {
  /** A failure class (lib/image-api), or an app-side code. */
  code: string;
  /** Shown to the person: the reason, then what to do. */
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

/** A failure with a code and a message that are safe to store and show. */
export class GenerationFailure extends Error {
  constructor(
    readonly code: string,
    readonly userMessage: string,
    options?: { cause?: unknown },
  ) {
    super(userMessage, options);
  }
}

export const INTERRUPTED_MESSAGE =
  "This generation was interrupted by a server restart before it finished. Nothing more was saved; press Retry to run it again.";
export const CANCELLED_RUNNING_MESSAGE =
  "Cancelled while the image service was working on it. The service may still bill this call.";
export const CANCELLED_QUEUED_MESSAGE = "Cancelled before any call was made; nothing was charged.";
const INTERNAL_MESSAGE = "Something went wrong on our side while making this image. Please try again later.";

const STRAINED: ReadonlySet<FailureClass> = new Set(["rate_limited", "server_error", "gateway"]);
const CHARGED: Record<Charged, CallCharged> = { yes: "YES", no: "NO", maybe: "MAYBE" };

/**
 * Classifies whatever ended a call: the relay's answer (its class from lib/image-api, with the
 * plain reason from the one failure table), a stop of the run, or our own failure. A result that
 * could not be copied is classified the same way (its slot fails; the call itself was answered).
 */
export function callFailure(error: unknown): CallFailure {
  const base = { httpStatus: null, rawExcerpt: null, strained: false, autoRetry: false };
  if (error instanceof RunStopped) {
    if (error.why === "cancelled") return { ...base, code: "cancelled", message: CANCELLED_RUNNING_MESSAGE, charged: "MAYBE" };
    if (error.why === "deadline") {
      return { ...base, code: "timeout", message: "This image took too long and was stopped. Please try again later.", charged: "MAYBE" };
    }
    return { ...base, code: "interrupted", message: INTERRUPTED_MESSAGE, charged: "MAYBE" };
  }
  if (error instanceof GenerationFailure) return { ...base, code: error.code, message: error.userMessage, charged: "NO" };
  if (error instanceof ImageApiError) {
    const { reason } = FAILURE_TABLE[error.failureClass];
    const named = error.param ? ` (it named “${error.param}”)` : "";
    return {
      code: error.failureClass,
      message: `${reason}${named}`,
      autoRetry: error.autoRetry,
      charged: CHARGED[error.charged],
      httpStatus: error.status ?? error.raw?.status ?? null,
      rawExcerpt: error.raw?.excerpt ?? null,
      retryAfterMs: error.retryAfterMs,
      strained: STRAINED.has(error.failureClass),
    };
  }
  return { ...base, code: "internal", message: INTERNAL_MESSAGE, charged: "MAYBE" };
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
