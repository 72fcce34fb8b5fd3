import { getTranslations } from "next-intl/server";
import { cookies } from "next/headers";
import Link from "next/link";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { MenuDetails } from "@/components/ui/menu-details";
import { ThemeSwitcher } from "@/components/ui/theme-switcher";
import { signOutAction } from "@/lib/actions/sign-out";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { LiveUpdates } from "@/components/live/live-updates";
import { parseTheme, THEME_COOKIE } from "@/lib/theme";
import { appUrls, workspaceUrls } from "@/lib/urls";
import { AppShellMenu } from "./app-shell-menu";
import { NavLink } from "./nav-link";
import { UsageIndicator } from "./usage-indicator";

interface Props {
  viewer: { name: string | null; email: string };
  workspace: { slug: string; name: string; role: Role };
  workspaces: { slug: string; name: string }[];
  children: ReactNode;
}

// Menus never reach past the screen's edge, however long a name is (a phone is 390 px wide).
const menu =
  "absolute z-20 mt-2 w-max min-w-56 max-w-[calc(100vw-2rem)] rounded-xl border border-ink/10 bg-paper-raised p-1.5 shadow-lg [&_a]:block [&_a]:rounded-lg [&_a]:px-3 [&_a]:py-2 [&_a:hover]:bg-ink/5";

export async function AppShell({ viewer, workspace, workspaces, children }: Props) {
  const t = await getTranslations("common");
  const theme = parseTheme((await cookies()).get(THEME_COOKIE)?.value);
  const start = (
    <>
      <Link href={appUrls.workspaces} className="shrink-0 font-semibold tracking-tight">
        Atelier
      </Link>
      <MenuDetails className="relative min-w-0">
        <summary
          className="flex cursor-pointer list-none items-center gap-2 rounded-lg px-2 py-1 text-sm font-medium hover:bg-ink/5"
          aria-label={t("shell.workspaceMenu", { name: workspace.name })}
        >
          <span data-testid="workspace-name" className="truncate">
            {workspace.name}
          </span>
          <span aria-hidden className="text-ink-muted">
            ▾
          </span>
        </summary>
        <div className={`${menu} left-0 text-sm`}>
          <p className="px-3 py-1.5 text-xs font-medium uppercase tracking-wide text-ink-muted">{t("shell.workspaces")}</p>
          {workspaces.map((w) => (
            <Link
              key={w.slug}
              href={workspaceUrls.create(w.slug)}
              aria-current={w.slug === workspace.slug ? "page" : undefined}
              className="truncate aria-[current=page]:font-medium"
            >
              {w.name}
              {w.slug === workspace.slug ? <span className="ml-2 text-xs font-normal text-ink-muted">{t(`roles.${workspace.role}`)}</span> : null}
            </Link>
          ))}
          <div className="mt-1 border-t border-ink/10 pt-1">
            <Link href={appUrls.newWorkspace} className="font-medium text-accent">
              + {t("shell.newWorkspace")}
            </Link>
          </div>
        </div>
      </MenuDetails>
    </>
  );
  const account = (
    <MenuDetails className="relative">
      {/* The initial is a picture of the account, not its name: the spoken name is the menu's. */}
      <summary
        className="flex size-9 cursor-pointer list-none items-center justify-center rounded-full bg-accent-soft text-sm font-semibold text-accent"
        aria-label={t("shell.accountMenu")}
      >
        <span aria-hidden>{(viewer.name ?? viewer.email).slice(0, 1).toUpperCase()}</span>
      </summary>
      <div className={`${menu} right-0 text-sm`}>
        <div className="px-3 py-2">
          <p className="truncate font-medium">{viewer.name ?? t("shell.yourAccount")}</p>
          <p className="truncate text-ink-muted">{viewer.email}</p>
        </div>
        <div className="border-t border-ink/10">
          <ThemeSwitcher initial={theme} />
        </div>
        <Link href={appUrls.me} className="border-t border-ink/10">
          {t("shell.myGallery")}
        </Link>
        <form action={signOutAction} className="border-t border-ink/10 pt-1">
          <button type="submit" className="w-full rounded-lg px-3 py-2 text-left hover:bg-ink/5">
            {t("shell.signOut")}
          </button>
        </form>
      </div>
    </MenuDetails>
  );
  return (
    <div className="min-h-dvh">
      <LiveUpdates />
      <AppShellMenu label={t("nav.menu")} start={start} end={account}>
        <nav
          aria-label={t("nav.label")}
          className="flex flex-col gap-0.5 lg:flex-row lg:flex-wrap lg:items-center [&_a]:py-2 lg:[&_a]:py-1.5"
        >
          <NavLink href={workspaceUrls.create(workspace.slug)}>{t("nav.create")}</NavLink>
          <NavLink href={workspaceUrls.gallery(workspace.slug)}>{t("nav.gallery")}</NavLink>
          <NavLink href={workspaceUrls.collections(workspace.slug)}>{t("nav.collections")}</NavLink>
          <NavLink href={workspaceUrls.activity(workspace.slug)}>{t("nav.activity")}</NavLink>
          <NavLink href={workspaceUrls.members(workspace.slug)}>{t("nav.members")}</NavLink>
          {can(workspace.role, "workspace.rename") ? <NavLink href={workspaceUrls.settings(workspace.slug)}>{t("nav.settings")}</NavLink> : null}
          <NavLink href={workspaceUrls.shared(workspace.slug)}>{t("nav.sharedLinks")}</NavLink>
          <NavLink href={workspaceUrls.usage(workspace.slug)}>{t("nav.usage")}</NavLink>
          {can(workspace.role, "apikey.create") ? <NavLink href={workspaceUrls.apiKeys(workspace.slug)}>{t("nav.apiKeys")}</NavLink> : null}
        </nav>
        <div className="flex flex-wrap items-center gap-3 border-t border-ink/10 pt-3 lg:ml-auto lg:border-0 lg:pt-0">
          <UsageIndicator workspace={workspace.slug} />
          <LocaleSwitcher />
        </div>
      </AppShellMenu>
      <main className="mx-auto max-w-7xl px-4 py-8 sm:px-6">{children}</main>
    </div>
  );
}
