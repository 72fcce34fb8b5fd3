import { englishText, problem, type Problem, type ProblemCode, type ProblemParams } from "@/lib/i18n/problems";

/**
 * The one result type: done with a value, or refused with a code the page renders in the viewer's
 * language (lib/i18n/problems.ts). Rules that refuse (the last owner, an expired invitation) are
 * expected outcomes, not exceptions; the action wrapper takes an Outcome as it is.
 *
 * `message`/`fieldErrors` are the English words of the same refusal, kept while screens move to
 * rendering `problem` (refusedText() is the pre-code form); new code reads `problem`.
 */
export type Outcome<T = undefined> =
  | { ok: true; value: T }
  | { ok: false; problem?: Problem; field?: string; message: string; fieldErrors?: Record<string, string[]> };

export type Refusal = Extract<Outcome, { ok: false }>;

export function done(): Outcome<undefined>;
export function done<T>(value: T): Outcome<T>;
export function done<T>(value?: T): Outcome<T | undefined> {
  return { ok: true, value };
}

/** Refused, said as a code (a key of the errors catalogue) with its parameters; `field` names the input at fault. */
export function refused(code: ProblemCode, params?: ProblemParams, field?: string): Outcome<never> {
  const p = problem(code, params);
  const message = englishText(p);
  return { ok: false, problem: p, message, ...(field ? { field, fieldErrors: { [field]: [message] } } : {}) };
}

/** @deprecated English text only; say it as a code with refused(). */
export function refusedText(message: string, field?: string): Outcome<never> {
  return { ok: false, message, ...(field ? { fieldErrors: { [field]: [message] } } : {}) };
}
