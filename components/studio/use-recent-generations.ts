"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchRecentGenerations, generationKeys } from "@/lib/client-data/generations";
import { retryGenerationAction } from "@/lib/actions/retry-generation";
import type { GenerationDTO } from "@/lib/data/dto";

const POLL_MS = 1500;

const isPending = (g: GenerationDTO) => g.status === "QUEUED" || g.status === "RUNNING";

/** The viewer's recent generations, polled while any is still pending, and retrying a failed one. */
export function useRecentGenerations(workspace: string, initialGenerations: GenerationDTO[]) {
  const queryClient = useQueryClient();
  const recent = useQuery({
    queryKey: generationKeys.recent(workspace),
    queryFn: () => fetchRecentGenerations(workspace),
    initialData: initialGenerations,
    refetchInterval: (q) => (q.state.data?.some(isPending) ? POLL_MS : false),
  });

  const retry = useMutation({
    mutationFn: (generationId: string) => retryGenerationAction(undefined, { workspace, generationId }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: generationKeys.recent(workspace) }),
  });

  return {
    generations: recent.data ?? [],
    retry: (generationId: string) => retry.mutate(generationId),
    retryingId: retry.isPending ? retry.variables : null,
    retryMessage: retry.data && !retry.data.ok ? retry.data.message : undefined,
  };
}
