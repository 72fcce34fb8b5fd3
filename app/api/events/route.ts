import { userRoute } from "@/lib/http/route";
import { liveStream } from "@/lib/live/stream";

/**
 * The tab's one live-update stream (Server-Sent Events): which generations changed in the
 * viewer's workspaces, ids only. The browser reads the changes through the ordinary routes.
 */
export const GET = userRoute<RouteContext<"/api/events">>("events", async ({ request, viewer }) => liveStream(viewer.id, request.signal));
