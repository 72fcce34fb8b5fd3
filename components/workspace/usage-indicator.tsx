"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { fetchUsage } from "./api";
import { workspaceKeys } from "./query-keys";

/**
 * Today's generations against the daily quota, in the header. Polled slowly (other members spend
 * from the same quota); the Create form refreshes it after each generation it starts.
 */
export function UsageIndicator({ workspace }: { workspace: string }) {
  const { data } = useQuery({
    queryKey: workspaceKeys.usage(workspace),
    queryFn: () => fetchUsage(workspace),
    refetchInterval: 30_000,
  });
  if (!data) return null;
  const low = data.remaining <= Math.max(1, Math.floor(data.quota / 10));
  return (
    <Link
      href={`/w/${encodeURIComponent(workspace)}/members#usage`}
      className={`rounded-full px-2.5 py-1 text-xs font-medium tabular-nums ${low ? "bg-danger-soft text-danger" : "bg-ink/5 text-ink-soft"}`}
      aria-label={`Generations today: ${data.used} of ${data.quota} used, ${data.remaining} left`}
      data-testid="usage-indicator"
    >
      {data.used} / {data.quota} today
    </Link>
  );
}
