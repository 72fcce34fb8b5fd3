import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmptyState } from "@/components/ui/empty-state";
import { Studio } from "@/components/studio/studio";
import { requireUser } from "@/lib/auth";
import { listRecentGenerations } from "@/lib/data/generations";
import { getWorkspaceAccess } from "@/lib/data/workspaces";
import { env, imageModels } from "@/lib/env";
import { can } from "@/lib/permissions";

export const metadata: Metadata = { title: "Create" };

export default async function CreatePage({ params }: { params: Promise<{ workspace: string }> }) {
  const viewer = await requireUser();
  const { workspace: slug } = await params;
  const workspace = await getWorkspaceAccess(viewer, slug);
  if (!workspace) notFound();
  if (!can(workspace.role, "generation.create")) {
    return (
      <EmptyState title="You can browse, not create, here">
        Your role in {workspace.name} is viewer. Ask an admin for editor access to make images.
      </EmptyState>
    );
  }
  const generations = await listRecentGenerations(viewer, workspace);
  return (
    <>
      <h1 className="mb-6 text-2xl font-semibold tracking-tight">Create</h1>
      <Studio
        workspace={workspace.slug}
        models={imageModels()}
        defaultModel={env.IMAGE_MODEL}
        maxImages={env.IMAGE_MAX_N}
        initialGenerations={generations}
      />
    </>
  );
}
