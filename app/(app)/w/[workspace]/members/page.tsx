import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { UsageSummary } from "@/components/workspace/usage-summary";
import { listPendingInvitations } from "@/lib/data/invitations";
import { grantableRoles, listMembers, memberControls } from "@/lib/data/members";
import { getDailyUsage, listMemberCaps } from "@/lib/data/quota";
import type { Role } from "@/lib/generated/prisma/enums";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { can } from "@/lib/permissions";
import { InviteForm } from "./_components/invite-form";
import { MemberCapForm } from "./_components/member-cap-form";
import { LeaveWorkspace } from "./_components/leave-workspace";
import { MemberControls } from "./_components/member-controls";
import { RevokeInvitation } from "./_components/revoke-invitation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.members");
  return { title: t("title") };
}

export default async function MembersPage({ params }: PageProps<"/w/[workspace]/members">) {
  const { viewer, workspace } = await requireWorkspace(params);
  if (!can(workspace.role, "member.view")) notFound();
  const canInvite = can(workspace.role, "member.invite") && !workspace.personal;
  const grantable: readonly Role[] = grantableRoles(workspace.role);
  const canCap = can(workspace.role, "member.cap.set") && !workspace.personal;
  const [members, invitations, usage, caps, t, tRoles, format] = await Promise.all([
    listMembers(workspace),
    canInvite ? listPendingInvitations(workspace) : Promise.resolve([]),
    getDailyUsage(workspace, new Date(), viewer.id),
    listMemberCaps(workspace),
    getTranslations("workspace.members"),
    getTranslations("common.roles"),
    getFormatter(),
  ]);
  const soleOwner = members.filter((m) => m.role === "OWNER").length === 1;

  return (
    <div className="space-y-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-sm text-ink-muted">{t("yourRole", { workspace: workspace.name, role: tRoles(workspace.role) })}</p>
        </div>
        {workspace.personal ? null : <LeaveWorkspace workspace={workspace.slug} name={workspace.name} />}
      </header>

      <section aria-labelledby="usage-heading" id="usage" className="space-y-3">
        <h2 id="usage-heading" className="text-lg font-semibold">
          {t("usageHeading")}
        </h2>
        <UsageSummary usage={usage} />
      </section>

      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-lg font-semibold">
          {t("count", { count: members.length })}
        </h2>
        <ul className="divide-y divide-ink/10 rounded-card border border-ink/10 bg-paper-raised">
          {members.map((m) => {
            const self = m.userId === viewer.id;
            const controls = memberControls(workspace.role, m.role, self, soleOwner);
            const label = m.name ?? m.email;
            const today = caps.get(m.userId);
            return (
              <li key={m.userId} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3" data-testid="member-row" data-email={m.email}>
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">
                    {label}
                    {self ? <span className="ml-2 text-xs font-normal text-ink-muted">{t("you")}</span> : null}
                  </p>
                  <p className="truncate text-sm text-ink-muted">{m.email}</p>
                </div>
                <span className="text-xs tabular-nums text-ink-muted" data-testid="member-today">
                  {today?.cap != null ? t("todayOfCap", { used: today.used, cap: today.cap }) : t("today", { used: today?.used ?? 0 })}
                </span>
                <span className="rounded-full bg-ink/5 px-2.5 py-0.5 text-xs font-medium" data-testid="member-role">
                  {tRoles(m.role)}
                </span>
                {canCap && (workspace.role === "OWNER" || m.role === "EDITOR" || m.role === "VIEWER") ? (
                  <MemberCapForm workspace={workspace.slug} member={{ userId: m.userId, label, cap: today?.cap ?? null }} />
                ) : null}
                {controls.roles.length > 0 || controls.canRemove ? (
                  <MemberControls
                    workspace={workspace.slug}
                    member={{ userId: m.userId, label, role: m.role }}
                    roles={controls.roles}
                    canRemove={controls.canRemove}
                  />
                ) : null}
              </li>
            );
          })}
        </ul>
      </section>

      {canInvite ? (
        <section aria-labelledby="invite-heading" className="space-y-4">
          <h2 id="invite-heading" className="text-lg font-semibold">
            {t("inviteHeading")}
          </h2>
          <InviteForm workspace={workspace.slug} roles={grantableRoles(workspace.role)} />
          <h3 className="text-base font-semibold">{t("pendingHeading")}</h3>
          {invitations.length === 0 ? (
            <p className="text-sm text-ink-muted">{t("noPending")}</p>
          ) : (
            <ul className="divide-y divide-ink/10 rounded-card border border-ink/10 bg-paper-raised" aria-label={t("pendingHeading")}>
              {invitations.map((inv) => (
                <li key={inv.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm" data-testid="invitation-row">
                  <div className="min-w-0 flex-1">
                    <p className="font-medium">
                      {tRoles(inv.role)} · {inv.email ?? t("anyone")}
                    </p>
                    <p className="text-ink-muted">
                      {inv.multiUse ? t("multiUse", { uses: inv.uses }) : t("singleUse")} ·{" "}
                      {t("expires", { date: format.dateTime(new Date(inv.expiresAt), "date") })}
                      {inv.invitedBy ? <> · {t("invitedBy", { name: inv.invitedBy })}</> : null}
                    </p>
                  </div>
                  {grantable.includes(inv.role) ? (
                    <RevokeInvitation workspace={workspace.slug} invitationId={inv.id} description={t("invitationOf", { role: tRoles(inv.role) })} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : workspace.personal ? (
        <p className="rounded-card border border-dashed border-ink/15 px-6 py-8 text-center text-sm text-ink-muted">{t("personal")}</p>
      ) : null}
    </div>
  );
}
