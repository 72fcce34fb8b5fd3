"use server";

import { workspaceAction } from "@/lib/actions/action";
import { addToCollection } from "@/lib/data/collections";
import { collectionItemsSchema } from "@/lib/validations/gallery";

export const addToCollectionAction = workspaceAction(
  "add-to-collection",
  "collection.manage",
  collectionItemsSchema,
  async ({ workspace, input }) => {
    const result = await addToCollection(workspace, input.collectionId, input.imageIds);
    if (!result.ok) {
      return {
        ok: false,
        message:
          result.reason === "collection-not-found"
            ? "That collection is not here any more."
            : "Some of those images are no longer here. Reload the page and try again.",
      };
    }
    return { ok: true, data: { collectionId: input.collectionId, imageIds: input.imageIds } };
  },
);
