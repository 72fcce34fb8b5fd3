// use-intl/core, not next-intl: this module also runs in the worker, a plain Node process with the
// react-server condition, where next-intl's entry pulls in React hooks that condition lacks.
import { createTranslator } from "use-intl/core";
import { en, type Messages } from "./messages";

/**
 * The one way the server says what happened: a code (a key of the `errors` or `done` catalogue)
 * and its ICU parameters. Actions, the data layer and routes return these; the page renders them in
 * the viewer's language (components/ui/problem.tsx). Shared by server and browser code.
 */
type Leaves<T, P extends string = ""> = {
  [K in keyof T & string]: T[K] extends string ? `${P}${K}` : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];

export type ProblemCode = Leaves<Messages["errors"]>;
export type DoneCode = Leaves<Messages["done"]>;
export type ProblemParams = Record<string, string | number>;

export interface Problem {
  code: ProblemCode;
  params?: ProblemParams;
}

export interface Done {
  code: DoneCode;
  params?: ProblemParams;
}

export function problem(code: ProblemCode, params?: ProblemParams): Problem {
  return params ? { code, params } : { code };
}

function has(tree: unknown, code: string): boolean {
  let node: unknown = tree;
  for (const part of code.split(".")) {
    if (!node || typeof node !== "object" || !(part in node)) return false;
    node = (node as Record<string, unknown>)[part];
  }
  // A catalogue compiled at build time (next.config.ts) holds a message with arguments as an array.
  return typeof node === "string" || Array.isArray(node);
}

export function isProblemCode(value: unknown): value is ProblemCode {
  return typeof value === "string" && has(en.errors, value);
}

const english = createTranslator({ locale: "en", messages: en });

/**
 * English words for a code, for logs, the public JSON API (whose clients expect OpenAI-shaped
 * English `error.message`) and the few places not yet rendering codes. Pages never show this.
 */
export function englishText(p: Problem | Done, namespace: "errors" | "done" = "errors"): string {
  return (english as unknown as (key: string, params?: ProblemParams) => string)(`${namespace}.${p.code}`, p.params);
}
