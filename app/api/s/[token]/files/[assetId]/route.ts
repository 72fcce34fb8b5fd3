import type { NextRequest } from "next/server";
import { z } from "zod";
import { getSharedAssetFile, SHARE_FILE_PROOF_COOKIE } from "@/lib/data/share-links";
import { jsonError } from "@/lib/http/route";
import { shareTokenSchema } from "@/lib/validations/share";

const paramsSchema = z.object({ token: shareTokenSchema, assetId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) });

/**
 * A file of a share link, for anyone holding the token (and, on a protected link, the unlock
 * cookie). `no-cache` makes the browser ask again every time (a cheap 304 while the ETag holds), so
 * a revoked or expired link stops serving its images at once; `private` keeps shared caches out.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ token: string; assetId: string }> }) {
  try {
    const parsed = paramsSchema.safeParse(await params);
    if (!parsed.success) return jsonError(404, "Not found.");
    const proof = request.cookies.get(SHARE_FILE_PROOF_COOKIE)?.value;
    const result = await getSharedAssetFile(parsed.data.token, parsed.data.assetId, proof);
    if (result.status === "locked") return jsonError(403, "This link is password-protected.");
    if (result.status === "not-found") return jsonError(404, "Not found.");
    const { file } = result;
    const etag = `"${file.sha256}"`;
    const headers = new Headers({
      "Content-Type": file.mime,
      "Cache-Control": "private, no-cache",
      ETag: etag,
      "X-Content-Type-Options": "nosniff",
      "X-Robots-Tag": "noindex",
    });
    if (request.headers.get("if-none-match") === etag) return new Response(null, { status: 304, headers });
    return new Response(new Uint8Array(file.bytes), { status: 200, headers });
  } catch (e) {
    console.error("[route shared-file]", e);
    return jsonError(500, "Something went wrong on our side. Please try again.");
  }
}
