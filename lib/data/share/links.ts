import "server-only";
import type { Viewer } from "@/lib/auth";
import { fileUrl } from "@/lib/data/dto";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import { mayShare } from "@/lib/data/share/shared-access";
import { newShareToken, shareUrl } from "@/lib/data/share/tokens";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ShareTarget } from "@/lib/generated/prisma/enums";
import { hashPassword } from "@/lib/passwords";
import { can } from "@/lib/permissions";
import type { CreateShareLinkInput } from "@/lib/validations/share";

// The member side of share links: creating, listing and revoking them (through the action wrapper).

export interface CreatedShareLink {
  id: string;
  url: string;
  expiresAt: string | null;
  hasPassword: boolean;
}

/**
 * Who may share what:
 * - a generation: its maker with share.create.own; anyone else's needs share.create.any;
 * - a collection: collections belong to the workspace, not to one person, so whoever may curate
 *   them (collection.manage) and share at all (share.create.own) may share one;
 * - the whole workspace gallery: it exposes every member's work, so share.create.any (admins, owners).
 */
async function shareableTarget(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  input: CreateShareLinkInput,
): Promise<Outcome<{ generationId: string | null; collectionId: string | null }>> {
  switch (input.target) {
    case "GENERATION": {
      const generation = await db.generation.findFirst({
        where: { id: input.generationId, workspaceId: workspace.id },
        select: { userId: true, status: true },
      });
      if (!generation) return refused("gallery.shareGenerationGone");
      if (!mayShare(workspace.role, "GENERATION", generation.userId === viewer.id)) {
        return refused("gallery.shareOwnOnly");
      }
      if (generation.status !== "SUCCEEDED") return refused("gallery.shareUnfinished");
      return done({ generationId: input.generationId, collectionId: null });
    }
    case "COLLECTION": {
      if (!mayShare(workspace.role, "COLLECTION", false)) {
        return refused("gallery.shareCollectionForbidden");
      }
      const found = await db.collection.count({ where: { id: input.collectionId, workspaceId: workspace.id } });
      if (!found) return refused("gallery.shareCollectionGone");
      return done({ generationId: null, collectionId: input.collectionId });
    }
    case "WORKSPACE": {
      if (!mayShare(workspace.role, "WORKSPACE", false)) {
        return refused("gallery.shareGalleryForbidden");
      }
      return done({ generationId: null, collectionId: null });
    }
  }
}

export async function createShareLink(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  input: CreateShareLinkInput,
): Promise<Outcome<CreatedShareLink>> {
  // The action wrapper checks this too; the data layer does not rely on being called through it.
  if (!can(workspace.role, "share.create.own")) return refused("gallery.shareForbidden");
  const shareable = await shareableTarget(viewer, workspace, input);
  if (!shareable.ok) return shareable;
  const target = shareable.value;
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const expiresAt = input.expiresIn === "never" ? null : new Date(Date.now() + Number(input.expiresIn) * 86_400_000);
  const link = await db.shareLink.create({
    data: {
      token: newShareToken(),
      workspaceId: workspace.id,
      createdById: viewer.id,
      target: input.target,
      ...target,
      showReferences: input.showReferences,
      passwordHash,
      expiresAt,
    },
    select: { id: true, token: true, expiresAt: true },
  });
  return done({
    id: link.id,
    url: shareUrl(link.token),
    expiresAt: link.expiresAt?.toISOString() ?? null,
    hasPassword: passwordHash !== null,
  });
}

// "Own" is a link the viewer made, or a link to a generation the viewer made: people can always
// pull their own work back, whoever shared it.
function ownLinkWhere(viewer: Viewer): Prisma.ShareLinkWhereInput {
  return { OR: [{ createdById: viewer.id }, { generation: { userId: viewer.id } }] };
}

/** The links the viewer may manage here: every link for admins and owners, their own for editors. */
function manageableWhere(viewer: Viewer, workspace: WorkspaceAccess): Prisma.ShareLinkWhereInput | null {
  if (can(workspace.role, "share.revoke.any")) return { workspaceId: workspace.id };
  if (can(workspace.role, "share.revoke.own")) return { workspaceId: workspace.id, ...ownLinkWhere(viewer) };
  return null;
}

/**
 * Done when a live link the viewer may manage was revoked now. Someone else's link, a guessed id
 * and an already revoked link are all refused alike.
 */
export async function revokeShareLink(viewer: Viewer, workspace: WorkspaceAccess, linkId: string): Promise<Outcome> {
  const scope = manageableWhere(viewer, workspace);
  if (!scope) return refused("gallery.noLinkToRevoke");
  const { count } = await db.shareLink.updateMany({
    where: { AND: [scope, { id: linkId, revokedAt: null }] },
    data: { revokedAt: new Date() },
  });
  return count === 1 ? done() : refused("gallery.noLinkToRevoke");
}

export type ShareLinkStatus = "active" | "expired" | "revoked";

/** A row of the "Shared links" page. */
export interface ShareLinkDTO {
  id: string;
  url: string;
  target: ShareTarget;
  /** The prompt or the collection's name; null for the whole gallery (the page words it). */
  subject: string | null;
  thumbUrl: string | null;
  createdAt: string;
  createdByName: string | null;
  expiresAt: string | null;
  revokedAt: string | null;
  status: ShareLinkStatus;
  viewCount: number;
  lastViewedAt: string | null;
  hasPassword: boolean;
  showReferences: boolean;
}

const LIST_LIMIT = 200;

export async function listShareLinks(viewer: Viewer, workspace: WorkspaceAccess, now = new Date()): Promise<ShareLinkDTO[]> {
  const scope = manageableWhere(viewer, workspace);
  if (!scope) return [];
  const rows = await db.shareLink.findMany({
    where: scope,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      token: true,
      target: true,
      createdAt: true,
      expiresAt: true,
      revokedAt: true,
      viewCount: true,
      lastViewedAt: true,
      passwordHash: true,
      showReferences: true,
      createdBy: { select: { name: true } },
      collection: { select: { name: true } },
      generation: {
        select: { prompt: true, images: { orderBy: { index: "asc" }, take: 1, select: { thumbAssetId: true } } },
      },
    },
  });
  return rows.map((r) => {
    const thumb = r.generation?.images[0]?.thumbAssetId;
    return {
      id: r.id,
      url: shareUrl(r.token),
      target: r.target,
      subject: (r.target === "GENERATION" ? r.generation?.prompt : r.target === "COLLECTION" ? r.collection?.name : null) ?? null,
      thumbUrl: thumb ? fileUrl(thumb) : null,
      createdAt: r.createdAt.toISOString(),
      createdByName: r.createdBy?.name ?? null,
      expiresAt: r.expiresAt?.toISOString() ?? null,
      revokedAt: r.revokedAt?.toISOString() ?? null,
      status: r.revokedAt ? "revoked" : r.expiresAt && r.expiresAt <= now ? "expired" : "active",
      viewCount: r.viewCount,
      lastViewedAt: r.lastViewedAt?.toISOString() ?? null,
      hasPassword: r.passwordHash !== null,
      showReferences: r.showReferences,
    };
  });
}
