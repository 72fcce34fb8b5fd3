import { useFormatter } from "next-intl";

type Formatter = ReturnType<typeof useFormatter>;

/** Ledger money (millionths, per currency) in the viewer's language; "—" when nothing was priced. */
export function spendText(format: Formatter, spend: Record<string, number>): string {
  const parts = Object.entries(spend).map(([currency, micros]) =>
    format.number(micros / 1_000_000, { style: "currency", currency, minimumFractionDigits: 2, maximumFractionDigits: 4 }),
  );
  return parts.length ? parts.join(" + ") : "—";
}

export function Money({ spend }: { spend: Record<string, number> }) {
  const format = useFormatter();
  return <span className="tabular-nums">{spendText(format, spend)}</span>;
}
