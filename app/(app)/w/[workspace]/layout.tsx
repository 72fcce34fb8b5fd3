import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/workspace/app-shell";
import { requireUser } from "@/lib/auth";
import { getWorkspaceAccess, listWorkspacesForViewer } from "@/lib/data/workspaces";

export default async function WorkspaceLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ workspace: string }>;
}) {
  const viewer = await requireUser();
  const { workspace: slug } = await params;
  const [workspace, workspaces] = await Promise.all([getWorkspaceAccess(viewer, slug), listWorkspacesForViewer(viewer)]);
  if (!workspace) notFound();
  return (
    <AppShell
      viewer={{ name: viewer.name, email: viewer.email }}
      workspace={{ slug: workspace.slug, name: workspace.name, role: workspace.role }}
      workspaces={workspaces.map((w) => ({ slug: w.slug, name: w.name }))}
    >
      {children}
    </AppShell>
  );
}
