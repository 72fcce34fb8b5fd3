import { NextResponse } from "next/server";
import { getCollection } from "@/lib/data/collections";
import { listGalleryUpdates } from "@/lib/data/gallery/live";
import { listCollectionGalleryPage, listGalleryPage } from "@/lib/data/gallery/read";
import { jsonError, workspaceRoute } from "@/lib/http/route";
import { decodeCursor, liveAfterSchema, parseGalleryFilters } from "@/lib/validations/gallery";

const noStore = { headers: { "Cache-Control": "no-store" } };

/**
 * One page of the gallery as JSON, for infinite scroll: the same search params as the page
 * (filters) plus `cursor`; with `collection`, that collection's images instead. With `after`
 * (a cursor, or `latest`), the live poll instead: what settled since, under the same filters.
 */
export const GET = workspaceRoute<RouteContext<"/api/w/[workspace]/gallery">>("gallery-page", "workspace.view", async ({ request, viewer, workspace }) => {
  const params = new URL(request.url).searchParams;
  const collectionId = params.get("collection");
  const rawAfter = params.get("after");
  if (rawAfter !== null) {
    const after = liveAfterSchema.safeParse(rawAfter);
    if (!after.success || collectionId || params.has("cursor")) return jsonError(400, "Not a valid live gallery request.");
    return NextResponse.json(await listGalleryUpdates(viewer, workspace, parseGalleryFilters(params), after.data), noStore);
  }
  const cursor = decodeCursor(params.get("cursor"));
  let page;
  if (collectionId) {
    const collection = await getCollection(workspace, collectionId);
    if (!collection) return jsonError(404, "Not found.");
    page = await listCollectionGalleryPage(viewer, workspace, collection.id, { cursor });
  } else {
    page = await listGalleryPage(viewer, workspace, parseGalleryFilters(params), { cursor });
  }
  return NextResponse.json(page, noStore);
});
