"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import type { Problem } from "@/lib/i18n/problems";
import { fetchLibrary, workspaceKeys } from "@/lib/client-data/workspace";
import { pinReferenceAction } from "@/lib/actions/pin-reference";
import { unpinReferenceAction } from "@/lib/actions/unpin-reference";
import { LIBRARY_NAME_MAX_LENGTH } from "@/lib/validations/generation-limits";

/** The workspace's pinned references, with pin and unpin; every change re-reads the shelf. */
export function useReferenceLibrary(workspace: string) {
  const queryClient = useQueryClient();
  const key = workspaceKeys.library(workspace);
  const library = useQuery({ queryKey: key, queryFn: () => fetchLibrary(workspace) });
  const refresh = () => queryClient.invalidateQueries({ queryKey: key });

  const pin = useMutation({
    mutationFn: async (ref: { assetId: string; name: string }) => {
      const result = await pinReferenceAction(undefined, { workspace, assetId: ref.assetId, name: ref.name.slice(0, LIBRARY_NAME_MAX_LENGTH) });
      return result.ok ? undefined : result.problem;
    },
    onSettled: refresh,
  });
  const unpin = useMutation({
    mutationFn: async (assetId: string) => {
      const result = await unpinReferenceAction(undefined, { workspace, assetId });
      return result.ok ? undefined : result.problem;
    },
    onSettled: refresh,
  });

  const items = useMemo(() => library.data ?? [], [library.data]);
  const pinnedIds = useMemo(() => new Set(items.map((i) => i.assetId)), [items]);
  return {
    items,
    pinnedIds,
    pin: (assetId: string, name: string) => pin.mutate({ assetId, name }),
    unpin: (assetId: string) => unpin.mutate(assetId),
    pinning: pin.isPending ? pin.variables.assetId : null,
    /** Why the last pin or unpin was refused, as a code. */
    problem: (pin.data ?? unpin.data ?? (pin.error || unpin.error ? { code: "unexpected" } : undefined)) as Problem | undefined,
    /** The shelf could not be read. */
    unreadable: !!library.error,
  };
}
