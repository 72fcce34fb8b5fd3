"use server";

import { workspaceAction } from "@/lib/actions/action";
import { deleteCollection } from "@/lib/data/collections";
import { deleteCollectionSchema } from "@/lib/validations/gallery";

/** Deletes the collection only; its images stay in the gallery. */
export const deleteCollectionAction = workspaceAction(
  "delete-collection",
  "collection.manage",
  deleteCollectionSchema,
  async ({ workspace, input }) => {
    if (!(await deleteCollection(workspace, input.collectionId))) {
      return { ok: false, message: "That collection is not here any more." };
    }
    return { ok: true, data: { id: input.collectionId } };
  },
);
