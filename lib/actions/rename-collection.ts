"use server";

import { workspaceAction } from "@/lib/actions/action";
import { renameCollection } from "@/lib/data/collections";
import { renameCollectionSchema } from "@/lib/validations/gallery";

export const renameCollectionAction = workspaceAction(
  "rename-collection",
  "collection.manage",
  renameCollectionSchema,
  async ({ workspace, input }) => {
    if (!(await renameCollection(workspace, input.collectionId, input.name))) {
      return { ok: false, message: "That collection is not here any more." };
    }
    return { ok: true, message: "Renamed.", data: { id: input.collectionId, name: input.name } };
  },
);
