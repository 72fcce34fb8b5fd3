import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { signOutAction } from "@/lib/actions/sign-out";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { LiveUpdates } from "@/components/live/live-updates";
import { appUrls, workspaceUrls } from "@/lib/urls";
import { NavLink } from "./nav-link";
import { UsageIndicator } from "./usage-indicator";

interface Props {
  viewer: { name: string | null; email: string };
  workspace: { slug: string; name: string; role: Role };
  workspaces: { slug: string; name: string }[];
  children: ReactNode;
}

const menu =
  "absolute z-20 mt-2 min-w-56 rounded-xl border border-ink/10 bg-paper-raised p-1.5 shadow-lg [&_a]:block [&_a]:rounded-lg [&_a]:px-3 [&_a]:py-2 [&_a:hover]:bg-ink/5";

export function AppShell({ viewer, workspace, workspaces, children }: Props) {
  return (
    <div className="min-h-dvh">
      <LiveUpdates />
      <header className="border-b border-ink/10 bg-paper-raised">
        <div className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3 sm:px-6">
          <Link href={appUrls.workspaces} className="font-semibold tracking-tight">
            Atelier
          </Link>
          <details className="relative">
            <summary
              className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-2 py-1 text-sm font-medium hover:bg-ink/5"
              aria-label={`Workspace: ${workspace.name}`}
            >
              <span data-testid="workspace-name">{workspace.name}</span>
              <span aria-hidden className="text-ink-muted">▾</span>
            </summary>
            <div className={`${menu} left-0 text-sm`}>
              <p className="px-3 py-1.5 text-xs font-medium uppercase tracking-wide text-ink-muted">Workspaces</p>
              {workspaces.map((w) => (
                <Link key={w.slug} href={workspaceUrls.create(w.slug)} aria-current={w.slug === workspace.slug ? "page" : undefined}>
                  {w.name}
                </Link>
              ))}
              <div className="mt-1 border-t border-ink/10 pt-1">
                <Link href={appUrls.newWorkspace} className="font-medium text-accent">
                  + New workspace
                </Link>
              </div>
            </div>
          </details>
          <nav aria-label="Workspace" className="flex items-center gap-1">
            <NavLink href={workspaceUrls.create(workspace.slug)}>Create</NavLink>
            <NavLink href={workspaceUrls.gallery(workspace.slug)}>Gallery</NavLink>
            <NavLink href={workspaceUrls.collections(workspace.slug)}>Collections</NavLink>
            <NavLink href={workspaceUrls.activity(workspace.slug)}>Activity</NavLink>
            <NavLink href={workspaceUrls.members(workspace.slug)}>Members</NavLink>
            {can(workspace.role, "workspace.rename") ? <NavLink href={workspaceUrls.settings(workspace.slug)}>Settings</NavLink> : null}
            <NavLink href={workspaceUrls.shared(workspace.slug)}>Shared links</NavLink>
            <NavLink href={workspaceUrls.usage(workspace.slug)}>Usage</NavLink>
            {can(workspace.role, "apikey.create") ? <NavLink href={workspaceUrls.apiKeys(workspace.slug)}>API keys</NavLink> : null}
          </nav>
          <div className="ml-auto">
            <UsageIndicator workspace={workspace.slug} />
          </div>
          <LocaleSwitcher />
          <details className="relative">
            <summary
              className="flex size-9 cursor-pointer list-none items-center justify-center rounded-full bg-accent-soft text-sm font-semibold text-accent"
              aria-label="Account menu"
            >
              {(viewer.name ?? viewer.email).slice(0, 1).toUpperCase()}
            </summary>
            <div className={`${menu} right-0 text-sm`}>
              <div className="px-3 py-2">
                <p className="font-medium">{viewer.name ?? "Your account"}</p>
                <p className="text-ink-muted">{viewer.email}</p>
              </div>
              <Link href={appUrls.me} className="border-t border-ink/10">
                My gallery
              </Link>
              <form action={signOutAction} className="border-t border-ink/10 pt-1">
                <button type="submit" className="w-full rounded-lg px-3 py-2 text-left hover:bg-ink/5">
                  Sign out
                </button>
              </form>
            </div>
          </details>
        </div>
      </header>
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
