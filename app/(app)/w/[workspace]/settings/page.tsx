import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmptyState } from "@/components/ui/empty-state";
import { listMembers } from "@/lib/data/members";
import { getDailyUsage } from "@/lib/data/quota";
import { env } from "@/lib/env";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { can } from "@/lib/permissions";
import { DeleteWorkspaceForm } from "./_components/delete-workspace-form";
import { QuotaForm } from "./_components/quota-form";
import { RenameForm } from "./_components/rename-form";
import { TransferForm } from "./_components/transfer-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.settings");
  return { title: t("title") };
}

const section = "space-y-3 rounded-card border border-ink/10 bg-paper-raised p-5";

export default async function SettingsPage({ params }: PageProps<"/w/[workspace]/settings">) {
  const [{ viewer, workspace }, t, tRoles] = await Promise.all([
    requireWorkspace(params),
    getTranslations("workspace.settings"),
    getTranslations("common.roles"),
  ]);
  if (!can(workspace.role, "workspace.rename")) {
    return <EmptyState title={t("ownersOnly")}>{t("ownersOnlyBody", { workspace: workspace.name, role: tRoles(workspace.role) })}</EmptyState>;
  }
  const [members, usage] = await Promise.all([listMembers(workspace), getDailyUsage(workspace)]);
  const others = members
    .filter((m) => m.userId !== viewer.id)
    .map((m) => ({ userId: m.userId, label: t("memberOption", { name: m.name ?? m.email, role: tRoles(m.role) }) }));

  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>

      <section aria-labelledby="rename-heading" className={section}>
        <h2 id="rename-heading" className="font-semibold">
          {t("nameHeading")}
        </h2>
        <RenameForm workspace={workspace.slug} name={workspace.name} />
      </section>

      <section aria-labelledby="quota-heading" className={section}>
        <h2 id="quota-heading" className="font-semibold">
          {t("quotaHeading")}
        </h2>
        <p className="text-sm text-ink-muted" data-testid="quota-explainer">
          {t("quotaBody", { used: usage.used, quota: env.WORKSPACE_DAILY_QUOTA })}
        </p>
        <QuotaForm workspace={workspace.slug} dailyQuota={usage.isDefault ? null : usage.quota} />
      </section>

      {can(workspace.role, "workspace.transfer") && !workspace.personal ? (
        <section aria-labelledby="transfer-heading" className={section}>
          <h2 id="transfer-heading" className="font-semibold">
            {t("transferHeading")}
          </h2>
          <p className="text-sm text-ink-muted">{t("transferBody")}</p>
          {others.length > 0 ? (
            <TransferForm workspace={workspace.slug} members={others} />
          ) : (
            <p className="text-sm text-ink-muted">{t("nobody")}</p>
          )}
        </section>
      ) : null}

      {can(workspace.role, "workspace.delete") ? (
        <section aria-labelledby="delete-heading" className={`${section} border-danger/30`}>
          <h2 id="delete-heading" className="font-semibold text-danger">
            {t("deleteHeading")}
          </h2>
          {workspace.personal ? (
            <p className="text-sm text-ink-muted">{t("personalNoDelete")}</p>
          ) : (
            <>
              <p className="text-sm text-ink-muted">{t("deleteBody", { workspace: workspace.name })}</p>
              <DeleteWorkspaceForm workspace={workspace.slug} />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
