"use server";

import { succeed, workspaceAction } from "@/lib/actions/action";
import { removeFromCollection } from "@/lib/data/collections";
import { collectionItemsSchema } from "@/lib/validations/gallery";

export const removeFromCollectionAction = workspaceAction(
  "remove-from-collection",
  "collection.manage",
  collectionItemsSchema,
  async ({ workspace, input }) => {
    const result = await removeFromCollection(workspace, input.collectionId, input.imageIds);
    return result.ok ? succeed({ collectionId: input.collectionId, imageIds: input.imageIds }) : result;
  },
);
