import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth";
import { listWorkspaceActivity } from "@/lib/data/activity";
import { listMembers } from "@/lib/data/members";
import { getWorkspaceAccess } from "@/lib/data/workspaces";
import { ActivityFeed } from "./_components/activity-feed";

export const metadata: Metadata = { title: "Activity" };

export default async function ActivityPage({ params }: { params: Promise<{ workspace: string }> }) {
  const viewer = await requireUser();
  const { workspace: slug } = await params;
  const workspace = await getWorkspaceAccess(viewer, slug);
  if (!workspace) notFound();
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
