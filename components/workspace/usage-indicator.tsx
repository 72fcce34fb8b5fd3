"use client";

import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { fetchUsage, workspaceKeys } from "@/lib/client-data/workspace";
import { workspaceUrls } from "@/lib/urls";

/**
 * Today's generations against the daily quota, in the header. Polled slowly (other members spend
 * from the same quota); the Create form refreshes it after each generation it starts.
 */
export function UsageIndicator({ workspace }: { workspace: string }) {
  const t = useTranslations("usage.indicator");
  const { data } = useQuery({
    queryKey: workspaceKeys.usage(workspace),
    queryFn: () => fetchUsage(workspace),
    refetchInterval: 30_000,
  });
  if (!data) return null;
  // The member's own cap, when it binds first, is the number that matters to them.
  const capped = data.member?.cap != null && data.member.remaining !== null && data.member.remaining < data.remaining;
  const [used, limit] = capped ? [data.member!.used, data.member!.cap!] : [data.used, data.quota];
  const low = data.available <= Math.max(1, Math.floor(limit / 10));
  return (
    <Link
      href={workspaceUrls.members(workspace, "usage")}
      className={`rounded-full px-2.5 py-1 text-xs font-medium tabular-nums ${low ? "bg-danger-soft text-danger" : "bg-ink/5 text-ink-soft"}`}
      title={t("label", { used, limit, capped: String(capped), available: data.available })}
      data-testid="usage-indicator"
    >
      {t("text", { used, limit })}
    </Link>
  );
}
