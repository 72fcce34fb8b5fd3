"use client";

import { useProblemText } from "@/components/ui/problem";
import type { ActionState } from "@/lib/actions/action";
import type { Problem } from "@/lib/i18n/problems";

const same = (a: Problem, b: Problem) => a.code === b.code && JSON.stringify(a.params ?? {}) === JSON.stringify(b.params ?? {});

/**
 * A form's one-line outcome in the viewer's language: what was done, or why it was refused unless
 * a field already shows the very same problem beside its input (the code form of generalMessage).
 */
export function useStateMessage() {
  const text = useProblemText();
  return (state: Pick<ActionState, "ok" | "problem" | "done" | "fieldProblems"> | undefined): string | undefined => {
    if (!state) return undefined;
    if (state.ok) return text(state.done, "done");
    const p = state.problem;
    if (!p || Object.values(state.fieldProblems ?? {}).flat().some((f) => same(f, p))) return undefined;
    return text(p);
  };
}
