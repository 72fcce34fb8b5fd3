import { z } from "zod";
import { getSharedAssetFile } from "@/lib/data/share/shared-access";
import { SHARE_FILE_PROOF_COOKIE } from "@/lib/data/share/tokens";
import { jsonError, publicRoute, storedFileResponse } from "@/lib/http/route";
import { recordIdSchema } from "@/lib/validations/ids";
import { shareTokenSchema } from "@/lib/validations/share";

const paramsSchema = z.object({ token: shareTokenSchema, assetId: recordIdSchema });

/**
 * A file of a share link, for anyone holding the token (and, on a protected link, the unlock
 * cookie). `no-cache` makes the browser ask again every time (a cheap 304 while the ETag holds), so
 * a revoked or expired link stops serving its images at once; `private` keeps shared caches out.
 */
export const GET = publicRoute<RouteContext<"/api/s/[token]/files/[assetId]">>("shared-file", async ({ request, params }) => {
  const parsed = paramsSchema.safeParse(params);
  if (!parsed.success) return jsonError(404, "Not found.");
  const result = await getSharedAssetFile(parsed.data.token, parsed.data.assetId, request.cookies.get(SHARE_FILE_PROOF_COOKIE)?.value);
  if (result.status === "locked") return jsonError(403, "This link is password-protected.");
  if (result.status === "not-found") return jsonError(404, "Not found.");
  return storedFileResponse(
    request,
    result.file,
    { "Cache-Control": "private, no-cache", "X-Robots-Tag": "noindex" },
    // Asked again on every view, so a revoked link stops handing out new signed URLs at once.
    { redirectCacheControl: "private, no-cache" },
  );
});
