"use server";

import { workspaceAction } from "@/lib/actions/action";
import { deleteImages } from "@/lib/data/gallery/delete";
import { deleteImageSchema } from "@/lib/validations/gallery";

/** Deletes one result image and its files; its generation goes too when it was the last image. */
export const deleteImageAction = workspaceAction(
  "delete-image",
  "generation.delete.own",
  deleteImageSchema,
  async ({ viewer, workspace, input }) => {
    return deleteImages(viewer, workspace, [input.imageId]);
  },
);
