"use server";

import { succeed, workspaceAction } from "@/lib/actions/action";
import { unpinReference } from "@/lib/data/library";
import { unpinReferenceSchema } from "@/lib/validations/workspace";

/** The library is shared curation: whoever may pin may also take a pin down. */
export const unpinReferenceAction = workspaceAction(
  "unpin-reference",
  "library.pin",
  unpinReferenceSchema,
  async ({ workspace, input }) => {
    const result = await unpinReference(workspace, input.assetId);
    if (!result.ok) return result;
    return succeed(undefined, "studio.unpinned");
  },
);
