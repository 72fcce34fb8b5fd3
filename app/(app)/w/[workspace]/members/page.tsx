import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { UsageSummary } from "@/components/workspace/usage-summary";
import { listPendingInvitations } from "@/lib/data/invitations";
import { grantableRoles, listMembers, memberControls } from "@/lib/data/members";
import { getDailyUsage, listMemberCaps } from "@/lib/data/quota";
import type { Role } from "@/lib/generated/prisma/enums";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { can } from "@/lib/permissions";
import { ROLE_LABEL } from "@/lib/validations/workspace";
import { InviteForm } from "./_components/invite-form";
import { MemberCapForm } from "./_components/member-cap-form";
import { LeaveWorkspace } from "./_components/leave-workspace";
import { MemberControls } from "./_components/member-controls";
import { RevokeInvitation } from "./_components/revoke-invitation";

export const metadata: Metadata = { title: "Members" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export default async function MembersPage({ params }: PageProps<"/w/[workspace]/members">) {
  const { viewer, workspace } = await requireWorkspace(params);
  if (!can(workspace.role, "member.view")) notFound();
  const canInvite = can(workspace.role, "member.invite") && !workspace.personal;
  const grantable: readonly Role[] = grantableRoles(workspace.role);
  const canCap = can(workspace.role, "member.cap.set") && !workspace.personal;
  const [members, invitations, usage, caps] = await Promise.all([
    listMembers(workspace),
    canInvite ? listPendingInvitations(workspace) : Promise.resolve([]),
    getDailyUsage(workspace, new Date(), viewer.id),
    listMemberCaps(workspace),
  ]);
  const soleOwner = members.filter((m) => m.role === "OWNER").length === 1;

  return (
    <div className="space-y-10">
      <header className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Members</h1>
          <p className="mt-1 text-sm text-ink-muted">
            {workspace.name} · you are {ROLE_LABEL[workspace.role].toLowerCase()}
          </p>
        </div>
        {workspace.personal ? null : <LeaveWorkspace workspace={workspace.slug} name={workspace.name} />}
      </header>

      <section aria-labelledby="usage-heading" id="usage" className="space-y-3">
        <h2 id="usage-heading" className="text-lg font-semibold">
          Today&apos;s usage
        </h2>
        <UsageSummary usage={usage} />
      </section>

      <section aria-labelledby="members-heading" className="space-y-3">
        <h2 id="members-heading" className="text-lg font-semibold">
          {members.length} {members.length === 1 ? "member" : "members"}
        </h2>
        <ul className="divide-y divide-ink/10 rounded-card border border-ink/10 bg-paper-raised">
          {members.map((m) => {
            const self = m.userId === viewer.id;
            const controls = memberControls(workspace.role, m.role, self, soleOwner);
            const label = m.name ?? m.email;
            return (
              <li key={m.userId} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3" data-testid="member-row" data-email={m.email}>
                <div className="min-w-0 flex-1">
                  <p className="truncate font-medium">
                    {label}
                    {self ? <span className="ml-2 text-xs font-normal text-ink-muted">(you)</span> : null}
                  </p>
                  <p className="truncate text-sm text-ink-muted">{m.email}</p>
                </div>
                <span className="text-xs tabular-nums text-ink-muted" data-testid="member-today">
                  {caps.get(m.userId)?.used ?? 0}
                  {caps.get(m.userId)?.cap != null ? ` of ${caps.get(m.userId)!.cap}` : ""} images today
                </span>
                <span className="rounded-full bg-ink/5 px-2.5 py-0.5 text-xs font-medium" data-testid="member-role">
                  {ROLE_LABEL[m.role]}
                </span>
                {canCap && (workspace.role === "OWNER" || m.role === "EDITOR" || m.role === "VIEWER") ? (
                  <MemberCapForm workspace={workspace.slug} member={{ userId: m.userId, label, cap: caps.get(m.userId)?.cap ?? null }} />
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
            Invite people
          </h2>
          <InviteForm workspace={workspace.slug} roles={grantableRoles(workspace.role)} />
          <h3 className="text-base font-semibold">Pending invitations</h3>
          {invitations.length === 0 ? (
            <p className="text-sm text-ink-muted">No invitation links are open.</p>
          ) : (
            <ul className="divide-y divide-ink/10 rounded-card border border-ink/10 bg-paper-raised" aria-label="Pending invitations">
              {invitations.map((inv) => (
                <li key={inv.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-4 py-3 text-sm" data-testid="invitation-row">
                  <div className="min-w-0 flex-1">
                    <p className="font-medium">
                      {ROLE_LABEL[inv.role]} · {inv.email ?? "anyone with the link"}
                    </p>
                    <p className="text-ink-muted">
                      {inv.multiUse ? `Multi-use, used ${inv.uses} ${inv.uses === 1 ? "time" : "times"}` : "Single use"} · expires{" "}
                      {dateFormat.format(new Date(inv.expiresAt))}
                      {inv.invitedBy ? ` · by ${inv.invitedBy}` : ""}
                    </p>
                  </div>
                  {grantable.includes(inv.role) ? (
                    <RevokeInvitation workspace={workspace.slug} invitationId={inv.id} description={`${ROLE_LABEL[inv.role]} invitation`} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : workspace.personal ? (
        <p className="rounded-card border border-dashed border-ink/15 px-6 py-8 text-center text-sm text-ink-muted">
          This is your personal studio. To work with others, create a team workspace from the workspace menu.
        </p>
      ) : null}
    </div>
  );
}
