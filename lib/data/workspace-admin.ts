import "server-only";
import type { Viewer } from "@/lib/auth";
import { lockWorkspace } from "@/lib/data/members";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import { releaseStoredFiles } from "@/lib/data/release-files";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** A team workspace, owned by the person who made it. */
export async function createTeamWorkspace(viewer: Viewer, input: { name: string; slug: string }): Promise<Outcome<{ slug: string }>> {
  try {
    const row = await db.workspace.create({
      data: {
        name: input.name,
        slug: input.slug,
        personal: false,
        memberships: { create: { userId: viewer.id, role: "OWNER" } },
      },
      select: { slug: true },
    });
    return done({ slug: row.slug });
  } catch (e) {
    // The unique index decides, not a prior lookup: two people racing for one slug get one each way.
    if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === "P2002") return refused("workspace.slugTaken", undefined, "slug");
    throw e;
  }
}

export async function renameWorkspace(workspace: WorkspaceAccess, name: string): Promise<Outcome> {
  await db.workspace.update({ where: { id: workspace.id }, data: { name } });
  return done();
}

export async function setDailyQuota(workspace: WorkspaceAccess, dailyQuota: number | null): Promise<Outcome> {
  await db.workspace.update({ where: { id: workspace.id }, data: { dailyQuota } });
  return done();
}

/**
 * Deletes a team workspace with everything in it, then the stored files nothing else uses
 * (releaseStoredFiles). The rows go first, in one transaction: a failure leaves the workspace whole.
 */
export async function deleteWorkspace(workspace: WorkspaceAccess, confirm: string): Promise<Outcome<{ removedFiles: number }>> {
  if (workspace.personal) return refused("workspace.personalCannotDelete");
  if (confirm.trim().toLowerCase() !== workspace.slug) {
    return refused("workspace.confirmMismatch", { slug: workspace.slug }, "confirm");
  }
  const keys = await db.$transaction(async (tx) => {
    if (!(await lockWorkspace(tx, workspace.id))) return null;
    const assets = await tx.asset.findMany({ where: { workspaceId: workspace.id }, select: { storageKey: true }, distinct: ["storageKey"] });
    // Generations first: their reference and image rows restrict deleting the assets they point at.
    await tx.generation.deleteMany({ where: { workspaceId: workspace.id } });
    await tx.asset.deleteMany({ where: { workspaceId: workspace.id } });
    await tx.workspace.delete({ where: { id: workspace.id } });
    return assets.map((a) => a.storageKey);
  });
  if (!keys) return refused("workspace.workspaceGone");
  return done({ removedFiles: await releaseStoredFiles(keys, "delete-workspace") });
}
