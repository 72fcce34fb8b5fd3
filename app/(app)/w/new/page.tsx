import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth";
import { appUrls } from "@/lib/urls";
import { CreateWorkspaceForm } from "./_components/create-workspace-form";

export const metadata: Metadata = { title: "New workspace" };

/** Outside the workspace layout on purpose: the person may be between workspaces. */
export default async function NewWorkspacePage() {
  await requireUser();
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center px-4 py-12">
      <Link href={appUrls.workspaces} className="mb-8 text-xl font-semibold tracking-tight">
        Atelier
      </Link>
      <div className="w-full max-w-md rounded-card border border-ink/10 bg-paper-raised p-8 shadow-sm">
        <h1 className="mb-1 text-2xl font-semibold tracking-tight">New team workspace</h1>
        <p className="mb-6 text-sm text-ink-muted">
          A shared studio: invite people, pick their roles, keep a reference library and a daily limit together.
        </p>
        <CreateWorkspaceForm />
      </div>
      <Link href={appUrls.workspaces} className="mt-6 text-sm text-ink-muted hover:underline">
        Back to my studio
      </Link>
    </main>
  );
}
