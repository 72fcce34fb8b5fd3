"use client";

import { useTranslations } from "next-intl";
import type { Done, Problem, ProblemParams } from "@/lib/i18n/problems";

type Render = (key: string, params?: ProblemParams) => string;

/** Renders server codes in the viewer's language: `text(state.problem)`, `text(state.done, "done")`. */
export function useProblemText() {
  const errors = useTranslations("errors") as unknown as Render;
  const done = useTranslations("done") as unknown as Render;
  return (p: Problem | Done | undefined, namespace: "errors" | "done" = "errors"): string | undefined =>
    p ? (namespace === "done" ? done : errors)(p.code, p.params) : undefined;
}

/** A field's first problem, in the viewer's language (for Field's `errors` prop). */
export function useFieldProblems(fieldProblems: Record<string, Problem[]> | undefined) {
  const text = useProblemText();
  return (name: string): string[] | undefined => {
    const list = fieldProblems?.[name];
    return list?.length ? list.map((p) => text(p)!) : undefined;
  };
}
