import Link from "next/link";
import { redirect } from "next/navigation";
import type { ReactNode } from "react";
import { LocaleSwitcher } from "@/components/ui/locale-switcher";
import { getViewer } from "@/lib/auth";
import { appUrls } from "@/lib/urls";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await getViewer()) redirect(appUrls.workspaces);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Link href={appUrls.home} className="mb-8 text-xl font-semibold tracking-tight">
        Atelier
      </Link>
      <div className="w-full max-w-sm rounded-card border border-ink/10 bg-paper-raised p-8 shadow-sm">{children}</div>
      <LocaleSwitcher className="mt-6" />
    </main>
  );
}
