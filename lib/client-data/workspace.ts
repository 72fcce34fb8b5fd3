import type { ActivityItemDTO } from "@/lib/data/activity";
import type { LibraryItemDTO } from "@/lib/data/library";
import type { UsageDTO } from "@/lib/data/quota";
import { apiUrls } from "@/lib/urls";
import { getJson } from "./http";

/** TanStack Query keys for workspace-wide data, beside their fetchers so invalidations cannot drift from reads. */
export const workspaceKeys = {
  all: ["workspace"] as const,
  of: (workspace: string) => [...workspaceKeys.all, workspace] as const,
  usage: (workspace: string) => [...workspaceKeys.of(workspace), "usage"] as const,
  library: (workspace: string) => [...workspaceKeys.of(workspace), "library"] as const,
  activity: (workspace: string, filter: { review?: string; member?: string }) =>
    [...workspaceKeys.of(workspace), "activity", filter] as const,
};

export const fetchUsage = async (workspace: string) =>
  (await getJson<{ usage: UsageDTO }>(apiUrls.usage(workspace), "Could not load today's usage")).usage;

export const fetchLibrary = async (workspace: string) =>
  (await getJson<{ items: LibraryItemDTO[] }>(apiUrls.library(workspace), "Could not load the library")).items;

export async function fetchActivity(workspace: string, filter: { review?: string; member?: string }) {
  return (await getJson<{ items: ActivityItemDTO[] }>(apiUrls.activity(workspace, filter), "Could not load activity")).items;
}
