import "server-only";
import type { Viewer } from "@/lib/auth";
import { commentCounts } from "@/lib/data/comments";
import { fileUrl, toFailureDTO, toImageDTO } from "@/lib/data/dto";
import type { GalleryRow, Scope } from "@/lib/data/gallery/query";
import type { GalleryGenerationDTO } from "@/lib/data/gallery/types";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { shapeOfSize } from "@/lib/images/shape";
import { can } from "@/lib/permissions";
import { fileExtension } from "@/lib/storage";
import type { GalleryFilters } from "@/lib/validations/gallery";

// From gallery rows to the DTOs a client gets: what it shows and what the viewer may do with it.

/** `a-lighthouse-at-dusk-2.webp`: readable in a downloads folder, safe on every file system. */
export function downloadName(prompt: string, index: number, mime: string): string {
  const stem =
    prompt
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .slice(0, 60)
      .replace(/^-+|-+$/g, "") || "atelier-image";
  return `${stem}-${index + 1}.${fileExtension(mime)}`;
}

export function mayDelete(viewer: Viewer, workspace: WorkspaceAccess, ownerId: string): boolean {
  return ownerId === viewer.id ? can(workspace.role, "generation.delete.own") : can(workspace.role, "generation.delete.any");
}

function mayShare(workspace: WorkspaceAccess, own: boolean): boolean {
  return can(workspace.role, "share.create.own") && (own || can(workspace.role, "share.create.any"));
}

export function toGalleryDTO(
  row: GalleryRow,
  viewer: Viewer,
  workspace: WorkspaceAccess,
  scope: Scope,
  filters: GalleryFilters,
  comments: ReadonlyMap<string, number>,
): GalleryGenerationDTO {
  const own = row.userId === viewer.id;
  const status = row.status === "FAILED" ? "FAILED" : "SUCCEEDED";
  const shape = filters.size && shapeOfSize(filters.size);
  return {
    id: row.id,
    workspace: { slug: workspace.slug, name: workspace.name },
    status,
    prompt: row.prompt,
    size: row.size,
    model: row.model,
    createdAt: row.createdAt.toISOString(),
    author: { name: row.user.name, isViewer: own },
    viaApi: row.apiKey ? { keyName: row.apiKey.name } : null,
    parentId: row.parentId,
    references: row.references.map((r) => ({
      assetId: r.asset.id,
      url: fileUrl(r.asset.id),
      label: r.label,
      width: r.asset.width,
      height: r.asset.height,
    })),
    images: row.images.map((img) => {
      const favorite = img.favorites.length > 0;
      const collectionIds = img.collectionItems.map((c) => c.collectionId);
      return {
        ...toImageDTO(img),
        generationId: row.id,
        fileName: downloadName(row.prompt, img.index, img.asset.mime),
        favorite,
        collectionIds,
        listed:
          (!filters.favorites || favorite) &&
          (!scope.collectionId || collectionIds.includes(scope.collectionId)) &&
          (!shape || img.shape === shape),
      };
    }),
    error: status === "FAILED" ? toFailureDTO(row, "It failed.") : null,
    review: row.reviewStatus,
    commentCount: comments.get(row.id) ?? 0,
    can: {
      delete: mayDelete(viewer, workspace, row.userId),
      retry: status === "FAILED" && own && can(workspace.role, "generation.retry.own"),
      collect: can(workspace.role, "collection.manage"),
      remix: can(workspace.role, "generation.create"),
      share: status === "SUCCEEDED" && mayShare(workspace, own),
    },
  };
}

/** Maps rows of the scope's workspaces, with their comment counts in one query. */
export async function toGalleryDTOs(
  rows: GalleryRow[],
  viewer: Viewer,
  scope: Scope,
  filters: GalleryFilters,
): Promise<GalleryGenerationDTO[]> {
  const byId = new Map(scope.workspaces.map((w) => [w.id, w]));
  const comments = await commentCounts(rows.map((r) => r.id));
  return rows.map((row) => toGalleryDTO(row, viewer, byId.get(row.workspaceId)!, scope, filters, comments));
}
