"use server";

import { succeed, workspaceAction } from "@/lib/actions/action";
import { deleteCollection } from "@/lib/data/collections";
import { deleteCollectionSchema } from "@/lib/validations/gallery";

/** Deletes the collection only; its images stay in the gallery. */
export const deleteCollectionAction = workspaceAction(
  "delete-collection",
  "collection.manage",
  deleteCollectionSchema,
  async ({ workspace, input }) => {
    const deleted = await deleteCollection(workspace, input.collectionId);
    return deleted.ok ? succeed({ id: input.collectionId }) : deleted;
  },
);
