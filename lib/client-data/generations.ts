import type { GenerationDTO } from "@/lib/data/dto";
import { apiUrls } from "@/lib/urls";
import { getJson } from "./http";

/** TanStack Query keys for generations, beside their fetchers so invalidations cannot drift from reads. */
export const generationKeys = {
  all: ["generations"] as const,
  workspace: (workspace: string) => [...generationKeys.all, workspace] as const,
  recent: (workspace: string) => [...generationKeys.workspace(workspace), "recent"] as const,
};

export async function fetchRecentGenerations(workspace: string): Promise<GenerationDTO[]> {
  return (await getJson<{ generations: GenerationDTO[] }>(apiUrls.generations(workspace), "Could not load your generations")).generations;
}
