"use server";

import { ActionError, workspaceAction } from "@/lib/actions/action";
import { CollectionImagesNotFoundError, createCollection } from "@/lib/data/collections";
import { createCollectionSchema } from "@/lib/validations/gallery";

/** Makes a named collection in the workspace, optionally starting with the selected images. */
export const createCollectionAction = workspaceAction(
  "create-collection",
  "collection.manage",
  createCollectionSchema,
  async ({ viewer, workspace, input }) => {
    try {
      const collection = await createCollection(viewer, workspace, input.name, input.imageIds);
      return { ok: true, message: `Created “${collection.name}”.`, data: collection };
    } catch (e) {
      if (e instanceof CollectionImagesNotFoundError) throw new ActionError(e.message);
      throw e;
    }
  },
);
