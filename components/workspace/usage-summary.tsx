import type { UsageDTO } from "@/lib/data/quota";

/** The daily quota in words and as a meter; the rules about failures are stated where people look. */
export function UsageSummary({ usage }: { usage: UsageDTO }) {
  const percent = usage.quota > 0 ? Math.min(100, Math.round((usage.used / usage.quota) * 100)) : 100;
  return (
    <div className="space-y-2 rounded-card border border-ink/10 bg-paper-raised p-4" data-testid="usage-summary">
      <p className="text-sm">
        <span className="font-semibold tabular-nums">
          {usage.used} of {usage.quota}
        </span>{" "}
        generations used today · <span className="tabular-nums">{usage.remaining}</span> left
        {usage.isDefault ? <span className="text-ink-muted"> (the default limit)</span> : null}
      </p>
      <div
        role="meter"
        aria-label="Generations used today"
        aria-valuemin={0}
        aria-valuemax={usage.quota}
        aria-valuenow={usage.used}
        className="h-2 overflow-hidden rounded-full bg-ink/10"
      >
        <div className={`h-full ${usage.remaining === 0 ? "bg-danger" : "bg-accent"}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-ink-muted">
        Shared by every member; the count starts again at 00:00 UTC. A generation that fails still uses its slot, but
        retrying it does not use another.
      </p>
    </div>
  );
}
