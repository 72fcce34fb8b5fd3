"use server";

import { workspaceAction } from "@/lib/actions/action";
import { removeFromCollection } from "@/lib/data/collections";
import { collectionItemsSchema } from "@/lib/validations/gallery";

export const removeFromCollectionAction = workspaceAction(
  "remove-from-collection",
  "collection.manage",
  collectionItemsSchema,
  async ({ workspace, input }) => {
    const result = await removeFromCollection(workspace, input.collectionId, input.imageIds);
    if (!result.ok) return { ok: false, message: "That collection is not here any more." };
    return { ok: true, data: { collectionId: input.collectionId, imageIds: input.imageIds } };
  },
);
