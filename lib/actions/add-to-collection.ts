"use server";

import { succeed, workspaceAction } from "@/lib/actions/action";
import { addToCollection } from "@/lib/data/collections";
import { collectionItemsSchema } from "@/lib/validations/gallery";

export const addToCollectionAction = workspaceAction(
  "add-to-collection",
  "collection.manage",
  collectionItemsSchema,
  async ({ workspace, input }) => {
    const result = await addToCollection(workspace, input.collectionId, input.imageIds);
    return result.ok ? succeed({ collectionId: input.collectionId, imageIds: input.imageIds }) : result;
  },
);
