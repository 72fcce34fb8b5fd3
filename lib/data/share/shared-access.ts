import "server-only";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import { makeUnlockProof, verifyUnlockProof } from "@/lib/data/share/tokens";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, ShareTarget } from "@/lib/generated/prisma/enums";
import { verifyPassword } from "@/lib/passwords";
import { can } from "@/lib/permissions";
import { shareTokenSchema } from "@/lib/validations/share";

/*
 * Where a share link is checked, all of it: whether its maker may still share it, whether it is
 * live, whether its password was given, and what it grants (the images, generations and files a
 * token reaches). Every public read and the remix start from `findLiveShareLink`/`resolveShareLink`
 * and scope their queries with `sharedImagesWhere`/`sharedGenerationsWhere`.
 */

/**
 * Whether a member with `role` may share this kind of target; `ownGeneration` when the shared
 * generation is theirs. Used when a link is made (links.ts) and again every time it is used
 * (findLiveShareLink, below), so the two can never disagree.
 */
export function mayShare(role: Role, target: ShareTarget, ownGeneration: boolean): boolean {
  if (!can(role, "share.create.own")) return false;
  switch (target) {
    case "GENERATION":
      return ownGeneration || can(role, "share.create.any");
    case "COLLECTION":
      return can(role, "collection.manage");
    case "WORKSPACE":
      return can(role, "share.create.any");
  }
}

const liveLinkSelect = {
  id: true,
  token: true,
  target: true,
  workspaceId: true,
  generationId: true,
  collectionId: true,
  showReferences: true,
  passwordHash: true,
  expiresAt: true,
  createdById: true,
  createdBy: { select: { name: true } },
  collection: { select: { name: true } },
  generation: { select: { userId: true } },
  workspace: { select: { name: true } },
} satisfies Prisma.ShareLinkSelect;

/** A live link as the server sees it. Never handed to a client component: it holds the hash. */
export type LiveShareLink = Prisma.ShareLinkGetPayload<{ select: typeof liveLinkSelect }>;

export type ShareAccess = { status: "not-found" } | { status: "locked" | "open"; link: LiveShareLink };

/**
 * The link behind a token, unless it is malformed, unknown, revoked or expired, or its maker could
 * no longer make it (removed from the workspace, or demoted below the role that may share this):
 * all "not found". A link lends its maker's authority, so it lasts only as long as that does.
 */
export async function findLiveShareLink(token: string, now = new Date()): Promise<LiveShareLink | null> {
  if (!shareTokenSchema.safeParse(token).success) return null;
  const link = await db.shareLink.findFirst({
    where: { token, revokedAt: null, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
    select: liveLinkSelect,
  });
  if (!link?.createdById) return null;
  const maker = await db.membership.findUnique({
    where: { userId_workspaceId: { userId: link.createdById, workspaceId: link.workspaceId } },
    select: { role: true },
  });
  if (!maker || !mayShare(maker.role, link.target, link.generation?.userId === link.createdById)) return null;
  return link;
}

/** `proof` is the unlock cookie's value, needed only when the link has a password. */
export async function resolveShareLink(token: string, proof: string | null | undefined): Promise<ShareAccess> {
  const link = await findLiveShareLink(token);
  if (!link) return { status: "not-found" };
  if (link.passwordHash && !verifyUnlockProof(link, proof)) return { status: "locked", link };
  return { status: "open", link };
}

/** The unlock cookie's value and expiry; null for a link without a password (nothing to prove). */
export type UnlockProof = { value: string; expires: Date } | null;

/** Refused as gallery.linkGone (not live) or gallery.linkWrongPassword (on the password field). */
export async function unlockShareLink(token: string, password: string): Promise<Outcome<UnlockProof>> {
  const link = await findLiveShareLink(token);
  if (!link) return refused("gallery.linkGone");
  if (!link.passwordHash) return done(null);
  if (!(await verifyPassword(link.passwordHash, password))) return refused("gallery.linkWrongPassword", undefined, "password");
  return done(makeUnlockProof({ ...link, passwordHash: link.passwordHash }));
}

function targetId(value: string | null): string {
  // A null here would drop the condition from a `where` and widen what the link grants.
  if (!value) throw new Error("Share link is missing its target id");
  return value;
}

/** The result images a link grants (and so their thumbnails). */
export function sharedImagesWhere(link: LiveShareLink): Prisma.GenerationImageWhereInput {
  switch (link.target) {
    case "GENERATION":
      return { generationId: targetId(link.generationId), generation: { workspaceId: link.workspaceId } };
    case "COLLECTION":
      return { collectionItems: { some: { collectionId: targetId(link.collectionId) } }, generation: { workspaceId: link.workspaceId } };
    case "WORKSPACE":
      return { generation: { workspaceId: link.workspaceId, status: "SUCCEEDED" } };
  }
}

/** The generations a link shows: the one shared, or those with an image in the shared gallery. */
export function sharedGenerationsWhere(link: LiveShareLink): Prisma.GenerationWhereInput {
  switch (link.target) {
    case "GENERATION":
      return { id: targetId(link.generationId), workspaceId: link.workspaceId };
    case "COLLECTION":
      return { workspaceId: link.workspaceId, images: { some: sharedImagesWhere(link) } };
    case "WORKSPACE":
      return { workspaceId: link.workspaceId, status: "SUCCEEDED" };
  }
}

export type SharedFileResult =
  | { status: "not-found" }
  | { status: "locked" }
  | { status: "ok"; file: { storageKey: string; mime: string; sha256: string } };

/**
 * The stored file of an asset through a share token: only a result or thumbnail of what the link shares,
 * or one of its references when the sharer showed them. Anything else reads as "not found".
 */
export async function getSharedAssetFile(
  token: string,
  assetId: string,
  proof: string | null | undefined,
): Promise<SharedFileResult> {
  const access = await resolveShareLink(token, proof);
  if (access.status === "not-found") return { status: "not-found" };
  if (access.status === "locked") return { status: "locked" };
  const { link } = access;
  const images = sharedImagesWhere(link);
  const granted: Prisma.AssetWhereInput[] = [
    { kind: "RESULT", resultOf: { some: images } },
    { kind: "THUMB", thumbOf: { some: images } },
  ];
  if (link.showReferences) granted.push({ kind: "REFERENCE", referencedBy: { some: { generation: sharedGenerationsWhere(link) } } });
  const asset = await db.asset.findFirst({
    where: { id: assetId, workspaceId: link.workspaceId, OR: granted },
    select: { storageKey: true, mime: true, sha256: true },
  });
  if (!asset) return { status: "not-found" };
  return { status: "ok", file: asset };
}
