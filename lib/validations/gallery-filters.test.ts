import { describe, expect, it } from "vitest";
import { IMAGE_SIZES } from "./generation-limits";
import { parseGalleryFilters } from "./gallery";
import { formGalleryFilters, galleryFiltersToParams, GALLERY_STATUSES, REVIEW_FILTERS, SEARCH_MAX_LENGTH } from "./gallery-filters";

describe("formGalleryFilters (the filter form's fields, read in the browser without zod)", () => {
  // Every combination the form's own controls can send (a member id as the select gives it).
  const combinations = (["everyone", "me"] as const).flatMap((who) =>
    ["", ...IMAGE_SIZES].flatMap((size) =>
      GALLERY_STATUSES.flatMap((status) =>
        ["", ...REVIEW_FILTERS].flatMap((review) =>
          [undefined, "1"].flatMap((favorites) =>
            ["", "cmx77sa0o0017qf7dbqm83i1q"].map((member) => ({ who, size, status, review, favorites, member, q: "  lighthouse " })),
          ),
        ),
      ),
    ),
  );

  it("makes the same URL as the server's schema for everything the form can send", () => {
    expect(combinations.length).toBe(2 * 4 * 3 * 4 * 2 * 2);
    for (const fields of combinations) {
      expect(galleryFiltersToParams(formGalleryFilters(fields)).toString()).toBe(galleryFiltersToParams(parseGalleryFilters(fields)).toString());
    }
  });

  it("leaves a choice the form does not offer at its default, and cuts an over-long search", () => {
    const read = formGalleryFilters({ who: "admin", size: "9x9", status: "deleted", review: "maybe", favorites: "yes", q: "x".repeat(SEARCH_MAX_LENGTH + 5) });
    expect(read).toEqual({ who: "everyone", size: undefined, status: "done", review: undefined, favorites: false, member: undefined, q: "x".repeat(SEARCH_MAX_LENGTH) });
    expect(formGalleryFilters({ q: "   " }).q).toBeUndefined();
  });
});
