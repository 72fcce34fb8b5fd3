"use server";

import { redirect } from "next/navigation";
import { fail, workspaceAction } from "@/lib/actions/action";
import { referenceFromResultImage } from "@/lib/data/assets";
import { workspaceUrls } from "@/lib/urls";
import { reuseImageSchema } from "@/lib/validations/gallery";

/**
 * "Use as reference": the result image gets a REFERENCE row (the same stored file) here, in a
 * POST, so that opening the Create page stays a read; the page then prefills from that row.
 */
export const reuseImageAction = workspaceAction("reuse-image", "generation.create", reuseImageSchema, async ({ viewer, workspace, input }) => {
  const found = await referenceFromResultImage(viewer, workspace, input.imageId);
  if (!found) return fail("studio.imageGone");
  redirect(workspaceUrls.create(workspace.slug, { refs: [found.reference.assetId], parent: found.generationId }));
});
