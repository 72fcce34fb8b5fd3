import { NextResponse } from "next/server";
import { listMyGalleryPage } from "@/lib/data/gallery/read";
import { userRoute } from "@/lib/http/route";
import { decodeCursor, parseGalleryFilters } from "@/lib/validations/gallery";

/** One page of "My gallery" (the viewer's own images in every workspace) as JSON, for infinite scroll. */
export const GET = userRoute<RouteContext<"/api/me/gallery">>("my-gallery-page", async ({ request, viewer }) => {
  const params = new URL(request.url).searchParams;
  const page = await listMyGalleryPage(viewer, parseGalleryFilters(params), { cursor: decodeCursor(params.get("cursor")) });
  return NextResponse.json(page, { headers: { "Cache-Control": "no-store" } });
});
