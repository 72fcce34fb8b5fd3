import { useTranslations } from "next-intl";
import type { UsageDTO } from "@/lib/data/quota";

/** The daily quota in words and as a meter; the rules about failures are stated where people look. */
export function UsageSummary({ usage }: { usage: UsageDTO }) {
  const t = useTranslations("usage.summary");
  const percent = usage.quota > 0 ? Math.min(100, Math.round((usage.used / usage.quota) * 100)) : 100;
  return (
    <div className="space-y-2 rounded-card border border-ink/10 bg-paper-raised p-4" data-testid="usage-summary">
      <p className="text-sm tabular-nums">
        {t.rich("used", {
          used: usage.used,
          quota: usage.quota,
          remaining: usage.remaining,
          b: (chunks) => <span className="font-semibold">{chunks}</span>,
        })}
        {usage.isDefault ? <span className="text-ink-muted"> {t("default")}</span> : null}
      </p>
      {usage.member ? (
        <p className="text-sm tabular-nums" data-testid="usage-member">
          {usage.member.cap !== null
            ? t("memberCap", { used: usage.member.used, cap: usage.member.cap, remaining: usage.member.remaining ?? 0 })
            : t("member", { used: usage.member.used })}
        </p>
      ) : null}
      <div
        role="meter"
        aria-label={t("meter")}
        aria-valuemin={0}
        aria-valuemax={usage.quota}
        aria-valuenow={usage.used}
        className="h-2 overflow-hidden rounded-full bg-ink/10"
      >
        <div className={`h-full ${usage.remaining === 0 ? "bg-danger" : "bg-accent"}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-ink-muted">{t("rules")}</p>
    </div>
  );
}
