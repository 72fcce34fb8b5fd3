import { z } from "zod";
import { findAssetFileForViewer } from "@/lib/data/assets";
import { jsonError, storedFileResponse, userRoute } from "@/lib/http/route";
import { fileExtension } from "@/lib/storage";
import { recordIdSchema } from "@/lib/validations/ids";

const paramsSchema = z.object({ assetId: recordIdSchema });

/**
 * Serves a stored file to a member of its workspace. The bytes behind an asset never change
 * (content-addressed), so the browser may keep them for a year; `private` keeps shared caches out.
 */
export const GET = userRoute<RouteContext<"/api/files/[assetId]">>("file", async ({ request, viewer, params }) => {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) return jsonError(404, "Not found.");
  const file = await findAssetFileForViewer(viewer, parsed.data.assetId);
  if (!file) return jsonError(404, "Not found.");
  const headers: Record<string, string> = { "Cache-Control": "private, max-age=31536000, immutable" };
  if (new URL(request.url).searchParams.has("download")) {
    const base = (file.fileName ?? "atelier-image").replace(/\.[a-z0-9]+$/i, "").replace(/[^\w.-]+/g, "-");
    headers["Content-Disposition"] = `attachment; filename="${base}.${fileExtension(file.mime)}"`;
  }
  return storedFileResponse(request, file, headers);
});
