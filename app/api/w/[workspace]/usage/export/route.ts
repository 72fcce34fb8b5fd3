import { getWorkspaceUsageRows, microsToDecimal } from "@/lib/data/usage";
import { workspaceRoute } from "@/lib/http/route";

/** A spreadsheet cell: quoted when it holds a separator, and never read as a formula. */
function cell(value: string | number): string {
  const text = String(value);
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The usage page's numbers as CSV, one row per day × member × model and currency (the viewer's own rows for members). */
export const GET = workspaceRoute<RouteContext<"/api/w/[workspace]/usage/export">>("workspace-usage-export", "usage.view.own", async ({ viewer, workspace }) => {
  const rows = await getWorkspaceUsageRows(viewer, workspace);
  const lines = [["day", "member", "model", "images", "calls", "failed_calls", "spend", "possibly_charged", "currency"].join(",")];
  for (const r of rows) {
    const currencies = [...new Set([...Object.keys(r.spend), ...Object.keys(r.maybeSpend)])];
    for (const currency of currencies.length ? currencies : [""]) {
      const money = (s: Record<string, number>) => (currency ? microsToDecimal(s[currency] ?? 0) : "");
      lines.push([r.day, r.member, r.model, r.images, r.calls, r.failures, money(r.spend), money(r.maybeSpend), currency].map(cell).join(","));
    }
  }
  return new Response(`${lines.join("\n")}\n`, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="atelier-usage-${workspace.slug}.csv"`,
      "Cache-Control": "no-store",
    },
  });
});
