"use server";

import { workspaceAction } from "@/lib/actions/action";
import { deleteImages } from "@/lib/data/gallery/delete";
import { deleteImagesSchema } from "@/lib/validations/gallery";

/** Deletes a selection of images, all or none (one the viewer may not delete refuses the lot). */
export const deleteImagesAction = workspaceAction(
  "delete-images",
  "generation.delete.own",
  deleteImagesSchema,
  async ({ viewer, workspace, input }) => {
    return deleteImages(viewer, workspace, input.imageIds);
  },
);
