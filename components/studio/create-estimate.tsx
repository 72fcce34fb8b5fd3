"use client";

import { useQuery } from "@tanstack/react-query";
import { useFormatter, useTranslations } from "next-intl";
import { fetchUsage, workspaceKeys } from "@/lib/client-data/workspace";
import { estimateRequest, type ModelPricing } from "@/lib/usage/estimate";

/**
 * What pressing Generate will spend, and what is left today, before it is pressed:
 * "4 images · ≈ $0.12 · 36 of 200 left today". The member's own cap is named when it binds first.
 */
export function CreateEstimate({ workspace, n, pricing }: { workspace: string; n: number; pricing: ModelPricing | undefined }) {
  const t = useTranslations("studio.estimate");
  const format = useFormatter();
  const { data: usage } = useQuery({ queryKey: workspaceKeys.usage(workspace), queryFn: () => fetchUsage(workspace) });
  const estimate = estimateRequest(pricing, n);
  const parts = [t("images", { count: estimate.images })];
  if (estimate.cost) {
    const cost = format.number(estimate.cost.amount, {
      style: "currency",
      currency: estimate.cost.currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 4,
    });
    parts.push(t("cost", { cost }));
  }
  let over = false;
  let resets = "";
  if (usage) {
    // The quota starts again at 00:00 UTC, said as a time of day in UTC.
    resets = format.dateTime(new Date(usage.resetsAt), { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
    const member = usage.member;
    const capBinds = member?.cap != null && member.remaining !== null && member.remaining < usage.remaining;
    parts.push(
      capBinds && member.cap != null && member.remaining !== null
        ? t("leftMine", { remaining: member.remaining, cap: member.cap })
        : t("left", { remaining: usage.remaining, quota: usage.quota }),
    );
    over = n > usage.available;
  }
  return (
    <p className={`text-sm tabular-nums ${over ? "text-danger" : "text-ink-muted"}`} data-testid="create-estimate" aria-live="polite">
      {parts.join(" · ")}
      {over ? <span className="block">{t("over", { time: resets })}</span> : null}
    </p>
  );
}
