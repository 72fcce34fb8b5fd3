import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import type { Viewer } from "@/lib/auth";

export interface WorkspaceAccess {
  id: string;
  slug: string;
  name: string;
  personal: boolean;
  role: Role;
}

/**
 * The workspace behind a slug, with the viewer's role in it; null when it does not exist *or* the
 * viewer is not a member, so another tenant's workspace is indistinguishable from a missing one.
 */
export const getWorkspaceAccess = cache(async (viewer: Viewer, slug: string): Promise<WorkspaceAccess | null> => {
  const membership = await db.membership.findFirst({
    where: { userId: viewer.id, workspace: { slug } },
    select: { role: true, workspace: { select: { id: true, slug: true, name: true, personal: true } } },
  });
  return membership ? { ...membership.workspace, role: membership.role } : null;
});

export function listWorkspacesForViewer(viewer: Viewer) {
  return db.membership
    .findMany({
      where: { userId: viewer.id },
      orderBy: [{ workspace: { personal: "desc" } }, { createdAt: "asc" }],
      select: { role: true, workspace: { select: { id: true, slug: true, name: true, personal: true } } },
    })
    .then((rows) => rows.map((r) => ({ ...r.workspace, role: r.role })));
}

/** Where a signed-in person lands: their personal workspace, else the first they belong to. */
export async function homeWorkspaceSlug(viewer: Viewer): Promise<string | null> {
  const [first] = await listWorkspacesForViewer(viewer);
  return first?.slug ?? null;
}
