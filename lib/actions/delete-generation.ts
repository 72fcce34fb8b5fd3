"use server";

import { workspaceAction } from "@/lib/actions/action";
import { deleteGeneration } from "@/lib/data/gallery/delete";
import { deleteGenerationSchema } from "@/lib/validations/gallery";

/**
 * Deletes a generation with its images and stored files. The wrapper lets through anyone who may
 * delete their own; the data layer requires generation.delete.any for someone else's.
 */
export const deleteGenerationAction = workspaceAction(
  "delete-generation",
  "generation.delete.own",
  deleteGenerationSchema,
  async ({ viewer, workspace, input }) => {
    return deleteGeneration(viewer, workspace, input.generationId);
  },
);
