import { userRoute } from "@/lib/http/route";
import { liveStream } from "@/lib/live/stream";

/**
 * The tab's one live-update stream (Server-Sent Events): which generations changed in the
 * viewer's workspaces. Teammates' changes are ids only, read through the ordinary routes; the
 * viewer's own carry the generation as they see it (lib/live/hub.ts).
 */
export const GET = userRoute<RouteContext<"/api/events">>("events", async ({ request, viewer }) => liveStream(viewer.id, request.signal));
