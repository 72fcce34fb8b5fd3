import { describe, expect, it } from "vitest";
import type { GalleryGenerationDTO, GalleryImageDTO } from "@/lib/data/gallery";
import { DEFAULT_FILTERS } from "@/lib/validations/gallery";
import { applyGalleryUpdate, feedUrl, gridItems } from "./gallery-state";

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

  it("builds feed URLs with the filters and the cursor", () => {
    expect(feedUrl({ kind: "workspace", workspace: "studio", filters: DEFAULT_FILTERS }, null)).toBe("/api/w/studio/gallery");
    expect(feedUrl({ kind: "workspace", workspace: "studio", filters: { ...DEFAULT_FILTERS, favorites: true, q: "fox den" } }, "1.x")).toBe(
      "/api/w/studio/gallery?favorites=1&q=fox+den&cursor=1.x",
    );
    expect(feedUrl({ kind: "collection", workspace: "studio", collectionId: "k" }, null)).toBe("/api/w/studio/gallery?collection=k");
    expect(feedUrl({ kind: "me", filters: { ...DEFAULT_FILTERS, size: "1024x1536" } }, null)).toBe("/api/me/gallery?size=1024x1536");
  });
});
