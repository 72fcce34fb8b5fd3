import "server-only";
import type { Viewer } from "@/lib/auth";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";

/** Marks or unmarks an image of this workspace as one of the viewer's favourites; refused when there is no such image here. */
export async function setFavorite(viewer: Viewer, workspace: WorkspaceAccess, imageId: string, favorite: boolean): Promise<Outcome> {
  const image = await db.generationImage.findFirst({
    where: { id: imageId, generation: { workspaceId: workspace.id } },
    select: { id: true },
  });
  if (!image) return refused("gallery.imageGone");
  if (favorite) {
    await db.favorite.createMany({ data: [{ userId: viewer.id, generationImageId: image.id }], skipDuplicates: true });
  } else {
    await db.favorite.deleteMany({ where: { userId: viewer.id, generationImageId: image.id } });
  }
  return done();
}
