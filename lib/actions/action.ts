import "server-only";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { getViewer, type Viewer } from "@/lib/auth";
import { getWorkspaceAccess, type WorkspaceAccess } from "@/lib/data/workspaces";
import { can, type Action } from "@/lib/permissions";

/**
 * The one wrapper every server action goes through: who is asking, may they do this here, is the
 * input well-formed. It is not a "use server" module, so nothing in it becomes an endpoint.
 */
export interface ActionState<T = unknown> {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string[]>;
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

export class ActionError extends Error {
  constructor(
    message: string,
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
  }
}

function invalid(error: z.ZodError): ActionState<never> {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "form";
    (fieldErrors[key] ??= []).push(issue.message);
  }
  return { ok: false, message: "Please correct the highlighted fields.", fieldErrors };
}

/** Secrets are never echoed back into the page. */
function echo(raw: ActionInput): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(toObject(raw))) {
    if (typeof v === "string" && !/password|token|secret/i.test(k)) out[k] = v;
  }
  return out;
}

async function guard<T>(name: string, raw: ActionInput, run: () => Promise<ActionState<T>>): Promise<ActionState<T>> {
  let result: ActionState<T>;
  try {
    result = await run();
  } catch (e) {
    unstable_rethrow(e);
    if (e instanceof ActionError) {
      result = { ok: false, message: e.message, fieldErrors: e.fieldErrors };
    } else {
      console.error(`[action ${name}]`, e);
      result = { ok: false, message: "Something went wrong on our side. Nothing was lost; please try again." };
    }
  }
  return result.ok ? result : { values: echo(raw), ...result };
}

export function publicAction<S extends z.ZodType, T>(
  name: string,
  schema: S,
  handler: (input: z.output<S>) => Promise<ActionState<T>>,
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
  handler: (ctx: { viewer: Viewer; input: z.output<S> }) => Promise<ActionState<T>>,
) {
  return (_prev: ActionState<T> | undefined, raw: ActionInput): Promise<ActionState<T>> =>
    guard(name, raw, async () => {
      const viewer = await getViewer();
      if (!viewer) return { ok: false, message: "Your session has ended. Sign in again to continue." };
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
  handler: (ctx: { viewer: Viewer; workspace: WorkspaceAccess; input: z.output<S> }) => Promise<ActionState<T>>,
) {
  return userAction(name, schema, async ({ viewer, input }) => {
    const workspace = await getWorkspaceAccess(viewer, input.workspace);
    if (!workspace) return { ok: false, message: "That workspace does not exist or you are not a member." };
    if (!can(workspace.role, permission)) {
      return { ok: false, message: "Your role in this workspace does not allow that." };
    }
    return handler({ viewer, workspace, input });
  });
}
