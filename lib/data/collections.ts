import "server-only";
import type { Viewer } from "@/lib/auth";
import { imageSelect, toImageDTO, type ImageDTO } from "@/lib/data/dto";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";

/** A collection (board) as the collections page lists it. */
export interface CollectionSummaryDTO {
  id: string;
  name: string;
  count: number;
  createdAt: string;
  /** Up to four of the latest additions, for the board's cover. */
  covers: ImageDTO[];
}

/** Just enough to offer a collection in an "add to" menu. */
export interface CollectionOptionDTO {
  id: string;
  name: string;
}

export async function listCollections(workspace: WorkspaceAccess): Promise<CollectionSummaryDTO[]> {
  const rows = await db.collection.findMany({
    where: { workspaceId: workspace.id },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      name: true,
      createdAt: true,
      _count: { select: { items: true } },
      items: {
        orderBy: [{ addedAt: "desc" }, { generationImageId: "asc" }],
        take: 4,
        select: { image: { select: imageSelect } },
      },
    },
  });
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    count: c._count.items,
    createdAt: c.createdAt.toISOString(),
    covers: c.items.map(({ image }) => toImageDTO(image)),
  }));
}

export function listCollectionOptions(workspace: WorkspaceAccess): Promise<CollectionOptionDTO[]> {
  return db.collection.findMany({
    where: { workspaceId: workspace.id },
    orderBy: [{ name: "asc" }, { id: "asc" }],
    select: { id: true, name: true },
  });
}

/** A collection of this workspace, or null (also for another workspace's id). */
export async function getCollection(workspace: WorkspaceAccess, collectionId: string) {
  const row = await db.collection.findFirst({
    where: { id: collectionId, workspaceId: workspace.id },
    select: { id: true, name: true, _count: { select: { items: true } } },
  });
  return row ? { id: row.id, name: row.name, count: row._count.items } : null;
}

/** How many of these ids are result images of this workspace (all must be, for a bulk change). */
async function countWorkspaceImages(workspace: WorkspaceAccess, imageIds: string[]) {
  return db.generationImage.count({ where: { id: { in: imageIds }, generation: { workspaceId: workspace.id } } });
}

/** Creates a collection, optionally with its first images (all of this workspace, or nothing is made). */
export async function createCollection(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  name: string,
  imageIds: string[] = [],
): Promise<Outcome<CollectionOptionDTO>> {
  const ids = Array.from(new Set(imageIds));
  if (ids.length > 0 && (await countWorkspaceImages(workspace, ids)) !== ids.length) return refused("gallery.imagesGone");
  const collection = await db.collection.create({
    data: {
      workspaceId: workspace.id,
      createdById: viewer.id,
      name,
      items: { create: ids.map((generationImageId) => ({ generationImageId })) },
    },
    select: { id: true, name: true },
  });
  return done(collection);
}

const collectionGone = () => refused("gallery.collectionGone");

/** Refused when there is no such collection in this workspace. */
export async function renameCollection(workspace: WorkspaceAccess, collectionId: string, name: string): Promise<Outcome> {
  const { count } = await db.collection.updateMany({ where: { id: collectionId, workspaceId: workspace.id }, data: { name } });
  return count === 1 ? done() : collectionGone();
}

/** Deletes the board, not its images. Refused when there is no such collection in this workspace. */
export async function deleteCollection(workspace: WorkspaceAccess, collectionId: string): Promise<Outcome> {
  const { count } = await db.collection.deleteMany({ where: { id: collectionId, workspaceId: workspace.id } });
  return count === 1 ? done() : collectionGone();
}

/** How many images a change added or removed. */
export type CollectionChange = Outcome<{ changed: number }>;

/** Adds images (all of this workspace) to a collection of this workspace; ones already in it stay as they are. */
export async function addToCollection(workspace: WorkspaceAccess, collectionId: string, imageIds: string[]): Promise<CollectionChange> {
  const ids = Array.from(new Set(imageIds));
  const collection = await getCollection(workspace, collectionId);
  if (!collection) return collectionGone();
  if ((await countWorkspaceImages(workspace, ids)) !== ids.length) return refused("gallery.imagesGone");
  const { count } = await db.collectionItem.createMany({
    data: ids.map((generationImageId) => ({ collectionId: collection.id, generationImageId })),
    skipDuplicates: true,
  });
  return done({ changed: count });
}

export async function removeFromCollection(
  workspace: WorkspaceAccess,
  collectionId: string,
  imageIds: string[],
): Promise<CollectionChange> {
  const collection = await getCollection(workspace, collectionId);
  if (!collection) return collectionGone();
  const { count } = await db.collectionItem.deleteMany({
    where: { collectionId: collection.id, generationImageId: { in: imageIds } },
  });
  return done({ changed: count });
}
