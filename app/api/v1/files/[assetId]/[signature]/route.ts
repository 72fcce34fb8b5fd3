import { z } from "zod";
import { findSignedFile } from "@/lib/data/signed-files";
import { jsonError, publicRoute, storedFileResponse } from "@/lib/http/route";
import { recordIdSchema } from "@/lib/validations/ids";

const paramsSchema = z.object({ assetId: recordIdSchema, signature: z.string().max(100) });

/**
 * The API's result links: no cookie, the signature in the path is the permission (it names this
 * one file). The file is content-addressed, so it may be cached for a year.
 */
export const GET = publicRoute<RouteContext<"/api/v1/files/[assetId]/[signature]">>("api-v1-file", async ({ request, params }) => {
  const parsed = paramsSchema.safeParse(params);
  const file = parsed.success ? await findSignedFile(parsed.data.assetId, parsed.data.signature) : null;
  if (!file) return jsonError(404, "Not found.");
  return storedFileResponse(request, file, { "Cache-Control": "public, max-age=31536000, immutable" });
});
