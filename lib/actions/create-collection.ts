"use server";

import { succeed, workspaceAction } from "@/lib/actions/action";
import { createCollection } from "@/lib/data/collections";
import { createCollectionSchema } from "@/lib/validations/gallery";

/** Makes a named collection in the workspace, optionally starting with the selected images. */
export const createCollectionAction = workspaceAction(
  "create-collection",
  "collection.manage",
  createCollectionSchema,
  async ({ viewer, workspace, input }) => {
    const created = await createCollection(viewer, workspace, input.name, input.imageIds);
    if (!created.ok) return created;
    return succeed(created.value, "gallery.collectionCreated", { name: created.value.name });
  },
);
