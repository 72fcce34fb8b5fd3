"use server";

import { workspaceAction } from "@/lib/actions/action";
import { DELETE_REFUSED, deleteImages } from "@/lib/data/gallery/delete";
import { deleteImageSchema } from "@/lib/validations/gallery";

/** Deletes one result image and its files; its generation goes too when it was the last image. */
export const deleteImageAction = workspaceAction(
  "delete-image",
  "generation.delete.own",
  deleteImageSchema,
  async ({ viewer, workspace, input }) => {
    const outcome = await deleteImages(viewer, workspace, [input.imageId]);
    return outcome.ok ? { ok: true, data: outcome } : { ok: false, message: DELETE_REFUSED[outcome.reason] };
  },
);
