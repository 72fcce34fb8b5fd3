"use server";

import { succeed, workspaceAction } from "@/lib/actions/action";
import { pinReference } from "@/lib/data/library";
import { pinReferenceSchema } from "@/lib/validations/workspace";

/** Puts an uploaded reference on the workspace's shelf, where every member can pick it. */
export const pinReferenceAction = workspaceAction(
  "pin-reference",
  "library.pin",
  pinReferenceSchema,
  async ({ workspace, input }) => {
    const result = await pinReference(workspace, input.assetId, input.name);
    if (!result.ok) return result;
    return succeed(undefined, "studio.pinned");
  },
);
