import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/auth";
import {
  addToCollection,
  createCollection,
  deleteCollection,
  getCollection,
  listCollectionOptions,
  listCollections,
  removeFromCollection,
  renameCollection,
} from "@/lib/data/collections";
import { listCollectionGalleryPage } from "@/lib/data/gallery/read";
import type { Outcome } from "@/lib/data/outcome";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";

async function member(role: "OWNER" | "EDITOR"): Promise<{ viewer: Viewer; workspace: WorkspaceAccess }> {
  const viewer = await db.user.create({
    data: { email: `boards-${randomUUID()}@example.test`, name: "Boards" },
    select: { id: true, name: true, email: true, image: true },
  });
  const ws = await db.workspace.create({
    data: { slug: `boards-${randomUUID()}`, name: "Boards", memberships: { create: { userId: viewer.id, role } } },
  });
  return { viewer, workspace: { id: ws.id, slug: ws.slug, name: ws.name, personal: false, role } };
}

/** A finished generation with `n` images (their files are never read here). */
async function images({ viewer, workspace }: { viewer: Viewer; workspace: WorkspaceAccess }, n: number, createdAt?: Date) {
  const owner = { workspaceId: workspace.id, userId: viewer.id };
  const asset = (kind: "RESULT" | "THUMB") => ({
    ...owner,
    kind,
    storageKey: `results/bo/${randomUUID()}.webp`,
    mime: "image/webp",
    width: 1536,
    height: 1024,
    bytes: 1,
    sha256: "0".repeat(64),
  });
  const generation = await db.generation.create({
    data: { ...owner, prompt: "boards", size: "1536x1024", n, model: "m", status: "SUCCEEDED", idempotencyKey: randomUUID(), createdAt },
  });
  const ids: string[] = [];
  for (let index = 0; index < n; index++) {
    const [result, thumb] = await Promise.all([db.asset.create({ data: asset("RESULT") }), db.asset.create({ data: asset("THUMB") })]);
    const image = await db.generationImage.create({
      data: { generationId: generation.id, index, assetId: result.id, thumbAssetId: thumb.id, shape: "LANDSCAPE" },
    });
    ids.push(image.id);
  }
  return ids;
}

/** The value of an Outcome that must be done. */
function made<T>(outcome: Outcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

let mine: Awaited<ReturnType<typeof member>>;
let theirs: Awaited<ReturnType<typeof member>>;

beforeAll(async () => {
  [mine, theirs] = await Promise.all([member("OWNER"), member("OWNER")]);
});

afterAll(async () => {
  await db.$disconnect();
});

describe("collections (real PostgreSQL)", () => {
  it("creates a board with images, adds without duplicates, removes, renames and deletes it", async () => {
    const [a, b, c] = await images(mine, 3);
    const board = made(await createCollection(mine.viewer, mine.workspace, "Moodboard", [a!, a!]));
    expect(await getCollection(mine.workspace, board.id)).toEqual({ id: board.id, name: "Moodboard", count: 1 });

    expect(await addToCollection(mine.workspace, board.id, [a!, b!, c!])).toEqual({ ok: true, value: { changed: 2 } });
    expect(await removeFromCollection(mine.workspace, board.id, [b!])).toEqual({ ok: true, value: { changed: 1 } });
    const [summary] = (await listCollections(mine.workspace)).filter((s) => s.id === board.id);
    expect(summary).toMatchObject({ name: "Moodboard", count: 2 });
    expect(summary!.covers.map((cover) => cover.id).sort()).toEqual([a!, c!].sort());
    expect(summary!.covers[0]).toMatchObject({ width: 1536, height: 1024, thumbUrl: expect.stringMatching(/^\/api\/files\//) });

    expect(await renameCollection(mine.workspace, board.id, "Final picks")).toMatchObject({ ok: true });
    expect(await listCollectionOptions(mine.workspace)).toContainEqual({ id: board.id, name: "Final picks" });

    expect(await deleteCollection(mine.workspace, board.id)).toMatchObject({ ok: true });
    expect(await getCollection(mine.workspace, board.id)).toBeNull();
    // The images themselves stay.
    expect(await db.generationImage.count({ where: { id: { in: [a!, b!, c!] } } })).toBe(3);
  });

  it("shows a board's images in gallery order, listing only its members", async () => {
    const older = await images(mine, 1, new Date(Date.UTC(2025, 0, 1)));
    const [inBoard, notInBoard] = await images(mine, 2, new Date(Date.UTC(2025, 0, 2)));
    const board = made(await createCollection(mine.viewer, mine.workspace, "Ordered", [older[0]!, inBoard!]));

    const page = await listCollectionGalleryPage(mine.viewer, mine.workspace, board.id);
    expect(page.generations).toHaveLength(2);
    const listed = page.generations.flatMap((g) => g.images.filter((i) => i.listed).map((i) => i.id));
    expect(listed).toEqual([inBoard, older[0]]);
    expect(page.generations[0]!.images.find((i) => i.id === notInBoard)).toMatchObject({ listed: false, collectionIds: [] });
  });

  it("treats another workspace's board or image as not found", async () => {
    const [foreignImage] = await images(theirs, 1);
    const [ownImage] = await images(mine, 1);
    const foreignBoard = made(await createCollection(theirs.viewer, theirs.workspace, "Theirs", [foreignImage!]));
    const ownBoard = made(await createCollection(mine.viewer, mine.workspace, "Mine"));

    expect(await getCollection(mine.workspace, foreignBoard.id)).toBeNull();
    const gone = { ok: false, problem: { code: "gallery.collectionGone" } };
    expect(await renameCollection(mine.workspace, foreignBoard.id, "Taken")).toMatchObject(gone);
    expect(await deleteCollection(mine.workspace, foreignBoard.id)).toMatchObject(gone);
    expect(await addToCollection(mine.workspace, foreignBoard.id, [ownImage!])).toMatchObject(gone);
    expect(await removeFromCollection(mine.workspace, foreignBoard.id, [foreignImage!])).toMatchObject(gone);
    const imagesGone = { ok: false, problem: { code: "gallery.imagesGone" } };
    expect(await addToCollection(mine.workspace, ownBoard.id, [ownImage!, foreignImage!])).toMatchObject(imagesGone);
    expect(await createCollection(mine.viewer, mine.workspace, "Sneaky", [foreignImage!])).toMatchObject(imagesGone);
    expect(await db.collection.count({ where: { workspaceId: mine.workspace.id, name: "Sneaky" } })).toBe(0);
    expect((await listCollectionGalleryPage(mine.viewer, mine.workspace, foreignBoard.id)).generations).toEqual([]);

    expect(await getCollection(theirs.workspace, foreignBoard.id)).toMatchObject({ name: "Theirs", count: 1 });
    expect(await db.collectionItem.count({ where: { collectionId: ownBoard.id } })).toBe(0);
  });
});
