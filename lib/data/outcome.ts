/**
 * What a data-layer rule answers: done, or refused with a message the person may read. Rules that
 * refuse (the last owner, an expired invitation) are expected outcomes, not exceptions, so the
 * action can hand the message straight to the page while unexpected errors stay hidden.
 */
export type Outcome<T = undefined> =
  | { ok: true; value: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]> };

export function done(): Outcome<undefined>;
export function done<T>(value: T): Outcome<T>;
export function done<T>(value?: T): Outcome<T | undefined> {
  return { ok: true, value };
}

export function refused(message: string, field?: string): Outcome<never> {
  return { ok: false, message, ...(field ? { fieldErrors: { [field]: [message] } } : {}) };
}
