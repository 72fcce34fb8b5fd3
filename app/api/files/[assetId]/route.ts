import { z } from "zod";
import { getAssetFileForViewer } from "@/lib/data/assets";
import { jsonError, userRoute } from "@/lib/http/route";
import { fileExtension } from "@/lib/storage";

const paramsSchema = z.object({ assetId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });


/**
 * Serves a stored file to a member of its workspace. The bytes behind an asset never change
 * (content-addressed), so the browser may keep them for a year; `private` keeps shared caches out.
 */
export const GET = userRoute<{ assetId: string }>("file", async ({ request, viewer, params }) => {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) return jsonError(404, "Not found.");
  const file = await getAssetFileForViewer(viewer, parsed.data.assetId);
  if (!file) return jsonError(404, "Not found.");
  const etag = `"${file.sha256}"`;
  const headers = new Headers({
    "Content-Type": file.mime,
    "Cache-Control": "private, max-age=31536000, immutable",
    ETag: etag,
    "X-Content-Type-Options": "nosniff",
  });
  if (new URL(request.url).searchParams.has("download")) {
    const base = (file.fileName ?? "atelier-image").replace(/\.[a-z0-9]+$/i, "").replace(/[^\w.-]+/g, "-");
    headers.set("Content-Disposition", `attachment; filename="${base}.${fileExtension(file.mime)}"`);
  }
  if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
  return new Response(new Uint8Array(file.bytes), { status: 200, headers });
});
