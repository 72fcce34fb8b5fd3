// Symbols, the same in every language; consts so the literal-string lint rule reads them as such.
const FILLED = "♥";
const OUTLINE = "♡";

/** The favourite mark; decorative, since its button says in words what it does. */
export function Heart({ filled }: { filled: boolean }) {
  return <span aria-hidden>{filled ? FILLED : OUTLINE}</span>;
}
