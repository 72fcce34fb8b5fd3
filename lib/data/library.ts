import "server-only";
import { fileUrl } from "@/lib/data/dto";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";

export interface LibraryItemDTO {
  assetId: string;
  url: string;
  name: string;
}


/** The workspace's pinned references, newest pin first: every member picks from the same shelf. */
export async function listLibrary(workspace: Pick<WorkspaceAccess, "id">): Promise<LibraryItemDTO[]> {
  const rows = await db.asset.findMany({
    where: { workspaceId: workspace.id, kind: "REFERENCE", pinnedAt: { not: null } },
    orderBy: [{ pinnedAt: "desc" }, { id: "asc" }],
    select: { id: true, fileName: true, libraryName: true },
  });
  return rows.map((r) => ({ assetId: r.id, url: fileUrl(r.id), name: r.libraryName ?? r.fileName ?? "reference" }));
}

/** Pinning again renames the pin; only this workspace's reference uploads can be pinned. */
export async function pinReference(workspace: WorkspaceAccess, assetId: string, name?: string, now = new Date()): Promise<Outcome> {
  const { count } = await db.asset.updateMany({
    where: { id: assetId, workspaceId: workspace.id, kind: "REFERENCE" },
    data: { pinnedAt: now, libraryName: name ?? null },
  });
  return count === 1 ? done() : refused("studio.referenceNotHere");
}

/** Unpinning keeps the file: generations that used it still show it. */
export async function unpinReference(workspace: WorkspaceAccess, assetId: string): Promise<Outcome> {
  const { count } = await db.asset.updateMany({
    where: { id: assetId, workspaceId: workspace.id, kind: "REFERENCE" },
    data: { pinnedAt: null, libraryName: null },
  });
  return count === 1 ? done() : refused("studio.referenceNotHere");
}
