import type { Metadata } from "next";
import { listWorkspaceActivity } from "@/lib/data/activity";
import { listMembers } from "@/lib/data/members";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { ActivityFeed } from "./_components/activity-feed";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ params }: PageProps<"/w/[workspace]/activity">) {
  const { workspace } = await requireWorkspace(params);
  const [items, members] = await Promise.all([listWorkspaceActivity(workspace), listMembers(workspace)]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">Activity</h1>
      <p className="mb-6 text-sm text-ink-muted">Everyone&apos;s newest generations in {workspace.name}, updated as they happen.</p>
      <ActivityFeed
        workspace={workspace.slug}
        initialItems={items}
        members={members.map((m) => ({ userId: m.userId, name: m.name ?? m.email }))}
      />
    </>
  );
}
