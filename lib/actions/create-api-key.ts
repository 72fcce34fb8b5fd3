"use server";

import { revalidatePath } from "next/cache";
import { succeed, workspaceAction } from "@/lib/actions/action";
import { createApiKey } from "@/lib/data/api-keys";
import { workspaceUrls } from "@/lib/urls";
import { createApiKeySchema } from "@/lib/validations/workspace";

/** The token is in this answer only: the database keeps its hash. */
export const createApiKeyAction = workspaceAction("create-api-key", "apikey.create", createApiKeySchema, async ({ viewer, workspace, input }) => {
  const result = await createApiKey(viewer, workspace, input);
  if (!result.ok) return result;
  revalidatePath(workspaceUrls.apiKeys(workspace.slug));
  return succeed(result.value, "workspace.keyCreated");
});
