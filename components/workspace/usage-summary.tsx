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
        images used today · <span className="tabular-nums">{usage.remaining}</span> left
        {usage.isDefault ? <span className="text-ink-muted"> (the default limit)</span> : null}
      </p>
      {usage.member ? (
        <p className="text-sm" data-testid="usage-member">
          You: <span className="tabular-nums">{usage.member.used}</span> today
          {usage.member.cap !== null ? (
            <>
              {" "}
              of your cap of <span className="tabular-nums">{usage.member.cap}</span> · <span className="tabular-nums">{usage.member.remaining}</span> left
            </>
          ) : null}
        </p>
      ) : null}
      <div
        role="meter"
        aria-label="Images used today"
        aria-valuemin={0}
        aria-valuemax={usage.quota}
        aria-valuenow={usage.used}
        className="h-2 overflow-hidden rounded-full bg-ink/10"
      >
        <div className={`h-full ${usage.remaining === 0 ? "bg-danger" : "bg-accent"}`} style={{ width: `${percent}%` }} />
      </div>
      <p className="text-xs text-ink-muted">
        Counted in images and shared by every member; owners and admins may also cap each member. The count starts again
        at 00:00 UTC. Images whose call failed without being charged are given back.
      </p>
    </div>
  );
}
