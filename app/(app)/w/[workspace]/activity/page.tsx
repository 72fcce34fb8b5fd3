import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listWorkspaceActivity } from "@/lib/data/activity";
import { listMembers } from "@/lib/data/members";
import { requireWorkspace } from "@/lib/pages/require-workspace";
import { ActivityFeed } from "./_components/activity-feed";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("gallery");
  return { title: t("meta.activity") };
}

export default async function ActivityPage({ params }: PageProps<"/w/[workspace]/activity">) {
  const { workspace } = await requireWorkspace(params);
  const [items, members, t] = await Promise.all([
    listWorkspaceActivity(workspace),
    listMembers(workspace),
    getTranslations("gallery.activity"),
  ]);
  return (
    <>
      <h1 className="mb-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
      <p className="mb-6 text-sm text-ink-muted">{t("intro", { workspace: workspace.name })}</p>
      <ActivityFeed
        workspace={workspace.slug}
        initialItems={items}
        members={members.map((m) => ({ userId: m.userId, name: m.name ?? m.email }))}
      />
    </>
  );
}
