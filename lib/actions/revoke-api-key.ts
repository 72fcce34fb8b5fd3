"use server";

import { revalidatePath } from "next/cache";
import { succeed, workspaceAction } from "@/lib/actions/action";
import { revokeApiKey } from "@/lib/data/api-keys";
import { workspaceUrls } from "@/lib/urls";
import { revokeApiKeySchema } from "@/lib/validations/workspace";

/** Own keys for editors; any key of the workspace for admins and owners (the data layer decides which). */
export const revokeApiKeyAction = workspaceAction("revoke-api-key", "apikey.revoke.own", revokeApiKeySchema, async ({ viewer, workspace, input }) => {
  const result = await revokeApiKey(viewer, workspace, input.keyId);
  if (!result.ok) return result;
  revalidatePath(workspaceUrls.apiKeys(workspace.slug));
  return succeed(undefined, "workspace.keyRevoked");
});
