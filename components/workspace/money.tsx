import { formatMoney } from "@/lib/usage/estimate";

/** Ledger money (millionths, per currency) through Intl; "—" when nothing was priced. */
export function Money({ spend }: { spend: Record<string, number> }) {
  const parts = Object.entries(spend).map(([currency, micros]) => formatMoney(micros / 1_000_000, currency));
  return <span className="tabular-nums">{parts.length ? parts.join(" + ") : "—"}</span>;
}
