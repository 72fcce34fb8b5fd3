import type { GenerationDTO } from "@/lib/data/dto";
import { apiUrls } from "@/lib/urls";
import { getJson } from "./http";

/** TanStack Query keys for generations, beside their fetchers so invalidations cannot drift from reads. */
export const generationKeys = {
  all: ["generations"] as const,
  workspace: (workspace: string) => [...generationKeys.all, workspace] as const,
  recent: (workspace: string) => [...generationKeys.workspace(workspace), "recent"] as const,
};

/** The recent-generations route's answer: the viewer's generations and whether the relay is backing off. */
export interface RecentGenerations {
  generations: GenerationDTO[];
  relay: { struggling: boolean };
}

export async function fetchRecentGenerations(workspace: string): Promise<RecentGenerations> {
  return getJson<RecentGenerations>(apiUrls.generations(workspace), "Could not load your generations");
}

/** One generation and the relay's state: what the live stream sends the tab to read after a change. */
export async function fetchGeneration(workspace: string, generationId: string): Promise<{ generation: GenerationDTO } & Pick<RecentGenerations, "relay">> {
  return getJson(apiUrls.generation(workspace, generationId), "Could not load the generation");
}
