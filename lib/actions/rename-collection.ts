"use server";

import { succeed, workspaceAction } from "@/lib/actions/action";
import { renameCollection } from "@/lib/data/collections";
import { renameCollectionSchema } from "@/lib/validations/gallery";

export const renameCollectionAction = workspaceAction(
  "rename-collection",
  "collection.manage",
  renameCollectionSchema,
  async ({ workspace, input }) => {
    const renamed = await renameCollection(workspace, input.collectionId, input.name);
    return renamed.ok ? succeed({ id: input.collectionId, name: input.name }, "gallery.collectionRenamed") : renamed;
  },
);
