import { useFormatter, useTranslations } from "next-intl";

/**
 * Images per day as bars, failed calls as a red mark on top: a small SVG, no chart library.
 * Each bar carries its numbers in a <title> and the whole chart a text summary for screen readers.
 */
export function UsageChart({ days }: { days: { day: string; images: number; failures: number }[] }) {
  const t = useTranslations("usage.chart");
  const format = useFormatter();
  const width = 600;
  const height = 140;
  const gap = 2;
  const max = Math.max(1, ...days.map((d) => d.images + d.failures));
  const bar = width / days.length - gap;
  const total = days.reduce((sum, d) => sum + d.images, 0);
  // Days are UTC dates (YYYY-MM-DD): shown as such in the viewer's language.
  const dayText = (day: string, month: "short" | "numeric") =>
    format.dateTime(new Date(`${day}T00:00:00Z`), { month, day: "numeric", timeZone: "UTC" });
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${height + 16}`}
        className="w-full"
        role="img"
        aria-label={t("label", { days: days.length, total })}
        data-testid="usage-chart"
      >
        {days.map((d, i) => {
          const x = i * (bar + gap);
          const hImages = (d.images / max) * height;
          const hFailures = (d.failures / max) * height;
          return (
            <g key={d.day} data-testid="usage-chart-day" data-day={d.day} data-images={d.images}>
              <title>{t("day", { day: dayText(d.day, "short"), images: d.images, failures: d.failures })}</title>
              <rect x={x} y={height - hImages} width={bar} height={hImages} className="fill-accent" />
              <rect x={x} y={height - hImages - hFailures} width={bar} height={hFailures} className="fill-danger" />
              {i % 7 === days.length % 7 ? (
                <text x={x} y={height + 13} className="fill-ink-muted text-[10px]">
                  {dayText(d.day, "numeric")}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="text-xs text-ink-muted">{t("caption")}</figcaption>
    </figure>
  );
}
