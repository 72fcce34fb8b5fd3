import type { ActivityItemDTO } from "@/lib/data/activity";
import type { LibraryItemDTO } from "@/lib/data/library";
import type { UsageDTO } from "@/lib/data/quota";

async function getJson<T>(url: string, what: string): Promise<T> {
  const res = await fetch(url, { cache: "no-store" });
  if (!res.ok) throw new Error(`Could not load ${what} (${res.status}).`);
  return (await res.json()) as T;
}

const base = (workspace: string) => `/api/w/${encodeURIComponent(workspace)}`;

export const fetchUsage = async (workspace: string) =>
  (await getJson<{ usage: UsageDTO }>(`${base(workspace)}/usage`, "today's usage")).usage;

export const fetchLibrary = async (workspace: string) =>
  (await getJson<{ items: LibraryItemDTO[] }>(`${base(workspace)}/library`, "the library")).items;

export async function fetchActivity(workspace: string, filter: { review?: string; member?: string }) {
  const params = new URLSearchParams();
  if (filter.review) params.set("review", filter.review);
  if (filter.member) params.set("member", filter.member);
  const query = params.size ? `?${params}` : "";
  return (await getJson<{ items: ActivityItemDTO[] }>(`${base(workspace)}/activity${query}`, "activity")).items;
}
