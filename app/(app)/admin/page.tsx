import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { useFormatter, useTranslations } from "next-intl";
import { getFormatter, getTranslations } from "next-intl/server";
import { FailureChips } from "@/components/workspace/failure-chips";
import { Money } from "@/components/workspace/money";
import { getViewer } from "@/lib/auth";
import { adminOverview, isInstanceAdmin, type RelayHealth } from "@/lib/data/admin";
import { USAGE_DAYS } from "@/lib/data/usage";
import { SuspendUserForm, SuspendWorkspaceButton } from "./_components/suspend-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.admin");
  return { title: t("title") };
}
// Numbers of the moment: never prerendered or cached.
export const dynamic = "force-dynamic";

function Health({ title, health, testId }: { title: string; health: RelayHealth; testId: string }) {
  const t = useTranslations("workspace.admin");
  const format = useFormatter();
  // The percentile names are the statistic's own notation, the same in every language.
  const latency = (name: "p50" | "p95", ms: number | null) =>
    `${name} ${ms === null ? "—" : format.number(ms / 1000, { style: "unit", unit: "second", maximumFractionDigits: 1 })}`;
  return (
    <div className="space-y-2 rounded-card border border-ink/10 bg-paper-raised p-4" data-testid={testId}>
      <h3 className="font-semibold">{title}</h3>
      <p className="text-sm tabular-nums">
        {t("health", {
          calls: health.calls,
          rate: health.successRate === null ? "—" : format.number(health.successRate, "percent"),
          p50: latency("p50", health.p50Ms),
          p95: latency("p95", health.p95Ms),
        })}
      </p>
      {health.failuresByClass.length ? (
        <FailureChips failures={health.failuresByClass} small />
      ) : (
        <p className="text-xs text-ink-muted">{t("noFailures")}</p>
      )}
    </div>
  );
}

/** For the people running this server (ADMIN_EMAILS); everyone else, signed in or not, gets a 404. */
export default async function AdminPage() {
  const viewer = await getViewer();
  if (!isInstanceAdmin(viewer)) notFound();
  const [{ workspaces, hour, day, queue, suspendedUsers }, t, format] = await Promise.all([
    adminOverview(),
    getTranslations("workspace.admin"),
    getFormatter(),
  ]);
  return (
    <main className="mx-auto max-w-6xl space-y-10 px-6 py-10">
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-ink-muted">{t("signedInAs", { email: viewer.email })}</p>
      </header>

      <section aria-labelledby="relay-heading" className="space-y-3">
        <h2 id="relay-heading" className="text-lg font-semibold">
          {t("relay")}
        </h2>
        <p className="text-sm tabular-nums" data-testid="queue-depth">
          {t("queue", { queued: queue.queued, running: queue.running })}
        </p>
        <div className="grid gap-4 md:grid-cols-2">
          <Health title={t("lastHour")} health={hour} testId="relay-hour" />
          <Health title={t("lastDay")} health={day} testId="relay-day" />
        </div>
      </section>

      <section aria-labelledby="workspaces-heading" className="space-y-3">
        <h2 id="workspaces-heading" className="text-lg font-semibold">
          {t("workspaces", { days: USAGE_DAYS })}
        </h2>
        <table className="w-full text-sm" data-testid="admin-workspaces">
          <thead className="text-left text-xs text-ink-muted">
            <tr>
              <th className="pb-1 font-medium">{t("colWorkspace")}</th>
              <th className="pb-1 text-right font-medium">{t("colMembers")}</th>
              <th className="pb-1 text-right font-medium">{t("colImages")}</th>
              <th className="pb-1 text-right font-medium">{t("colCalls")}</th>
              <th className="pb-1 text-right font-medium">{t("colFailed")}</th>
              <th className="pb-1 text-right font-medium">{t("colSpend")}</th>
              <th className="pb-1" />
            </tr>
          </thead>
          <tbody>
            {workspaces.map((w) => (
              <tr key={w.id} className="border-t border-ink/10" data-testid="admin-workspace" data-slug={w.slug}>
                <td className="py-2">
                  {w.name} <span className="text-ink-muted">/{w.slug}</span>
                  {w.suspended ? <span className="ml-2 rounded-full bg-danger-soft px-2 py-0.5 text-xs text-danger">{t("suspended")}</span> : null}
                </td>
                <td className="py-2 text-right tabular-nums">{format.number(w.members)}</td>
                <td className="py-2 text-right tabular-nums">{format.number(w.images)}</td>
                <td className="py-2 text-right tabular-nums">{format.number(w.calls)}</td>
                <td className="py-2 text-right tabular-nums">{format.number(w.failures)}</td>
                <td className="py-2 text-right">
                  <Money spend={w.spend} />
                </td>
                <td className="py-2 text-right">
                  <SuspendWorkspaceButton workspaceId={w.id} slug={w.slug} suspended={w.suspended} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="accounts-heading" className="space-y-3">
        <h2 id="accounts-heading" className="text-lg font-semibold">
          {t("accounts")}
        </h2>
        <SuspendUserForm />
        {suspendedUsers.length ? (
          <ul className="divide-y divide-ink/10 rounded-card border border-ink/10 bg-paper-raised text-sm">
            {suspendedUsers.map((u) => (
              <li key={u.id} className="flex items-center justify-between gap-4 px-4 py-2" data-testid="suspended-user">
                <span>{u.email}</span>
                <SuspendUserForm email={u.email} suspended={false} />
              </li>
            ))}
          </ul>
        ) : null}
      </section>
    </main>
  );
}
