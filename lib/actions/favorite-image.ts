"use server";

import { succeed, workspaceAction } from "@/lib/actions/action";
import { setFavorite } from "@/lib/data/gallery/favorite";
import { favoriteImageSchema } from "@/lib/validations/gallery";

/**
 * Marks or unmarks an image as one of the viewer's favourites (every role may). Idempotent: the
 * input says the state wanted, not "toggle", so a double click cannot undo itself. Like the other
 * gallery actions it does not revalidate a path: the gallery's data lives in TanStack Query, which
 * the client updates, and the lightbox's URL is not the page that is mounted.
 */
export const favoriteImageAction = workspaceAction(
  "favorite-image",
  "image.favorite",
  favoriteImageSchema,
  async ({ viewer, workspace, input }) => {
    const set = await setFavorite(viewer, workspace, input.imageId, input.favorite);
    return set.ok ? succeed({ imageId: input.imageId, favorite: input.favorite }) : set;
  },
);
