/**
 * Every way a call to the image relay can fail, as one table keyed by class code: whether it is
 * retried automatically, whether it was probably charged, and in plain English what happened and
 * what to do next. The code is what is stored (Generation.errorCode, ImageCall.outcome) and what a
 * later translation pass keys its strings by.
 */
export const FAILURE_CLASSES = [
  "safety",
  "rate_limited",
  "out_of_balance",
  "model_unavailable",
  "bad_key",
  "bad_request",
  "reference_rejected",
  "gateway",
  "timeout",
  "network",
  "bad_response",
  // A result's own link: it was made (and so billed), then expired or sent no picture.
  "result_expired",
  "result_not_image",
  "no_images",
  "server_error",
  // App-side: the person cancelled, or the worker stopped mid-call.
  "cancelled",
  "interrupted",
] as const;

export type FailureClass = (typeof FAILURE_CLASSES)[number];

/**
 * "yes": the relay answered as if it did the work (a 2xx); "no": it refused before any work (auth,
 * balance, parameters, rate limit); "maybe": the request was sent and we cannot tell.
 */
export type Charged = "yes" | "no" | "maybe";

export interface FailureClassInfo {
  /** Retried by the client on its own. Only classes that were certainly not charged are. */
  autoRetry: boolean;
  charged: Charged;
  /** What happened, for the person who asked for the images. */
  reason: string;
  /** What they (or an administrator) can do about it. */
  next: string;
}

export const FAILURE_TABLE: Record<FailureClass, FailureClassInfo> = {
  safety: {
    autoRetry: false,
    charged: "maybe",
    reason: "The image service's safety system refused this request.",
    next: "Reword the prompt or use different reference images. Trying the same request again will be refused again.",
  },
  rate_limited: {
    autoRetry: true,
    charged: "no",
    reason: "The image service is busy or is limiting how fast we may ask.",
    next: "It is retried automatically; if it still fails, try again in a few minutes.",
  },
  out_of_balance: {
    autoRetry: false,
    charged: "no",
    reason: "The image service account has run out of balance or quota.",
    next: "An administrator needs to top up the account at the image service.",
  },
  model_unavailable: {
    autoRetry: false,
    charged: "no",
    reason: "The image service has no working channel for this model right now.",
    next: "Choose another model, or ask an administrator to check that the service offers this one; if it usually works, try again later.",
  },
  bad_key: {
    autoRetry: false,
    charged: "no",
    reason: "The image service did not accept our credentials.",
    next: "An administrator needs to check the API key.",
  },
  bad_request: {
    autoRetry: false,
    charged: "no",
    reason: "The image service rejected a setting of this request.",
    next: "Change the setting named in the details and try again; if it is not one you chose, an administrator needs to check the model's profile.",
  },
  reference_rejected: {
    autoRetry: false,
    charged: "maybe",
    reason: "The image service could not use a reference image (probably too large, or in a form it cannot read).",
    next: "Try a smaller reference, another format, or fewer references.",
  },
  gateway: {
    autoRetry: false,
    charged: "maybe",
    reason: "A gateway in front of the image service failed or gave up waiting, so no answer came through.",
    next: "The images may still have been made and charged. Try again later.",
  },
  timeout: {
    autoRetry: false,
    charged: "maybe",
    reason: "The image service took too long to answer.",
    next: "The images may still have been made and charged. Try again later.",
  },
  network: {
    autoRetry: false,
    charged: "maybe",
    reason: "The connection to the image service failed.",
    next: "If it broke after the request was sent, the images may have been charged. Try again later.",
  },
  bad_response: {
    autoRetry: false,
    charged: "yes",
    reason: "The image service answered, but the answer could not be read.",
    next: "It was probably charged. Try again; if it keeps happening, an administrator should check the service.",
  },
  result_expired: {
    autoRetry: false,
    charged: "yes",
    reason: "The image was made, but the image service's link to it expired before it could be saved.",
    next: "It was probably charged. Try again; if it keeps happening, an administrator should check how long the service keeps its result links.",
  },
  result_not_image: {
    autoRetry: false,
    charged: "yes",
    reason: "The image service sent back a file that is not an image.",
    next: "It was probably charged. Try again; if it keeps happening, an administrator should check the service.",
  },
  no_images: {
    autoRetry: false,
    charged: "maybe",
    reason: "The image service answered but sent back no images.",
    next: "Try again; rewording the prompt sometimes helps.",
  },
  server_error: {
    autoRetry: false,
    charged: "maybe",
    reason: "The image service had an internal error.",
    next: "Try again later.",
  },
  cancelled: {
    autoRetry: false,
    charged: "maybe",
    reason: "The generation was cancelled.",
    next: "Calls already sent may still be charged by the image service.",
  },
  interrupted: {
    autoRetry: false,
    charged: "maybe",
    reason: "The generation was interrupted by a server restart before it finished.",
    next: "Press Retry to run it again; calls already sent may have been charged.",
  },
};

export function isFailureClass(value: unknown): value is FailureClass {
  return typeof value === "string" && (FAILURE_CLASSES as readonly string[]).includes(value);
}
