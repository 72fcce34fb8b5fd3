/** The form-level message, unless a field already shows the very same words beside the input. */
export function generalMessage(state?: { message?: string; fieldErrors?: Record<string, string[]> }): string | undefined {
  if (!state?.message) return undefined;
  const shown = Object.values(state.fieldErrors ?? {}).flat();
  return shown.includes(state.message) ? undefined : state.message;
}
