"use server";

import { workspaceAction } from "@/lib/actions/action";
import { DELETE_REFUSED, deleteImages } from "@/lib/data/gallery/delete";
import { deleteImagesSchema } from "@/lib/validations/gallery";

/** Deletes a selection of images, all or none (one the viewer may not delete refuses the lot). */
export const deleteImagesAction = workspaceAction(
  "delete-images",
  "generation.delete.own",
  deleteImagesSchema,
  async ({ viewer, workspace, input }) => {
    const outcome = await deleteImages(viewer, workspace, input.imageIds);
    return outcome.ok ? { ok: true, data: outcome } : { ok: false, message: DELETE_REFUSED[outcome.reason] };
  },
);
