import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mergeLive } from "@/components/gallery/gallery-state";
import type { Viewer } from "@/lib/auth";
import { deleteGeneration, deleteImages } from "@/lib/data/gallery/delete";
import { listImageFiles } from "@/lib/data/gallery/download";
import { setFavorite } from "@/lib/data/gallery/favorite";
import { listGalleryUpdates } from "@/lib/data/gallery/live";
import { downloadName } from "@/lib/data/gallery/map";
import { getGalleryImage, listGalleryPage, listMyGalleryPage } from "@/lib/data/gallery/read";
import type { GalleryGenerationDTO, GalleryPageDTO } from "@/lib/data/gallery/types";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { GenerationStatus, ReviewStatus, Role } from "@/lib/generated/prisma/enums";
import { shapeOf } from "@/lib/images/shape";
import { getStorage } from "@/lib/storage";
import {
  DEFAULT_FILTERS,
  decodeCursor,
  encodeCursor,
  galleryFiltersToParams,
  LIVE_LATEST,
  parseGalleryFilters,
  type GalleryFilters,
} from "@/lib/validations/gallery";

// ---------- fixtures, written straight to the database ----------

async function makeUser(name: string): Promise<Viewer> {
  return db.user.create({
    data: { email: `gallery-${randomUUID()}@example.test`, name },
    select: { id: true, name: true, email: true, image: true },
  });
}

async function makeWorkspace(members: [Viewer, Role][]): Promise<WorkspaceAccess[]> {
  const ws = await db.workspace.create({
    data: {
      slug: `gallery-${randomUUID()}`,
      name: "Gallery test",
      memberships: { create: members.map(([user, role]) => ({ userId: user.id, role })) },
    },
  });
  return members.map(([, role]) => ({ id: ws.id, slug: ws.slug, name: ws.name, personal: false, role }));
}

/** A stored file under its own key; `key` lets several asset rows share one file. */
async function storedFile(key = `results/te/${randomUUID().replace(/-/g, "")}.webp`) {
  await getStorage().put(key, Buffer.from(`bytes of ${key}`), { contentType: "image/webp" });
  return key;
}

interface GenOptions {
  prompt?: string;
  size?: string;
  /** Each image's real pixels, when the relay did not honour the size. */
  got?: [number, number][];
  status?: GenerationStatus;
  createdAt?: Date;
  images?: number;
  resultKey?: string;
  review?: ReviewStatus;
}

async function makeGeneration(workspace: WorkspaceAccess, user: Viewer, opts: GenOptions = {}) {
  const status = opts.status ?? "SUCCEEDED";
  const asked = (opts.size ?? "1024x1024").split("x").map(Number) as [number, number];
  const generation = await db.generation.create({
    data: {
      workspaceId: workspace.id,
      userId: user.id,
      prompt: opts.prompt ?? "a lighthouse at dusk",
      size: opts.size ?? "1024x1024",
      n: opts.images ?? 1,
      model: "gpt-image-2-all",
      status,
      errorCode: status === "FAILED" ? "server_error" : null,
      errorMessage: status === "FAILED" ? "The image service had an internal error." : null,
      idempotencyKey: randomUUID(),
      createdAt: opts.createdAt,
      reviewStatus: opts.review ?? null,
    },
  });
  const images = [];
  for (let index = 0; status === "SUCCEEDED" && index < (opts.images ?? 1); index++) {
    const [w, h] = opts.got?.[index] ?? asked;
    const asset = await db.asset.create({
      data: {
        workspaceId: workspace.id,
        userId: user.id,
        kind: "RESULT",
        storageKey: opts.resultKey ?? (await storedFile()),
        mime: "image/webp",
        width: w,
        height: h,
        bytes: 10,
        sha256: "0".repeat(64),
      },
    });
    const thumb = await db.asset.create({
      data: {
        workspaceId: workspace.id,
        userId: user.id,
        kind: "THUMB",
        storageKey: await storedFile(`thumbs/te/${randomUUID().replace(/-/g, "")}.webp`),
        mime: "image/webp",
        width: 512,
        height: Math.round((512 * h) / w),
        bytes: 10,
        sha256: "0".repeat(64),
      },
    });
    images.push(
      await db.generationImage.create({
        data: {
          generationId: generation.id,
          index,
          assetId: asset.id,
          thumbAssetId: thumb.id,
          revisedPrompt: `revised ${index}`,
          shape: shapeOf(w, h),
        },
        include: { asset: true, thumb: true },
      }),
    );
  }
  return { ...generation, images };
}

/** Every page of a view, following the cursors. */
async function allPages(load: (cursor: string | null) => Promise<GalleryPageDTO>) {
  const pages: GalleryPageDTO[] = [];
  let cursor: string | null = null;
  do {
    const page = await load(cursor);
    pages.push(page);
    cursor = page.nextCursor;
  } while (cursor && pages.length < 100);
  return pages;
}

const ids = (generations: GalleryGenerationDTO[]) => generations.map((g) => g.id);
const filters = (patch: Partial<GalleryFilters>): GalleryFilters => ({ ...DEFAULT_FILTERS, ...patch });

let alice: Viewer;
let bob: Viewer;
let mallory: Viewer;
let aliceWs: WorkspaceAccess;
let bobWs: WorkspaceAccess;
let malloryWs: WorkspaceAccess;

beforeAll(async () => {
  [alice, bob, mallory] = await Promise.all([makeUser("Alice"), makeUser("Bob"), makeUser("Mallory")]);
  [aliceWs, bobWs] = (await makeWorkspace([
    [alice, "OWNER"],
    [bob, "EDITOR"],
  ])) as [WorkspaceAccess, WorkspaceAccess];
  [malloryWs] = (await makeWorkspace([[mallory, "OWNER"]])) as [WorkspaceAccess];
});

afterAll(async () => {
  await db.$disconnect();
});

describe("gallery pagination (real PostgreSQL)", () => {
  it("walks every generation once, newest first, when many share a createdAt", async () => {
    const [ws] = (await makeWorkspace([[alice, "OWNER"]])) as [WorkspaceAccess];
    const base = Date.UTC(2026, 0, 1);
    // 23 generations over 5 instants: ties straddle every page boundary for pages of 4.
    for (let i = 0; i < 23; i++) await makeGeneration(ws, alice, { createdAt: new Date(base + (i % 5) * 1000) });

    const pages = await allPages((cursor) => listGalleryPage(alice, ws, DEFAULT_FILTERS, { limit: 4, cursor: decodeCursor(cursor) }));
    const seen = pages.flatMap((p) => ids(p.generations));
    expect(pages).toHaveLength(6);
    expect(new Set(seen).size).toBe(23);

    const expected = await db.generation.findMany({
      where: { workspaceId: ws.id },
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      select: { id: true },
    });
    expect(seen).toEqual(expected.map((g) => g.id));
    expect(pages.at(-1)!.nextCursor).toBeNull();
  });

  it("keeps its place when new images arrive between pages", async () => {
    const [ws] = (await makeWorkspace([[alice, "OWNER"]])) as [WorkspaceAccess];
    for (let i = 0; i < 6; i++) await makeGeneration(ws, alice, { createdAt: new Date(Date.UTC(2026, 1, 1, 0, i)) });
    const first = await listGalleryPage(alice, ws, DEFAULT_FILTERS, { limit: 3 });
    await makeGeneration(ws, alice, { createdAt: new Date(Date.UTC(2026, 5, 1)) });
    const second = await listGalleryPage(alice, ws, DEFAULT_FILTERS, { limit: 3, cursor: decodeCursor(first.nextCursor) });
    expect(new Set([...ids(first.generations), ...ids(second.generations)]).size).toBe(6);
  });

  it("treats a malformed cursor as the first page", () => {
    expect(decodeCursor("not-a-cursor")).toBeNull();
    expect(decodeCursor("123.abc")).toEqual({ createdAt: new Date(123), id: "abc" });
    expect(decodeCursor("123.a'b")).toBeNull();
  });
});

describe("gallery filters", () => {
  let ws: WorkspaceAccess;
  let bobView: WorkspaceAccess;
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    [ws, bobView] = (await makeWorkspace([
      [alice, "OWNER"],
      [bob, "EDITOR"],
    ])) as [WorkspaceAccess, WorkspaceAccess];
    await makeGeneration(ws, alice, { prompt: `Red fox in SNOW ${tag}`, size: "1536x1024", images: 2 });
    await makeGeneration(ws, bob, { prompt: `Blue whale ${tag}`, size: "1024x1536" });
    await makeGeneration(ws, alice, { prompt: `Broken 100%_done ${tag}`, status: "FAILED" });
    await makeGeneration(ws, alice, { prompt: `Still running ${tag}`, status: "RUNNING" });
  });

  it("shows finished images of everyone by default, never pending ones", async () => {
    const page = await listGalleryPage(alice, ws, DEFAULT_FILTERS);
    expect(page.generations.map((g) => g.prompt)).toEqual([`Blue whale ${tag}`, `Red fox in SNOW ${tag}`]);
    expect(page.generations[1]!.images).toHaveLength(2);
    expect(page.generations[0]!.author).toEqual({ name: "Bob", isViewer: false });
  });

  it("filters by author, size, status and prompt (case-insensitive, wildcards literal)", async () => {
    const prompts = async (f: Partial<GalleryFilters>) =>
      (await listGalleryPage(alice, ws, filters(f))).generations.map((g) => g.prompt);
    expect(await prompts({ who: "me" })).toEqual([`Red fox in SNOW ${tag}`]);
    expect(await prompts({ size: "1024x1536" })).toEqual([`Blue whale ${tag}`]);
    expect(await prompts({ status: "failed" })).toEqual([`Broken 100%_done ${tag}`]);
    expect(await prompts({ status: "all" })).toHaveLength(3);
    expect(await prompts({ q: "fox in snow" })).toEqual([`Red fox in SNOW ${tag}`]);
    expect(await prompts({ q: "%", status: "all" })).toEqual([`Broken 100%_done ${tag}`]);
    expect(await prompts({ q: "0_d", status: "all" })).toEqual([]);
    expect(await prompts({ q: "%_d", status: "all" })).toEqual([`Broken 100%_done ${tag}`]);
    expect(await prompts({ q: "nothing like this" })).toEqual([]);
    expect(await prompts({ q: "\\", status: "all" })).toEqual([]);
  });

  it("filters by each image's real shape, not the size asked for", async () => {
    const shapes = await makeWorkspace([[alice, "OWNER"]]);
    const w = shapes[0]!;
    // Field relays: asked landscape, got square; asked square, got 16:9 (1672×941) and one 1:1.
    const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000);
    const fieldSquare = await makeGeneration(w, alice, { prompt: "asked landscape", size: "1536x1024", got: [[1254, 1254]], createdAt: at(3) });
    const mixed = await makeGeneration(w, alice, {
      prompt: "mixed",
      size: "1024x1024",
      images: 2,
      got: [[1672, 941], [1024, 1000]],
      createdAt: at(2),
    });
    await makeGeneration(w, alice, { prompt: "failed landscape", size: "1536x1024", status: "FAILED", createdAt: at(1) });
    const view = async (f: Partial<GalleryFilters>) =>
      (await listGalleryPage(alice, w, filters(f))).generations.map((g) => [g.prompt, g.images.filter((i) => i.listed).length]);

    expect(await view({ size: "1024x1024" })).toEqual([["mixed", 1], ["asked landscape", 1]]);
    expect(await view({ size: "1536x1024" })).toEqual([["mixed", 1]]);
    expect(await view({ size: "1024x1536" })).toEqual([]);
    // Nothing was made, so a failed generation is filed under the size it asked for.
    expect(await view({ size: "1536x1024", status: "failed" })).toEqual([["failed landscape", 0]]);
    expect(await view({ size: "1536x1024", status: "all" })).toEqual([["failed landscape", 0], ["mixed", 1]]);
    expect(await view({ size: "1024x1024", status: "failed" })).toEqual([]);

    // The lightbox walks only the images of that shape: from the square one of "mixed" to the older square one.
    const squareOfMixed = mixed.images[1]!.id;
    const detail = await getGalleryImage(alice, w, squareOfMixed, filters({ size: "1024x1024" }));
    expect([detail?.previousId, detail?.nextId]).toEqual([null, fieldSquare.images[0]!.id]);
    // The live poll walks pending rows whatever the shape and returns the settled ones that match.
    const live = await listGalleryUpdates(alice, w, filters({ size: "1536x1024" }), LIVE_LATEST);
    expect(ids(live.generations)).toEqual([mixed.id]);
  });

  it("shows a failed generation with its reason, and Retry only to its author", async () => {
    const [failed] = (await listGalleryPage(alice, ws, filters({ status: "failed" }))).generations;
    expect(failed).toMatchObject({ status: "FAILED", images: [], error: { code: "server_error" }, can: { retry: true } });
    const [asBob] = (await listGalleryPage(bob, bobView, filters({ status: "failed" }))).generations;
    expect(asBob!.can).toMatchObject({ retry: false, delete: false });
  });

  it("filters by the viewer's own favourites, listing only the favourite images", async () => {
    const fox = (await listGalleryPage(alice, ws, filters({ who: "me" }))).generations[0]!;
    const second = fox.images[1]!;
    expect(await setFavorite(alice, ws, second.id, true)).toEqual({ ok: true });
    expect(await setFavorite(alice, ws, second.id, true)).toEqual({ ok: true });

    const mine = await listGalleryPage(alice, ws, filters({ favorites: true }));
    expect(ids(mine.generations)).toEqual([fox.id]);
    expect(mine.generations[0]!.images.map((i) => [i.id, i.favorite, i.listed])).toEqual([
      [fox.images[0]!.id, false, false],
      [second.id, true, true],
    ]);
    // Favourites are per person.
    expect((await listGalleryPage(bob, bobView, filters({ favorites: true }))).generations).toEqual([]);

    expect(await setFavorite(alice, ws, second.id, false)).toEqual({ ok: true });
    expect((await listGalleryPage(alice, ws, filters({ favorites: true }))).generations).toEqual([]);
  });
});

describe("member and review filters", () => {
  let ws: WorkspaceAccess;
  const prompts = async (f: Partial<GalleryFilters>) => (await listGalleryPage(alice, ws, filters(f))).generations.map((g) => g.prompt);

  beforeAll(async () => {
    [ws] = (await makeWorkspace([
      [alice, "OWNER"],
      [bob, "EDITOR"],
    ])) as [WorkspaceAccess];
    const at = (day: number) => new Date(Date.UTC(2026, 4, day));
    await makeGeneration(ws, alice, { prompt: "alice approved", review: "APPROVED", createdAt: at(1) });
    await makeGeneration(ws, bob, { prompt: "bob needs changes", review: "NEEDS_CHANGES", createdAt: at(2) });
    await makeGeneration(ws, bob, { prompt: "bob unreviewed", createdAt: at(3) });
    await makeGeneration(ws, bob, { prompt: "bob failed", status: "FAILED", createdAt: at(4) });
  });

  it("shows one member's images, newest first", async () => {
    expect(await prompts({ member: bob.id })).toEqual(["bob unreviewed", "bob needs changes"]);
    expect(await prompts({ member: bob.id, status: "all" })).toEqual(["bob failed", "bob unreviewed", "bob needs changes"]);
    expect(await prompts({ member: alice.id })).toEqual(["alice approved"]);
  });

  it("filters by review status, alone and with a member", async () => {
    expect(await prompts({ review: "approved" })).toEqual(["alice approved"]);
    expect(await prompts({ review: "needs-changes" })).toEqual(["bob needs changes"]);
    expect(await prompts({ review: "unreviewed" })).toEqual(["bob unreviewed"]);
    expect(await prompts({ review: "unreviewed", member: bob.id })).toEqual(["bob unreviewed"]);
    expect(await prompts({ review: "approved", member: bob.id })).toEqual([]);
    const [approved] = (await listGalleryPage(alice, ws, filters({ review: "approved" }))).generations;
    expect(approved).toMatchObject({ review: "APPROVED", commentCount: 0 });
  });

  it("narrows and never widens: 'mine' with another member is nobody, a stranger's id is nothing", async () => {
    expect(await prompts({ who: "me", member: bob.id })).toEqual([]);
    expect(await prompts({ who: "me", member: alice.id })).toEqual(["alice approved"]);
    expect(await prompts({ member: mallory.id })).toEqual([]);
    // My gallery spans workspaces: the one-workspace filters are dropped there, not misapplied.
    const mine = await listMyGalleryPage(bob, filters({ member: alice.id, review: "approved" }));
    expect(mine.generations.map((g) => g.prompt)).toEqual(expect.arrayContaining(["bob unreviewed", "bob needs changes"]));
  });

  it("parses from the URL, dropping what is malformed", () => {
    const parsed = parseGalleryFilters(new URLSearchParams({ member: bob.id, review: "approved" }));
    expect(parsed).toMatchObject({ member: bob.id, review: "approved" });
    expect(galleryFiltersToParams(parsed).toString()).toBe(`member=${bob.id}&review=approved`);
    expect(parseGalleryFilters(new URLSearchParams({ member: "x'; drop", review: "great" }))).toEqual(DEFAULT_FILTERS);
  });
});

describe("the live poll", () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 6, 1, 12, minute));
  const cursorOf = (g: { createdAt: Date | string; id: string }) => encodeCursor({ createdAt: new Date(g.createdAt), id: g.id });

  it("brings what is newer than the first page under the same filters, and nothing the page already has", async () => {
    const [ws, bobView] = (await makeWorkspace([
      [alice, "OWNER"],
      [bob, "EDITOR"],
    ])) as [WorkspaceAccess, WorkspaceAccess];
    for (let i = 1; i <= 5; i++) await makeGeneration(ws, i % 2 ? alice : bob, { prompt: `old ${i}`, createdAt: at(i) });
    const first = await listGalleryPage(alice, ws, DEFAULT_FILTERS, { limit: 3 });

    // Nothing new: from the first page's oldest, the poll answers with what the page already shows.
    const quiet = await listGalleryUpdates(alice, ws, DEFAULT_FILTERS, decodeCursor(cursorOf(first.generations.at(-1)!))!);
    expect(ids(quiet.generations)).toEqual(ids(first.generations).slice(0, 2));
    expect(mergeLive([first], quiet.generations).added).toEqual([]);

    const bobs = await makeGeneration(bobView, bob, { prompt: "new by bob", createdAt: at(10) });
    const alices = await makeGeneration(ws, alice, { prompt: "new by alice", createdAt: at(11) });
    const next = await listGalleryUpdates(alice, ws, DEFAULT_FILTERS, decodeCursor(quiet.after)!);
    expect(ids(next.generations)).toEqual([alices.id, bobs.id]);
    expect(next.after).toBe(cursorOf(alices));
    expect(await listGalleryUpdates(alice, ws, DEFAULT_FILTERS, decodeCursor(next.after)!)).toEqual({ generations: [], after: next.after });

    // Merged into the first page: every generation once, in the order a fresh load gives.
    const merged = mergeLive([first], [...quiet.generations, ...next.generations]).pages[0]!;
    expect(new Set(ids(merged.generations)).size).toBe(merged.generations.length);
    expect(ids(merged.generations)).toEqual(ids((await listGalleryPage(alice, ws, DEFAULT_FILTERS, { limit: 5 })).generations));

    // The same poll under a member filter brings only that member's.
    const onlyBob = await listGalleryUpdates(alice, ws, filters({ member: bob.id }), decodeCursor(quiet.after)!);
    expect(ids(onlyBob.generations)).toEqual([bobs.id]);
  });

  it("holds its bound behind a teammate's pending generation until it settles", async () => {
    const [ws, bobView] = (await makeWorkspace([
      [alice, "OWNER"],
      [bob, "EDITOR"],
    ])) as [WorkspaceAccess, WorkspaceAccess];
    const shown = await makeGeneration(ws, alice, { createdAt: at(1) });
    const pending = await makeGeneration(bobView, bob, { status: "RUNNING", createdAt: at(2) });
    const later = await makeGeneration(ws, alice, { createdAt: at(3) });

    const first = await listGalleryUpdates(alice, ws, DEFAULT_FILTERS, shown);
    expect(ids(first.generations)).toEqual([later.id]);
    expect(first.after).toBe(cursorOf(shown));

    await db.generation.update({ where: { id: pending.id }, data: { status: "SUCCEEDED", finishedAt: new Date() } });
    const settled = await listGalleryUpdates(alice, ws, DEFAULT_FILTERS, decodeCursor(first.after)!);
    expect(ids(settled.generations)).toEqual([later.id, pending.id]);
    expect(settled.after).toBe(cursorOf(later));
  });

  it("starts from the newest rows when the view shows nothing, and never returns another workspace's", async () => {
    const [ws] = (await makeWorkspace([[alice, "OWNER"]])) as [WorkspaceAccess];
    const newest = await makeGeneration(ws, alice, { createdAt: at(1) });
    await makeGeneration(malloryWs, mallory, { createdAt: at(2) });
    const empty = await listGalleryUpdates(alice, ws, filters({ status: "failed" }), LIVE_LATEST);
    expect(empty).toEqual({ generations: [], after: cursorOf(newest) });
    const failed = await makeGeneration(ws, alice, { status: "FAILED", createdAt: at(3) });
    await makeGeneration(malloryWs, mallory, { status: "FAILED", createdAt: at(4) });
    expect(ids((await listGalleryUpdates(alice, ws, filters({ status: "failed" }), decodeCursor(empty.after)!)).generations)).toEqual([failed.id]);
  });
});

describe("the detail view", () => {
  it("returns the image with every sibling and its neighbours in gallery order", async () => {
    const [ws] = (await makeWorkspace([[alice, "OWNER"]])) as [WorkspaceAccess];
    const older = await makeGeneration(ws, alice, { createdAt: new Date(Date.UTC(2026, 2, 1)), images: 1 });
    const middle = await makeGeneration(ws, alice, { createdAt: new Date(Date.UTC(2026, 2, 2)), images: 3 });
    const newer = await makeGeneration(ws, alice, { createdAt: new Date(Date.UTC(2026, 2, 3)), images: 2 });

    const view = await getGalleryImage(alice, ws, middle.images[1]!.id);
    expect(view?.generation.images.map((i) => i.id)).toEqual(middle.images.map((i) => i.id));
    expect(view?.image).toMatchObject({ index: 1, revisedPrompt: "revised 1", fileName: "a-lighthouse-at-dusk-2.webp" });
    expect([view?.previousId, view?.nextId]).toEqual([middle.images[0]!.id, middle.images[2]!.id]);

    const first = await getGalleryImage(alice, ws, middle.images[0]!.id);
    expect(first?.previousId).toBe(newer.images[1]!.id);
    const last = await getGalleryImage(alice, ws, middle.images[2]!.id);
    expect(last?.nextId).toBe(older.images[0]!.id);
    const edge = await getGalleryImage(alice, ws, older.images[0]!.id);
    expect(edge?.nextId).toBeNull();
  });

  it("names downloads after the prompt", () => {
    expect(downloadName("Café at night — @1 with neon!", 0, "image/png")).toBe("cafe-at-night-1-with-neon-1.png");
    expect(downloadName("???", 2, "image/webp")).toBe("atelier-image-3.webp");
  });
});

describe("My gallery", () => {
  it("lists the viewer's own generations across their workspaces, nobody else's", async () => {
    const viewer = await makeUser("Wanderer");
    const [one] = (await makeWorkspace([[viewer, "OWNER"]])) as [WorkspaceAccess];
    const [two, otherInTwo] = (await makeWorkspace([
      [viewer, "EDITOR"],
      [bob, "OWNER"],
    ])) as [WorkspaceAccess, WorkspaceAccess];
    const a = await makeGeneration(one, viewer, { createdAt: new Date(Date.UTC(2026, 3, 1)) });
    const b = await makeGeneration(two, viewer, { createdAt: new Date(Date.UTC(2026, 3, 2)) });
    await makeGeneration(otherInTwo, bob);
    await makeGeneration(malloryWs, mallory);

    const page = await listMyGalleryPage(viewer, DEFAULT_FILTERS);
    expect(ids(page.generations)).toEqual([b.id, a.id]);
    expect(page.generations.map((g) => g.workspace.slug)).toEqual([two.slug, one.slug]);
  });
});

const GONE = { ok: false, problem: { code: "gallery.deleteGone" } };
const FORBIDDEN = { ok: false, problem: { code: "gallery.deleteForbidden" } };

describe("another tenant guessing ids", () => {
  it("cannot see, favourite, download or delete another workspace's image: it is not found", async () => {
    const target = await makeGeneration(aliceWs, alice);
    const imageId = target.images[0]!.id;

    expect(await getGalleryImage(mallory, malloryWs, imageId)).toBeNull();
    expect(await setFavorite(mallory, malloryWs, imageId, true)).toMatchObject({ ok: false, problem: { code: "gallery.imageGone" } });
    expect(await listImageFiles(malloryWs, [imageId])).toBeNull();
    expect(await deleteImages(mallory, malloryWs, [imageId])).toMatchObject(GONE);
    expect(await deleteGeneration(mallory, malloryWs, target.id)).toMatchObject(GONE);
    const listed = (await listGalleryPage(mallory, malloryWs, filters({ status: "all" }))).generations;
    expect(ids(listed)).not.toContain(target.id);

    expect(await db.favorite.count({ where: { generationImageId: imageId } })).toBe(0);
    expect(await db.generationImage.count({ where: { id: imageId } })).toBe(1);
  });

  it("refuses a bulk request that smuggles one foreign id among the viewer's own", async () => {
    const own = await makeGeneration(malloryWs, mallory);
    const foreign = await makeGeneration(aliceWs, alice);
    const both = [own.images[0]!.id, foreign.images[0]!.id];
    expect(await deleteImages(mallory, malloryWs, both)).toMatchObject(GONE);
    expect(await listImageFiles(malloryWs, both)).toBeNull();
    expect(await db.generationImage.count({ where: { id: { in: both } } })).toBe(2);
  });

  it("lets an editor delete their own work but not a teammate's; an owner may delete any", async () => {
    const alicesWork = await makeGeneration(aliceWs, alice);
    const bobsWork = await makeGeneration(bobWs, bob);
    expect(await deleteGeneration(bob, bobWs, alicesWork.id)).toMatchObject(FORBIDDEN);
    expect(await deleteImages(bob, bobWs, [alicesWork.images[0]!.id])).toMatchObject(FORBIDDEN);
    expect(await deleteGeneration(bob, bobWs, bobsWork.id)).toMatchObject({ ok: true });
    expect(await deleteGeneration(alice, aliceWs, alicesWork.id)).toMatchObject({ ok: true });
  });
});

describe("deleting and the stored files", () => {
  const exists = async (key: string) => (await getStorage().get(key)) !== null;

  it("removes a file only once no asset row names its key", async () => {
    const shared = await storedFile();
    const first = await makeGeneration(aliceWs, alice, { resultKey: shared });
    const second = await makeGeneration(aliceWs, alice, { resultKey: shared });
    const thumbKey = first.images[0]!.thumb.storageKey;

    expect(await deleteGeneration(alice, aliceWs, first.id)).toEqual({
      ok: true,
      value: { imageIds: [first.images[0]!.id], generationIds: [first.id] },
    });
    expect(await db.generation.count({ where: { id: first.id } })).toBe(0);
    expect(await db.asset.count({ where: { id: { in: [first.images[0]!.assetId, first.images[0]!.thumbAssetId] } } })).toBe(0);
    expect(await exists(shared)).toBe(true);
    expect(await exists(thumbKey)).toBe(false);

    expect(await deleteImages(alice, aliceWs, [second.images[0]!.id])).toMatchObject({ ok: true, value: { generationIds: [second.id] } });
    expect(await exists(shared)).toBe(false);
  });

  it("keeps a file that a reference made from the result still uses", async () => {
    const generation = await makeGeneration(aliceWs, alice);
    const result = generation.images[0]!.asset;
    await db.asset.create({
      data: { ...result, id: undefined, createdAt: undefined, kind: "REFERENCE", fileName: "result-1" },
    });
    await deleteGeneration(alice, aliceWs, generation.id);
    expect(await exists(result.storageKey)).toBe(true);
  });

  it("deleting one image of several keeps the generation and its other images", async () => {
    const generation = await makeGeneration(aliceWs, alice, { images: 3 });
    const [keep1, gone, keep2] = generation.images;
    await setFavorite(alice, aliceWs, gone!.id, true);
    expect(await deleteImages(alice, aliceWs, [gone!.id])).toEqual({ ok: true, value: { imageIds: [gone!.id], generationIds: [] } });
    const left = await db.generationImage.findMany({ where: { generationId: generation.id }, orderBy: { index: "asc" } });
    expect(left.map((i) => i.id)).toEqual([keep1!.id, keep2!.id]);
    expect(await exists(gone!.asset.storageKey)).toBe(false);
  });

  it("names ZIP entries uniquely, in gallery order", async () => {
    const generation = await makeGeneration(aliceWs, alice, { prompt: "Twin peaks", images: 2 });
    const again = await makeGeneration(aliceWs, alice, { prompt: "Twin peaks", createdAt: new Date(Date.UTC(2020, 0, 1)) });
    const files = await listImageFiles(aliceWs, [again.images[0]!.id, ...generation.images.map((i) => i.id)]);
    expect(files?.map((f) => f.name)).toEqual(["twin-peaks-1.webp", "twin-peaks-2.webp", "twin-peaks-1 (2).webp"]);
    expect(files?.[0]?.storageKey).toBe(generation.images[0]!.asset.storageKey);
  });
});
