import { englishText, problem, type Problem, type ProblemCode, type ProblemParams } from "@/lib/i18n/problems";

/**
 * The one result type: done with a value, or refused with a code the page renders in the viewer's
 * language (lib/i18n/problems.ts). Rules that refuse (the last owner, an expired invitation) are
 * expected outcomes, not exceptions; the action wrapper takes an Outcome as it is.
 *
 * `message` is the English words of the same refusal, for logs and the OpenAI-shaped public API;
 * the action wrapper never hands it to a page (lib/actions/action.ts fromOutcome).
 */
export type Outcome<T = undefined> =
  | { ok: true; value: T }
  | { ok: false; problem: Problem; field?: string; message: string };

export type Refusal = Extract<Outcome, { ok: false }>;

export function done(): Outcome<undefined>;
export function done<T>(value: T): Outcome<T>;
export function done<T>(value?: T): Outcome<T | undefined> {
  return { ok: true, value };
}

/** Refused, said as a code (a key of the errors catalogue) with its parameters; `field` names the input at fault. */
export function refused(code: ProblemCode, params?: ProblemParams, field?: string): Outcome<never> {
  const p = problem(code, params);
  return { ok: false, problem: p, message: englishText(p), ...(field ? { field } : {}) };
}
