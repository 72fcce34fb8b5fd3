import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { AppShell } from "@/components/workspace/app-shell";
import { requireUser } from "@/lib/auth";
import { listWorkspacesForViewer } from "@/lib/data/workspaces";
import { appUrls } from "@/lib/urls";

/** Pages about the person across workspaces; the shell shows their home workspace for its links. */
export default async function MeLayout({ children }: { children: ReactNode }) {
  const viewer = await requireUser();
  const workspaces = await listWorkspacesForViewer(viewer);
  const [home] = workspaces;
  if (!home) redirect(appUrls.signIn());
  return (
    <AppShell
      viewer={{ name: viewer.name, email: viewer.email }}
      workspace={{ slug: home.slug, name: home.name, role: home.role }}
      workspaces={workspaces.map((w) => ({ slug: w.slug, name: w.name }))}
    >
      {children}
    </AppShell>
  );
}
