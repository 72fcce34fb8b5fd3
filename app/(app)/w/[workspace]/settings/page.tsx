import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { listMembers } from "@/lib/data/members";
import { getDailyUsage } from "@/lib/data/quota";
import { env } from "@/lib/env";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { can } from "@/lib/permissions";
import { ROLE_LABEL } from "@/lib/validations/workspace";
import { DeleteWorkspaceForm } from "./_components/delete-workspace-form";
import { QuotaForm } from "./_components/quota-form";
import { RenameForm } from "./_components/rename-form";
import { TransferForm } from "./_components/transfer-form";

export const metadata: Metadata = { title: "Settings" };

const section = "space-y-3 rounded-card border border-ink/10 bg-paper-raised p-5";

export default async function SettingsPage({ params }: PageProps<"/w/[workspace]/settings">) {
  const { viewer, workspace } = await requireWorkspace(params);
  if (!can(workspace.role, "workspace.rename")) {
    return (
      <EmptyState title="Only owners change workspace settings">
        You are {ROLE_LABEL[workspace.role].toLowerCase()} in {workspace.name}. Ask an owner to rename it, change its daily limit or
        transfer it.
      </EmptyState>
    );
  }
  const [members, usage] = await Promise.all([listMembers(workspace), getDailyUsage(workspace)]);
  const others = members.filter((m) => m.userId !== viewer.id).map((m) => ({ userId: m.userId, label: `${m.name ?? m.email} (${ROLE_LABEL[m.role].toLowerCase()})` }));

  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-semibold tracking-tight">Settings</h1>

      <section aria-labelledby="rename-heading" className={section}>
        <h2 id="rename-heading" className="font-semibold">
          Name
        </h2>
        <RenameForm workspace={workspace.slug} name={workspace.name} />
      </section>

      <section aria-labelledby="quota-heading" className={section}>
        <h2 id="quota-heading" className="font-semibold">
          Daily generation limit
        </h2>
        <p className="text-sm text-ink-muted">
          Shared by all members; {usage.used} used today. Leave it empty to follow the default of {env.WORKSPACE_DAILY_QUOTA}.
        </p>
        <QuotaForm workspace={workspace.slug} dailyQuota={usage.isDefault ? null : usage.quota} />
      </section>

      {can(workspace.role, "workspace.transfer") && !workspace.personal ? (
        <section aria-labelledby="transfer-heading" className={section}>
          <h2 id="transfer-heading" className="font-semibold">
            Transfer ownership
          </h2>
          <p className="text-sm text-ink-muted">The member you choose becomes an owner; you become an admin.</p>
          {others.length > 0 ? (
            <TransferForm workspace={workspace.slug} members={others} />
          ) : (
            <p className="text-sm text-ink-muted">Invite someone first: there is nobody to hand it to yet.</p>
          )}
        </section>
      ) : null}

      {can(workspace.role, "workspace.delete") ? (
        <section aria-labelledby="delete-heading" className={`${section} border-danger/30`}>
          <h2 id="delete-heading" className="font-semibold text-danger">
            Delete workspace
          </h2>
          {workspace.personal ? (
            <p className="text-sm text-ink-muted">Your personal studio cannot be deleted.</p>
          ) : (
            <>
              <p className="text-sm text-ink-muted">
                Deletes every generation, image, reference, collection and share link in {workspace.name}, and removes its files.
                Members keep their accounts. This cannot be undone.
              </p>
              <DeleteWorkspaceForm workspace={workspace.slug} />
            </>
          )}
        </section>
      ) : null}
    </div>
  );
}
