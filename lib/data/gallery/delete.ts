import "server-only";
import type { Viewer } from "@/lib/auth";
import { mayDelete } from "@/lib/data/gallery/map";
import { SETTLED } from "@/lib/data/gallery/query";
import type { Deleted } from "@/lib/data/gallery/types";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import { releaseStoredFiles } from "@/lib/data/release-files";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";

const notFound = () => refused("gallery.deleteGone");
const forbidden = () => refused("gallery.deleteForbidden");

// An asset row can only go once nothing points at it (the foreign keys restrict), so the delete
// filters on that rather than failing the whole transaction over a row shared in some other way.
const unreferencedAsset = {
  resultOf: { none: {} },
  thumbOf: { none: {} },
  referencedBy: { none: {} },
} satisfies Prisma.AssetWhereInput;

/** Deletes a settled generation of this workspace with all its images and their files. */
export async function deleteGeneration(viewer: Viewer, workspace: WorkspaceAccess, generationId: string): Promise<Outcome<Deleted>> {
  const row = await db.generation.findFirst({
    where: { id: generationId, workspaceId: workspace.id, status: { in: [...SETTLED] } },
    select: {
      userId: true,
      images: { select: { id: true, asset: { select: { id: true, storageKey: true } }, thumb: { select: { id: true, storageKey: true } } } },
    },
  });
  if (!row) return notFound();
  if (!mayDelete(viewer, workspace, row.userId)) return forbidden();
  const assets = row.images.flatMap((i) => [i.asset, i.thumb]);
  const deleted = await db.$transaction(async (tx) => {
    const { count } = await tx.generation.deleteMany({ where: { id: generationId, workspaceId: workspace.id } });
    if (count === 0) return false;
    await tx.asset.deleteMany({ where: { id: { in: assets.map((a) => a.id) }, ...unreferencedAsset } });
    return true;
  });
  if (!deleted) return notFound();
  await releaseStoredFiles(assets.map((a) => a.storageKey), "gallery");
  return done({ imageIds: row.images.map((i) => i.id), generationIds: [generationId] });
}

/**
 * Deletes result images of this workspace, all or none: one id that is not here makes the whole
 * request "not found", so a guessed id reveals nothing. A generation left without images goes too.
 */
export async function deleteImages(viewer: Viewer, workspace: WorkspaceAccess, imageIds: string[]): Promise<Outcome<Deleted>> {
  const ids = Array.from(new Set(imageIds));
  const images = await db.generationImage.findMany({
    where: { id: { in: ids }, generation: { workspaceId: workspace.id } },
    select: {
      id: true,
      generationId: true,
      generation: { select: { userId: true } },
      asset: { select: { id: true, storageKey: true } },
      thumb: { select: { id: true, storageKey: true } },
    },
  });
  if (ids.length === 0 || images.length !== ids.length) return notFound();
  if (images.some((i) => !mayDelete(viewer, workspace, i.generation.userId))) return forbidden();
  const assets = images.flatMap((i) => [i.asset, i.thumb]);
  const generationIds = Array.from(new Set(images.map((i) => i.generationId)));
  const emptied = await db.$transaction(async (tx) => {
    await tx.generationImage.deleteMany({ where: { id: { in: ids }, generation: { workspaceId: workspace.id } } });
    await tx.asset.deleteMany({ where: { id: { in: assets.map((a) => a.id) }, ...unreferencedAsset } });
    // A finished generation with no image left would linger invisibly in every count and list.
    const empty = await tx.generation.findMany({
      where: { id: { in: generationIds }, workspaceId: workspace.id, status: "SUCCEEDED", images: { none: {} } },
      select: { id: true },
    });
    await tx.generation.deleteMany({ where: { id: { in: empty.map((g) => g.id) }, workspaceId: workspace.id } });
    return empty.map((g) => g.id);
  });
  await releaseStoredFiles(assets.map((a) => a.storageKey), "gallery");
  return done({ imageIds: ids, generationIds: emptied });
}
