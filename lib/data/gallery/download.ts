import "server-only";
import { downloadName } from "@/lib/data/gallery/map";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";

export interface ZipEntry {
  name: string;
  storageKey: string;
}

/**
 * The originals of these images of this workspace, named for a ZIP (unique names, gallery order);
 * null when any id is not an image here.
 */
export async function listImageFiles(workspace: WorkspaceAccess, imageIds: string[]): Promise<ZipEntry[] | null> {
  const ids = Array.from(new Set(imageIds));
  const rows = await db.generationImage.findMany({
    where: { id: { in: ids }, generation: { workspaceId: workspace.id } },
    orderBy: [{ generation: { createdAt: "desc" } }, { generationId: "asc" }, { index: "asc" }],
    select: { index: true, generation: { select: { prompt: true } }, asset: { select: { storageKey: true, mime: true } } },
  });
  if (ids.length === 0 || rows.length !== ids.length) return null;
  const used = new Map<string, number>();
  return rows.map((r) => {
    let name = downloadName(r.generation.prompt, r.index, r.asset.mime);
    const seen = used.get(name) ?? 0;
    used.set(name, seen + 1);
    if (seen > 0) name = name.replace(/(\.[a-z0-9]+)$/, ` (${seen + 1})$1`);
    return { name, storageKey: r.asset.storageKey };
  });
}
