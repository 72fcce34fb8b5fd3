"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { fetchRecentGenerations, generationKeys, type RecentGenerations } from "@/lib/client-data/generations";
import { cancelGenerationAction } from "@/lib/actions/cancel-generation";
import { retryGenerationAction } from "@/lib/actions/retry-generation";
import { useLiveOpen } from "@/components/live/use-live-state";
import { isPending } from "@/lib/client-data/live";
import { workspaceKeys } from "@/lib/client-data/workspace";

const POLL_MS = 1500;

/**
 * The viewer's recent generations, kept current by the live stream (polled while any is still
 * pending only when the stream is not open), and retrying a failed one;
 * also whether the relay is backing off, so Create can say why a request waits.
 */
export function useRecentGenerations(workspace: string, initial: RecentGenerations) {
  const queryClient = useQueryClient();
  const live = useLiveOpen();
  const recent = useQuery({
    queryKey: generationKeys.recent(workspace),
    queryFn: () => fetchRecentGenerations(workspace),
    initialData: initial,
    refetchInterval: (q) => (!live && q.state.data?.generations.some(isPending) ? POLL_MS : false),
  });

  // A retry takes images from today's quota again and a cancel may give some back: usage is read
  // again here rather than left to the stream (which re-reads it only when it sees slots change).
  const afterChange = () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: generationKeys.recent(workspace) }),
      queryClient.invalidateQueries({ queryKey: workspaceKeys.usage(workspace) }),
    ]);
  const retry = useMutation({
    mutationFn: ({ generationId, slot }: { generationId: string; slot?: number }) =>
      retryGenerationAction(undefined, { workspace, generationId, slot }),
    onSettled: afterChange,
  });
  const cancel = useMutation({
    mutationFn: (generationId: string) => cancelGenerationAction(undefined, { workspace, generationId }),
    onSettled: afterChange,
  });

  return {
    generations: recent.data?.generations ?? [],
    relayStruggling: recent.data?.relay.struggling ?? false,
    /** Without a slot: every failed image of the generation. */
    retry: (generationId: string, slot?: number) => retry.mutate({ generationId, slot }),
    retryingId: retry.isPending ? retry.variables.generationId : null,
    cancel: (generationId: string) => cancel.mutate(generationId),
    cancellingId: cancel.isPending ? cancel.variables : null,
    retryProblem: retry.data && !retry.data.ok ? retry.data.problem : undefined,
  };
}
