"use server";

import { succeed, workspaceAction } from "@/lib/actions/action";
import { createShareLink } from "@/lib/data/share/links";
import { createShareLinkSchema } from "@/lib/validations/share";

/**
 * Makes a share link for a generation, a collection or the whole gallery. The wrapper admits
 * anyone who may share at all (share.create.own); the data layer then decides whether this role
 * may share this particular target (someone else's work, a collection, the whole gallery).
 *
 * It revalidates no path: the dialog is opened from pages that do not list links, one of them the
 * gallery's lightbox, whose address is not the page that is mounted (a refresh would swap the
 * gallery for the detail page and close the dialog with the new link in it). The Shared links page
 * is rendered per request, so it lists the link the next time it is opened.
 */
export const createShareLinkAction = workspaceAction(
  "create-share-link",
  "share.create.own",
  createShareLinkSchema,
  async ({ viewer, workspace, input }) => {
    const link = await createShareLink(viewer, workspace, input);
    return link.ok ? succeed(link.value, "gallery.linkCreated") : link;
  },
);
