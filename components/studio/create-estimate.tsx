"use client";

import { useQuery } from "@tanstack/react-query";
import { fetchUsage, workspaceKeys } from "@/lib/client-data/workspace";
import { estimateRequest, formatMoney, type ModelPricing } from "@/lib/usage/estimate";

/**
 * What pressing Generate will spend, and what is left today, before it is pressed:
 * "4 images · ≈ $0.12 · 36 of 200 left today". The member's own cap is named when it binds first.
 */
export function CreateEstimate({ workspace, n, pricing }: { workspace: string; n: number; pricing: ModelPricing | undefined }) {
  const { data: usage } = useQuery({ queryKey: workspaceKeys.usage(workspace), queryFn: () => fetchUsage(workspace) });
  const estimate = estimateRequest(pricing, n);
  const parts = [`${estimate.images} ${estimate.images === 1 ? "image" : "images"}`];
  if (estimate.cost) parts.push(`≈ ${formatMoney(estimate.cost.amount, estimate.cost.currency)}`);
  let over = false;
  if (usage) {
    const member = usage.member;
    const capBinds = member?.cap != null && member.remaining !== null && member.remaining < usage.remaining;
    parts.push(capBinds ? `${member.remaining} of your ${member.cap} left today` : `${usage.remaining} of ${usage.quota} left today`);
    over = n > usage.available;
  }
  return (
    <p className={`text-sm tabular-nums ${over ? "text-danger" : "text-ink-muted"}`} data-testid="create-estimate" aria-live="polite">
      {parts.join(" · ")}
      {over ? <span className="block">That is more than is left today; ask for fewer or wait until 00:00 UTC.</span> : null}
    </p>
  );
}
