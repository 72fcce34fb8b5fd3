import { describe, expect, it } from "vitest";
import type { GalleryGenerationDTO, GalleryImageDTO, GalleryPageDTO } from "@/lib/data/gallery/types";
import { DEFAULT_FILTERS } from "@/lib/validations/gallery-filters";
import { feedUrl, liveUrl } from "@/lib/client-data/gallery";
import { applyGalleryUpdate, gridItems, initialLiveAfter, mergeLive } from "./gallery-state";

const image = (id: string, patch: Partial<GalleryImageDTO> = {}): GalleryImageDTO => ({
  id,
  generationId: "g",
  index: 0,
  url: `/api/files/${id}`,
  thumbUrl: `/api/files/${id}-t`,
  width: 1024,
  height: 1024,
  revisedPrompt: null,
  fileName: `${id}.webp`,
  favorite: false,
  collectionIds: [],
  listed: true,
  ...patch,
});

const generation = (
  id: string,
  images: GalleryImageDTO[],
  status: "SUCCEEDED" | "FAILED" = "SUCCEEDED",
  createdAt = "2026-01-01T00:00:00.000Z",
): GalleryGenerationDTO => ({
  id,
  workspace: { slug: "studio", name: "Studio" },
  status,
  prompt: "p",
  size: "1024x1024",
  model: "m",
  createdAt,
  author: { name: "You", isViewer: true },
  viaApi: null,
  parentId: null,
  references: [],
  images,
  error: status === "FAILED" ? { code: "x", message: "failed" } : null,
  review: null,
  commentCount: 0,
  can: { delete: true, retry: true, collect: true, remix: true, share: true },
});

describe("gallery state", () => {
  const gens = [generation("g1", [image("a"), image("b", { listed: false })]), generation("g2", [], "FAILED"), generation("g3", [image("c")])];

  it("flattens listed images and failed generations into tiles, in order", () => {
    expect(gridItems(gens).map((i) => `${i.kind}:${i.key}`)).toEqual(["image:a", "failed:g2", "image:c"]);
  });

  it("applies favourites and collection membership to the image only", () => {
    const fav = applyGalleryUpdate(gens, { type: "favorite", imageId: "b", favorite: true });
    expect(fav[0]!.images.map((i) => i.favorite)).toEqual([false, true]);
    expect(fav[2]).toBe(gens[2]);
    const added = applyGalleryUpdate(gens, { type: "collection", imageIds: ["a", "c"], collectionId: "k", added: true });
    const twice = applyGalleryUpdate(added, { type: "collection", imageIds: ["a"], collectionId: "k", added: true });
    expect(twice[0]!.images[0]!.collectionIds).toEqual(["k"]);
    expect(applyGalleryUpdate(twice, { type: "collection", imageIds: ["a"], collectionId: "k", added: false })[0]!.images[0]!.collectionIds).toEqual([]);
  });

  it("drops removed images, their emptied generations and removed generations", () => {
    const left = applyGalleryUpdate(gens, { type: "removed", imageIds: ["a", "c"], generationIds: ["g2"] });
    expect(left.map((g) => [g.id, g.images.map((i) => i.id)])).toEqual([["g1", ["b"]]]);
    expect(gridItems(applyGalleryUpdate(gens, { type: "unlisted", imageIds: ["a"] })).map((i) => i.key)).toEqual(["g2", "c"]);
  });

  it("updates a generation's review and comment badges after a discussion change", () => {
    const after = applyGalleryUpdate(gens, { type: "discussion", generationId: "g3", review: "APPROVED", commentCount: 2 });
    expect(after[2]).toMatchObject({ review: "APPROVED", commentCount: 2 });
    expect(after[0]).toBe(gens[0]);
  });

  it("builds feed URLs with the filters and the cursor", () => {
    expect(feedUrl({ kind: "workspace", workspace: "studio", filters: DEFAULT_FILTERS }, null)).toBe("/api/w/studio/gallery");
    expect(feedUrl({ kind: "workspace", workspace: "studio", filters: { ...DEFAULT_FILTERS, favorites: true, q: "fox den" } }, "1.x")).toBe(
      "/api/w/studio/gallery?favorites=1&q=fox+den&cursor=1.x",
    );
    expect(feedUrl({ kind: "collection", workspace: "studio", collectionId: "k" }, null)).toBe("/api/w/studio/gallery?collection=k");
    expect(feedUrl({ kind: "me", filters: { ...DEFAULT_FILTERS, size: "1024x1536" } }, null)).toBe("/api/me/gallery?size=1024x1536");
  });
});

describe("the live gallery", () => {
  const at = (minute: number) => `2026-02-01T00:${String(minute).padStart(2, "0")}:00.000Z`;
  const gen = (id: string, minute: number) => generation(id, [image(`${id}-i`)], "SUCCEEDED", at(minute));
  const page = (generations: GalleryGenerationDTO[], nextCursor: string | null = null): GalleryPageDTO => ({ generations, nextCursor });

  it("polls the view's filters with the bound, starting from the first page's oldest generation", () => {
    const source = { kind: "workspace", workspace: "studio", filters: { ...DEFAULT_FILTERS, member: "u1", review: "approved" } } as const;
    expect(liveUrl(source, "5.x")).toBe("/api/w/studio/gallery?member=u1&review=approved&after=5.x");
    expect(initialLiveAfter(page([gen("new", 9), gen("old", 3)]))).toBe(`${Date.parse(at(3))}.old`);
    expect(initialLiveAfter(page([]))).toBe("latest");
  });

  it("puts a new generation into the first page in gallery order, once", () => {
    const pages = [page([gen("g9", 9), gen("g5", 5)], "c"), page([gen("g2", 2)])];
    const { pages: merged, added } = mergeLive(pages, [gen("g7", 7), gen("g10", 10), gen("g9", 9)]);
    expect(added.map((g) => g.id)).toEqual(["g7", "g10"]);
    expect(merged.map((p) => p.generations.map((g) => g.id))).toEqual([["g10", "g9", "g7", "g5"], ["g2"]]);
    // The same answer again (a poll held behind a pending generation) changes nothing.
    const again = mergeLive(merged, [gen("g7", 7), gen("g10", 10)]);
    expect(again.pages).toBe(merged);
    expect(again.added).toEqual([]);
  });

  it("replaces one already shown, and leaves one that belongs to a later page to that page", () => {
    const pages = [page([gen("g9", 9), gen("g5", 5)], "c"), page([gen("g2", 2)])];
    const reviewed = { ...gen("g2", 2), review: "APPROVED" as const };
    const { pages: merged, added } = mergeLive(pages, [reviewed, gen("g1", 1)]);
    expect(added).toEqual([]);
    expect(merged[1]!.generations[0]!.review).toBe("APPROVED");
    expect(merged[0]).toBe(pages[0]);
    // With no further page, the first page is the whole view: anything goes in.
    expect(mergeLive([page([gen("g9", 9)])], [gen("g1", 1)]).pages[0]!.generations.map((g) => g.id)).toEqual(["g9", "g1"]);
  });
});
