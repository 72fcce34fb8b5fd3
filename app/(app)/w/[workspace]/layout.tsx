import { AppShell } from "@/components/workspace/app-shell";
import { listWorkspacesForViewer } from "@/lib/data/workspaces";
import { requireWorkspace } from "@/lib/pages/require-workspace";

export default async function WorkspaceLayout({ children, params }: LayoutProps<"/w/[workspace]">) {
  const { viewer, workspace } = await requireWorkspace(params);
  const workspaces = await listWorkspacesForViewer(viewer);
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
