import type { ReactNode } from "react";

export function EmptyState({ title, children, action }: { title: string; children: ReactNode; action?: ReactNode }) {
  return (
    <div className="flex flex-col items-center rounded-card border border-dashed border-ink/15 bg-paper-raised px-6 py-16 text-center">
      <h2 className="text-lg font-semibold">{title}</h2>
      <div className="mt-2 max-w-md text-sm text-ink-muted">{children}</div>
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  );
}
