import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { FailureChips } from "@/components/workspace/failure-chips";
import { Money, spendText } from "@/components/workspace/money";
import { UsageChart } from "@/components/workspace/usage-chart";
import { UsageSummary } from "@/components/workspace/usage-summary";
import { requireUser } from "@/lib/auth";
import { getDailyUsage } from "@/lib/data/quota";
import { getWorkspaceUsage, USAGE_DAYS, type UsageTotals } from "@/lib/data/usage";
import { getWorkspaceAccess } from "@/lib/data/workspaces";
import { can } from "@/lib/permissions";
import { apiUrls } from "@/lib/urls";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("usage.page");
  return { title: t("title") };
}

function Row({ label, totals }: { label: string; totals: UsageTotals }) {
  const format = useFormatter();
  return (
    <tr className="border-t border-ink/10">
      <th scope="row" className="py-2 pr-4 text-left font-medium">
        {label}
      </th>
      <td className="py-2 pr-4 text-right tabular-nums">{format.number(totals.images)}</td>
      <td className="py-2 pr-4 text-right tabular-nums">{format.number(totals.calls)}</td>
      <td className="py-2 pr-4 text-right tabular-nums">{format.number(totals.failures)}</td>
      <td className="py-2 text-right">
        <Money spend={totals.spend} />
      </td>
    </tr>
  );
}

function Table({ caption, first, rows, testId }: { caption: string; first: string; rows: { label: string; totals: UsageTotals }[]; testId: string }) {
  const t = useTranslations("usage.page");
  return (
    <table className="w-full text-sm" data-testid={testId}>
      <caption className="mb-2 text-left text-base font-semibold">{caption}</caption>
      <thead className="text-xs text-ink-muted">
        <tr>
          <th scope="col" className="pb-1 text-left font-medium">
            {first}
          </th>
          <th scope="col" className="pb-1 pr-4 text-right font-medium">
            {t("images")}
          </th>
          <th scope="col" className="pb-1 pr-4 text-right font-medium">
            {t("calls")}
          </th>
          <th scope="col" className="pb-1 pr-4 text-right font-medium">
            {t("failed")}
          </th>
          <th scope="col" className="pb-1 text-right font-medium">
            {t("spend")}
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.length === 0 ? (
          <tr>
            <td colSpan={5} className="py-3 text-ink-muted">
              {t("noCalls")}
            </td>
          </tr>
        ) : (
          rows.map((r) => <Row key={r.label} label={r.label} totals={r.totals} />)
        )}
      </tbody>
    </table>
  );
}

export default async function UsagePage({ params }: PageProps<"/w/[workspace]/usage">) {
  const viewer = await requireUser();
  const { workspace: slug } = await params;
  const workspace = await getWorkspaceAccess(viewer, slug);
  if (!workspace || !can(workspace.role, "usage.view.own")) notFound();
  const [report, today, t, format] = await Promise.all([
    getWorkspaceUsage(viewer, workspace),
    getDailyUsage(workspace, new Date(), viewer.id),
    getTranslations("usage.page"),
    getFormatter(),
  ]);
  const { totals } = report;

  return (
    <div className="space-y-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-sm text-ink-muted">{t("intro", { own: String(report.ownOnly), workspace: workspace.name, days: USAGE_DAYS })}</p>
        </div>
        <a href={apiUrls.usageExport(workspace.slug)} className="text-sm font-medium text-accent" download>
          {t("export")}
        </a>
      </header>

      <UsageSummary usage={today} />

      <section aria-labelledby="chart-heading" className="space-y-3 rounded-card border border-ink/10 bg-paper-raised p-4">
        <h2 id="chart-heading" className="text-lg font-semibold">
          {t.rich("totals", {
            images: totals.images,
            calls: totals.calls,
            failures: totals.failures,
            spend: spendText(format, totals.spend),
            n: (chunks) => <span data-testid="usage-total-images">{chunks}</span>,
          })}
          {Object.keys(totals.maybeSpend).length ? (
            <span className="text-sm font-normal text-ink-muted"> {t("maybe", { spend: spendText(format, totals.maybeSpend) })}</span>
          ) : null}
        </h2>
        <UsageChart days={report.days} />
      </section>

      <div className="grid gap-8 lg:grid-cols-2">
        {report.ownOnly ? null : (
          <Table caption={t("byMember")} first={t("member")} testId="usage-members" rows={report.members.map((m) => ({ label: m.name, totals: m }))} />
        )}
        <Table caption={t("byModel")} first={t("model")} testId="usage-models" rows={report.models.map((m) => ({ label: m.model, totals: m }))} />
      </div>

      <section aria-labelledby="failures-heading" className="space-y-2">
        <h2 id="failures-heading" className="text-base font-semibold">
          {t("failuresHeading")}
        </h2>
        {report.failuresByClass.length === 0 ? (
          <p className="text-sm text-ink-muted">{t("noFailures")}</p>
        ) : (
          <FailureChips failures={report.failuresByClass} testId="usage-failures" />
        )}
      </section>
    </div>
  );
}
