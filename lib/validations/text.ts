import { z } from "zod";

// zod probes for eval (`Function("")`) before its first parse to decide whether to compile
// parsers; the page CSP forbids eval, so in the browser the probe would only log a violation.
// Set here, in the base every schema module imports, so it holds wherever a schema reaches the
// browser — and only there: the Create page ships no zod at all (lib/validations/generation-limits.ts).
if (typeof window !== "undefined") z.config({ jitless: true });

/**
 * The one base for every free-text field people type (prompts, names, labels, comments, file names,
 * search): PostgreSQL refuses U+0000 in text, and other C0 controls, DEL and lone surrogates are
 * never meant and can hide text or break rendering. They are refused, with a message, rather than
 * stripped: silently changing what someone typed would be worse than telling them.
 *
 * `line` fields (names, labels, file names) allow a tab but no line break; `multiline` fields
 * (prompts, comments) also allow LF and CR. Chain `.trim()`, `.min()`, `.max()` as usual.
 */
export const CONTROL_CHARACTER_MESSAGE = "Remove the invisible control characters from this text.";
export const BROKEN_CHARACTER_MESSAGE = "This text holds a broken character; retype it.";

// \t is allowed in both; \n and \r only in multiline text.
const LINE_CONTROLS = /[\u0000-\u0008\u000A-\u001F\u007F]/;
const MULTILINE_CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function textOf(controls: RegExp) {
  return z
    .string()
    .refine((v) => !controls.test(v), CONTROL_CHARACTER_MESSAGE)
    .refine((v) => !LONE_SURROGATE.test(v), BROKEN_CHARACTER_MESSAGE);
}

export const lineTextSchema = textOf(LINE_CONTROLS);
export const multilineTextSchema = textOf(MULTILINE_CONTROLS);

/** A text is storable as it is (what the schemas above check), for values that do not pass a schema. */
export function isCleanLine(value: string): boolean {
  return lineTextSchema.safeParse(value).success;
}

/**
 * The workspace slug an action or route names. Looked up, never created here (slugSchema is for
 * that), so only its size and characters are checked: anything else is simply "not found".
 */
export const workspaceRefSchema = lineTextSchema.min(1).max(100);
