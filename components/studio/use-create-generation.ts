"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, useState } from "react";
import type { Problem } from "@/lib/i18n/problems";
import { generationKeys, type RecentGenerations } from "@/lib/client-data/generations";
import { askToNotifyOnce } from "@/components/live/notifications";
import { getLiveState } from "@/lib/client-data/live";
import { workspaceKeys } from "@/lib/client-data/workspace";
import { createGenerationAction } from "@/lib/actions/create-generation";
import type { GenerationDTO } from "@/lib/data/dto";
import type { Draft } from "./use-studio-draft";

/** A generation just asked for, shown at once with its placeholders until the live stream (or the poll) brings the real row. */
function placeholder(id: string, draft: Draft): GenerationDTO {
  return {
    id,
    status: "QUEUED",
    prompt: draft.prompt.trim(),
    size: draft.size,
    n: draft.n,
    model: draft.model,
    createdAt: new Date().toISOString(),
    startedAt: null,
    finishedAt: null,
    error: null,
    references: [],
    images: [],
    parentId: draft.parentId ?? null,
    canRetry: false,
    sentPrompt: null,
    slots: [],
    canCancel: false,
    cancelled: false,
  };
}

/**
 * Submits the draft as a new generation. One idempotency key per intended submission: a double
 * click or a network retry makes one generation; the draft itself is never cleared here. Its
 * `shapeHint` says whether the person left the hint on (the server appends it only for models
 * that ignore `size`).
 */
export function useCreateGeneration(workspace: string, draft: Draft) {
  const queryClient = useQueryClient();
  const [fieldProblems, setFieldProblems] = useState<Record<string, Problem[]>>({});
  const submissionKey = useRef<string | null>(null);

  const create = useMutation({
    mutationFn: async () => {
      submissionKey.current ??= crypto.randomUUID();
      return createGenerationAction(undefined, {
        workspace,
        prompt: draft.prompt,
        size: draft.size,
        n: draft.n,
        model: draft.model,
        references: draft.references.map((r) => ({ assetId: r.assetId!, label: r.label || undefined })),
        idempotencyKey: submissionKey.current,
        parentId: draft.parentId,
        shapeHint: draft.shapeHint,
      });
    },
    onSuccess: (result) => {
      setFieldProblems(result.fieldProblems ?? {});
      if (!result.ok) return;
      submissionKey.current = null;
      const id = (result.data as { id: string }).id;
      queryClient.setQueryData<RecentGenerations>(generationKeys.recent(workspace), (prev) =>
        prev && !prev.generations.some((g) => g.id === id)
          ? { ...prev, generations: [placeholder(id, draft), ...prev.generations] }
          : prev,
      );
      // Its images were just taken from today's quota.
      void queryClient.invalidateQueries({ queryKey: workspaceKeys.usage(workspace) });
      // With the stream open, the new row's own change brings it; the list is not re-read.
      if (getLiveState() === "open") return;
      void queryClient.invalidateQueries({ queryKey: generationKeys.recent(workspace) });
    },
  });

  const submit = () => {
    askToNotifyOnce();
    create.mutate();
  };
  return {
    submit,
    pending: create.isPending,
    /** Why the server refused, as a code the page renders in the viewer's language. */
    problem: create.data && !create.data.ok ? create.data.problem : undefined,
    /** The request never got an answer (offline, server down). */
    unreachable: !!create.error,
    fieldProblems,
  };
}
