import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { requireUser } from "@/lib/auth";
import { appUrls } from "@/lib/urls";
import { CreateWorkspaceForm } from "./_components/create-workspace-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("workspace.new");
  return { title: t("metaTitle") };
}

/** Outside the workspace layout on purpose: the person may be between workspaces. */
export default async function NewWorkspacePage() {
  const [, t] = await Promise.all([requireUser(), getTranslations("workspace.new")]);
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Link href={appUrls.workspaces} className="mb-8 text-xl font-semibold tracking-tight">
        Atelier
      </Link>
      <div className="w-full max-w-md rounded-card border border-ink/10 bg-paper-raised p-8 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mb-6 text-sm text-ink-muted">{t("intro")}</p>
        <CreateWorkspaceForm />
      </div>
      <Link href={appUrls.workspaces} className="mt-6 text-sm text-ink-muted hover:underline">
        {t("back")}
      </Link>
    </main>
  );
}
