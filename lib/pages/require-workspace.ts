import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireUser } from "@/lib/auth";
import { getWorkspaceAccess } from "@/lib/data/workspaces";

// Keyed by slug, not by the params promise: the layout, generateMetadata and the page each get
// their own promise, and they should share one read per request.
const workspaceForSlug = cache(async (slug: string) => {
  const viewer = await requireUser();
  const workspace = await getWorkspaceAccess(viewer, slug);
  if (!workspace) notFound();
  return { viewer, workspace };
});

/**
 * Every page under /w/[workspace] starts here: the signed-in viewer (else sign-in) and the
 * workspace with their role in it (else 404, whether it does not exist or is someone else's).
 */
export async function requireWorkspace(params: Promise<{ workspace: string }>) {
  return workspaceForSlug((await params).workspace);
}
