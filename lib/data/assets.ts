import "server-only";
import type { Viewer } from "@/lib/auth";
import { fileUrl, type AssetDTO } from "@/lib/data/dto";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import { contentKey, getStorage } from "@/lib/storage";
import type { EncodedImage } from "@/lib/images";

/** Stores a normalised reference image (content-addressed) and records it in the workspace. */
export async function createReferenceAsset(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  image: EncodedImage,
  fileName: string,
): Promise<AssetDTO> {
  const key = contentKey("refs", image.sha256, image.mime);
  await getStorage().put(key, image.bytes, { contentType: image.mime });
  const asset = await db.asset.create({
    data: {
      workspaceId: workspace.id,
      userId: viewer.id,
      kind: "REFERENCE",
      storageKey: key,
      mime: image.mime,
      width: image.width,
      height: image.height,
      bytes: image.bytes.length,
      sha256: image.sha256,
      fileName: fileName.slice(0, 200),
    },
    select: { id: true, width: true, height: true, fileName: true },
  });
  return { ...asset, url: fileUrl(asset.id) };
}

/**
 * The stored file behind an asset id, when the viewer is a member of the asset's workspace;
 * otherwise null, exactly as for an id that does not exist.
 */
export function findAssetFileForViewer(viewer: Viewer, assetId: string) {
  return db.asset.findFirst({
    where: { id: assetId, workspace: { memberships: { some: { userId: viewer.id } } } },
    select: { storageKey: true, mime: true, sha256: true, fileName: true },
  });
}

export interface ReferenceForForm {
  assetId: string;
  url: string;
  label: string | null;
  fileName: string;
}

/** Reference images of this workspace, in the order asked; ids that are not its references are dropped. */
export async function referencesByIds(workspace: WorkspaceAccess, ids: string[]): Promise<ReferenceForForm[]> {
  if (ids.length === 0) return [];
  const rows = await db.asset.findMany({
    where: { id: { in: ids }, workspaceId: workspace.id, kind: "REFERENCE" },
    select: { id: true, fileName: true },
  });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [{ assetId: row.id, url: fileUrl(row.id), label: null, fileName: row.fileName ?? "reference" }] : [];
  });
}

/**
 * A result image of this workspace, offered as a reference: the same stored file under a
 * REFERENCE row (reused when one with the same bytes exists), plus the generation it came from.
 */
export async function referenceFromResultImage(viewer: Viewer, workspace: WorkspaceAccess, imageId: string) {
  const image = await db.generationImage.findFirst({
    where: { id: imageId, generation: { workspaceId: workspace.id } },
    select: {
      generationId: true,
      index: true,
      asset: { select: { storageKey: true, mime: true, width: true, height: true, bytes: true, sha256: true } },
    },
  });
  if (!image) return null;
  const fileName = `result-${image.index + 1}`;
  const existing = await db.asset.findFirst({
    where: { workspaceId: workspace.id, kind: "REFERENCE", sha256: image.asset.sha256 },
    select: { id: true },
  });
  const asset =
    existing ??
    (await db.asset.create({
      data: { ...image.asset, workspaceId: workspace.id, userId: viewer.id, kind: "REFERENCE", fileName },
      select: { id: true },
    }));
  return {
    generationId: image.generationId,
    reference: { assetId: asset.id, url: fileUrl(asset.id), label: null, fileName } satisfies ReferenceForForm,
  };
}
