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
export async function getAssetFileForViewer(viewer: Viewer, assetId: string) {
  const asset = await db.asset.findFirst({
    where: { id: assetId, workspace: { memberships: { some: { userId: viewer.id } } } },
    select: { storageKey: true, mime: true, sha256: true, fileName: true },
  });
  if (!asset) return null;
  const bytes = await getStorage().get(asset.storageKey);
  return bytes ? { ...asset, bytes } : null;
}
