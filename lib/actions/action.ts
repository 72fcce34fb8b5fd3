import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getViewer, type Viewer } from "@/lib/auth";
import type { Outcome } from "@/lib/data/outcome";
import { isProblemCode, problem, type Done, type DoneCode, type Problem, type ProblemCode, type ProblemParams } from "@/lib/i18n/problems";
import { getWorkspaceAccess, type WorkspaceAccess } from "@/lib/data/workspaces";
import { can, type Action } from "@/lib/permissions";
import { BROKEN_CHARACTER_MESSAGE, CONTROL_CHARACTER_MESSAGE } from "@/lib/validations/text";

/** The shared text base's refusals (its English is also what routes answer), as codes. */
const TEXT_ISSUES: Record<string, ProblemCode> = {
  [CONTROL_CHARACTER_MESSAGE]: "field.controlCharacters",
  [BROKEN_CHARACTER_MESSAGE]: "field.brokenCharacter",
};

/**
 * The one wrapper every server action goes through: who is asking, may they do this here, is the
 * input well-formed. It is not a "use server" module, so nothing in it becomes an endpoint.
 */
export interface ActionState<T = unknown> {
  ok: boolean;
  /** Why it was refused, as a code the page renders in the viewer's language. */
  problem?: Problem;
  /** What was done, likewise (a key of the `done` catalogue). */
  done?: Done;
  /** Per input, what is wrong with it. */
  fieldProblems?: Record<string, Problem[]>;
  /** What the person typed, echoed back on failure: React resets a form after its action runs. */
  values?: Record<string, string>;
  data?: T;
}

export type ActionInput = FormData | Record<string, unknown>;

/** Repeated form fields (e.g. several reference ids) become arrays. */
export function toObject(input: ActionInput): Record<string, unknown> {
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const key of new Set(input.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = input.getAll(key);
    out[key] = values.length > 1 || key.endsWith("[]") ? values : values[0];
  }
  return out;
}

/** Refused, as a code; `field` names the input at fault. */
export function fail(code: ProblemCode, params?: ProblemParams, field?: string): ActionState<never> {
  const p = problem(code, params);
  return { ok: false, problem: p, ...(field ? { fieldProblems: { [field]: [p] } } : {}) };
}

/** Done; `code` (a key of the `done` catalogue) says so to the person when there is something to say. */
export function succeed<T>(data?: T, code?: DoneCode, params?: ProblemParams): ActionState<T> {
  const d = code ? ({ code, ...(params ? { params } : {}) } as Done) : undefined;
  return { ok: true, ...(d ? { done: d } : {}), ...(data === undefined ? {} : { data }) };
}

/**
 * A handler's answer as the page receives it: codes only. An Outcome's English `message` (for logs
 * and the public API) stays on the server; its `field` becomes a field problem.
 */
export function fromOutcome<T>(outcome: Outcome<T> | ActionState<T>): ActionState<T> {
  if (outcome.ok) {
    if (!("value" in outcome)) return outcome;
    return outcome.value === undefined ? { ok: true } : { ok: true, data: outcome.value };
  }
  const refusal = outcome as ActionState<T> & Partial<Extract<Outcome, { ok: false }>>;
  const p = refusal.problem ?? problem("unexpected");
  const fieldProblems = refusal.fieldProblems ?? (refusal.field ? { [refusal.field]: [p] } : undefined);
  return {
    ok: false,
    problem: p,
    ...(fieldProblems ? { fieldProblems } : {}),
    ...(refusal.values ? { values: refusal.values } : {}),
    ...(refusal.data === undefined ? {} : { data: refusal.data }),
  };
}

/**
 * A zod issue as a code: the schema's own message when it is a key of the errors catalogue
 * (`z.string().min(1, "prompt.required")`-style), else a generic one by the issue's kind.
 */
function issueProblem(issue: z.core.$ZodIssue): Problem {
  if (isProblemCode(issue.message)) return problem(issue.message);
  const text = TEXT_ISSUES[issue.message];
  if (text) return problem(text);
  switch (issue.code) {
    case "too_small": {
      const minimum = Number(issue.minimum);
      if (issue.origin === "string") return minimum <= 1 ? problem("field.required") : problem("field.tooShort", { minimum });
      if (issue.origin === "array" || issue.origin === "set") return problem("field.tooFew", { minimum });
      return problem("field.tooSmall", { minimum });
    }
    case "too_big": {
      const maximum = Number(issue.maximum);
      if (issue.origin === "string") return problem("field.tooLong", { maximum });
      if (issue.origin === "array" || issue.origin === "set") return problem("field.tooMany", { maximum });
      return problem("field.tooBig", { maximum });
    }
    case "invalid_format":
      return issue.format === "email" ? problem("field.email") : issue.format === "url" ? problem("field.url") : problem("field.invalid");
    case "invalid_value":
      return problem("field.choice");
    case "invalid_type":
      return issue.input === undefined ? problem("field.required") : problem("field.invalid");
    default:
      return problem("field.invalid");
  }
}

function invalid(error: z.ZodError): ActionState<never> {
  const fieldProblems: Record<string, Problem[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (fieldProblems[key] ??= []).push(issueProblem(issue));
  }
  return { ...fail("invalidFields"), fieldProblems };
}

/** Secrets are never echoed back into the page. */
function echo(raw: ActionInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(toObject(raw))) {
    if (typeof v === "string" && !/password|token|secret/i.test(k)) out[k] = v;
  }
  return out;
}

/** What a handler may answer: an ActionState, or the data layer's Outcome as it is. */
export type HandlerResult<T> = ActionState<T> | Outcome<T>;


async function guard<T>(name: string, raw: ActionInput, run: () => Promise<HandlerResult<T>>): Promise<ActionState<T>> {
  let result: ActionState<T>;
  try {
    result = fromOutcome(await run());
  } catch (e) {
    unstable_rethrow(e);
    console.error(`[action ${name}]`, e);
    result = fail("unexpected");
  }
  return result.ok ? result : { values: echo(raw), ...result };
}

export function publicAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  handler: (input: z.output<S>) => Promise<HandlerResult<T>>,
) {
  return (_prev: ActionState<T> | undefined, raw: ActionInput): Promise<ActionState<T>> =>
    guard(name, raw, async () => {
      const parsed = schema.safeParse(toObject(raw));
      if (!parsed.success) return invalid(parsed.error);
      return handler(parsed.data);
    });
}

export function userAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  handler: (ctx: { viewer: Viewer; input: z.output<S> }) => Promise<HandlerResult<T>>,
) {
  return (_prev: ActionState<T> | undefined, raw: ActionInput): Promise<ActionState<T>> =>
    guard(name, raw, async () => {
      const viewer = await getViewer();
      if (!viewer) return fail("sessionEnded");
      const parsed = schema.safeParse(toObject(raw));
      if (!parsed.success) return invalid(parsed.error);
      return handler({ viewer, input: parsed.data });
    });
}

/** The input must carry `workspace` (a slug); the viewer must be a member allowed `permission`. */
export function workspaceAction<S extends z.ZodType<{ workspace: string }>, T>(
  name: string,
  permission: Action,
  schema: S,
  handler: (ctx: { viewer: Viewer; workspace: WorkspaceAccess; input: z.output<S> }) => Promise<HandlerResult<T>>,
) {
  return userAction(name, schema, async ({ viewer, input }) => {
    const workspace = await getWorkspaceAccess(viewer, input.workspace);
    if (!workspace) return fail("notAMember");
    if (!can(workspace.role, permission)) return fail("roleForbidden");
    return handler({ viewer, workspace, input });
  });
}
