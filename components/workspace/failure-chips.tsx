import { useFormatter, useTranslations } from "next-intl";

/**
 * Failed calls counted by failure class (usage and admin pages): each class in the reader's
 * words, its code kept in the tooltip for whoever reads the logs; a class this build does not
 * know (an older row) shows as its code.
 */
export function FailureChips({ failures, testId, small }: { failures: { outcome: string; calls: number }[]; testId?: string; small?: boolean }) {
  const t = useTranslations("usage.failureClass");
  const format = useFormatter();
  return (
    <ul className={`flex flex-wrap gap-2 ${small ? "text-xs" : "text-sm"}`} data-testid={testId}>
      {failures.map((f) => (
        <li key={f.outcome} className={`rounded-full bg-ink/5 ${small ? "px-2.5 py-0.5" : "px-3 py-1"}`} title={f.outcome}>
          {t.has(f.outcome as never) ? t(f.outcome as never) : <code className="font-mono">{f.outcome}</code>} ·{" "}
          <span className="tabular-nums">{format.number(f.calls)}</span>
        </li>
      ))}
    </ul>
  );
}
