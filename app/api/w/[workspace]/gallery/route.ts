import { NextResponse } from "next/server";
import { getCollection } from "@/lib/data/collections";
import { listCollectionGalleryPage, listGalleryPage } from "@/lib/data/gallery";
import { jsonError, workspaceRoute } from "@/lib/http/route";
import { decodeCursor, parseGalleryFilters } from "@/lib/validations/gallery";

/**
 * One page of the gallery as JSON, for infinite scroll: the same search params as the page
 * (filters) plus `cursor`; with `collection`, that collection's images instead.
 */
export const GET = workspaceRoute<{ workspace: string }>("gallery-page", "workspace.view", async ({ request, viewer, workspace }) => {
  const params = new URL(request.url).searchParams;
  const cursor = decodeCursor(params.get("cursor"));
  const collectionId = params.get("collection");
  let page;
  if (collectionId) {
    const collection = await getCollection(workspace, collectionId);
    if (!collection) return jsonError(404, "Not found.");
    page = await listCollectionGalleryPage(viewer, workspace, collection.id, { cursor });
  } else {
    page = await listGalleryPage(viewer, workspace, parseGalleryFilters(params), { cursor });
  }
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
});
