/**
 * Images per day as bars, failed calls as a red mark on top: a small SVG, no chart library.
 * Each bar carries its numbers in a <title> and the whole chart a text summary for screen readers.
 */
export function UsageChart({ days }: { days: { day: string; images: number; failures: number }[] }) {
  const width = 600;
  const height = 140;
  const gap = 2;
  const max = Math.max(1, ...days.map((d) => d.images + d.failures));
  const bar = width / days.length - gap;
  const total = days.reduce((sum, d) => sum + d.images, 0);
  return (
    <figure className="space-y-2">
      <svg
        viewBox={`0 0 ${width} ${height + 16}`}
        className="w-full"
        role="img"
        aria-label={`Images per day over the last ${days.length} days: ${total} in all`}
        data-testid="usage-chart"
      >
        {days.map((d, i) => {
          const x = i * (bar + gap);
          const hImages = (d.images / max) * height;
          const hFailures = (d.failures / max) * height;
          return (
            <g key={d.day} data-testid="usage-chart-day" data-day={d.day} data-images={d.images}>
              <title>{`${d.day}: ${d.images} images, ${d.failures} failed calls`}</title>
              <rect x={x} y={height - hImages} width={bar} height={hImages} className="fill-accent" />
              <rect x={x} y={height - hImages - hFailures} width={bar} height={hFailures} className="fill-danger" />
              {i % 7 === days.length % 7 ? (
                <text x={x} y={height + 13} className="fill-ink-muted text-[10px]">
                  {d.day.slice(5)}
                </text>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="text-xs text-ink-muted">Images per day (UTC); red: failed calls.</figcaption>
    </figure>
  );
}
