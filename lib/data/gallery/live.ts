import "server-only";
import type { Viewer } from "@/lib/auth";
import { toGalleryDTOs } from "@/lib/data/gallery/map";
import { gallerySelect, generationWhere, newerThan, ORDER, REVERSE_ORDER, scopeWhere, type Scope } from "@/lib/data/gallery/query";
import type { GalleryUpdatesDTO } from "@/lib/data/gallery/types";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { encodeCursor, LIVE_LATEST, type GalleryCursor, type GalleryFilters, type LiveAfter } from "@/lib/validations/gallery";

/** How many rows one poll walks past its bound; the next poll goes on from where this one stopped. */
const LIVE_WINDOW = 100;
const PENDING: ReadonlySet<string> = new Set(["QUEUED", "RUNNING"]);
/** Before every row: `createdAt > epoch` holds for all of them. */
const EPOCH: GalleryCursor = { createdAt: new Date(0), id: "0" };

/**
 * The live gallery's poll: settled generations newer than `after` that the view's filters include,
 * and the bound for the next poll. A generation is made QUEUED and settles later, so one created
 * before a newer, already finished one would be passed over by a bound that simply followed the
 * newest row shown. The bound therefore stops just before the oldest generation still pending
 * (matching the view's author, member, review, size and search), and moves past it once it has
 * settled: until then, the settled rows after it come back on every poll (the client keeps one
 * copy of each). Pending generations themselves are never returned: they appear when they settle.
 * `latest` (a view that shows nothing yet) starts from the newest LIVE_WINDOW rows.
 * Every query is a range of the (workspaceId[, userId], createdAt desc, id) index from the bound.
 */
export async function listGalleryUpdates(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  filters: GalleryFilters,
  after: LiveAfter,
): Promise<GalleryUpdatesDTO> {
  const scope: Scope = { workspaces: [workspace], onlyViewer: filters.who === "me" };
  const broad = scopeWhere(viewer, scope, filters);
  const select = { id: true, status: true, createdAt: true } satisfies Prisma.GenerationSelect;
  let bound: GalleryCursor;
  let walk: { id: string; status: string; createdAt: Date }[];
  if (after === LIVE_LATEST) {
    const newest = await db.generation.findMany({ where: broad, orderBy: ORDER, take: LIVE_WINDOW + 1, select });
    bound = newest[LIVE_WINDOW] ?? EPOCH;
    walk = newest.slice(0, LIVE_WINDOW).reverse();
  } else {
    bound = after;
    walk = await db.generation.findMany({ where: { AND: [broad, newerThan(after)] }, orderBy: REVERSE_ORDER, take: LIVE_WINDOW, select });
  }
  let held = false;
  const settled: string[] = [];
  for (const row of walk) {
    if (PENDING.has(row.status)) held = true;
    else {
      settled.push(row.id);
      if (!held) bound = row;
    }
  }
  const rows =
    settled.length === 0
      ? []
      : await db.generation.findMany({
          where: { AND: [generationWhere(viewer, scope, filters), { id: { in: settled } }] },
          orderBy: ORDER,
          select: gallerySelect(viewer),
        });
  return { generations: await toGalleryDTOs(rows, viewer, scope, filters), after: encodeCursor(bound) };
}
