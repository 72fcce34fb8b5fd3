import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { Viewer } from "@/lib/auth";
import { fileUrl } from "@/lib/data/dto";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role, ShareTarget } from "@/lib/generated/prisma/enums";
import { hashPassword, verifyPassword } from "@/lib/passwords";
import { can } from "@/lib/permissions";
import { shareTokenSchema, type CreateShareLinkInput } from "@/lib/validations/share";

// ---------- Tokens, URLs, unlock proofs ----------

/** 24 random bytes = 192 bits, 32 base64url characters: unguessable, and short enough to paste. */
export function newShareToken(): string {
  return randomBytes(24).toString("base64url");
}

export const sharePath = (token: string) => `/s/${token}`;
export const shareUrl = (token: string) => new URL(sharePath(token), env.APP_URL).toString();
export const sharedFileUrl = (token: string, assetId: string) => `/api/s/${token}/files/${assetId}`;

/**
 * The unlock proof of a password-protected link travels in two httpOnly cookies with the same
 * value: one scoped to the page (/s/<token>, which also receives its server actions) and one to its
 * files (/api/s/<token>). No single path covers both, and a site-wide cookie would ride along on
 * every request; they need two names because a response carries one Set-Cookie per name.
 */
export const SHARE_PAGE_PROOF_COOKIE = "share_proof";
export const SHARE_FILE_PROOF_COOKIE = "share_file_proof";

export function shareProofCookies(token: string) {
  return [
    { name: SHARE_PAGE_PROOF_COOKIE, path: sharePath(token) },
    { name: SHARE_FILE_PROOF_COOKIE, path: `/api/s/${token}` },
  ];
}

const UNLOCK_TTL_MS = 7 * 24 * 60 * 60 * 1000;

// Production refuses to start without AUTH_SECRET (lib/env.ts); unit tests may run without one,
// and a per-process key then simply makes unlocks last until the process restarts.
const proofKey = env.AUTH_SECRET ?? randomBytes(32).toString("base64url");

// Binding the password hash means a proof dies with the password it was earned with.
function proofMac(link: { id: string; passwordHash: string }, expires: number): string {
  return createHmac("sha256", proofKey).update(`share-unlock\n${link.id}\n${link.passwordHash}\n${expires}`).digest("base64url");
}

/** `<expiry ms>.<HMAC>`; valid for a week, or until the link itself expires if that is sooner. */
export function makeUnlockProof(
  link: { id: string; passwordHash: string; expiresAt: Date | null },
  now = Date.now(),
): { value: string; expires: Date } {
  const expires = Math.min(now + UNLOCK_TTL_MS, link.expiresAt?.getTime() ?? Infinity);
  return { value: `${expires}.${proofMac(link, expires)}`, expires: new Date(expires) };
}

export function verifyUnlockProof(
  link: { id: string; passwordHash: string | null },
  proof: string | null | undefined,
  now = Date.now(),
): boolean {
  if (!link.passwordHash || !proof) return false;
  const match = /^(\d{1,15})\.([A-Za-z0-9_-]{43})$/.exec(proof);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires <= now) return false;
  const expected = Buffer.from(proofMac({ id: link.id, passwordHash: link.passwordHash }, expires));
  const given = Buffer.from(match[2] ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// ---------- Creating, listing, revoking (members, through the action wrapper) ----------

/** A refusal whose message is safe to show the person who asked. */
export class ShareRefusedError extends Error {}

export interface CreatedShareLink {
  id: string;
  url: string;
  expiresAt: string | null;
  hasPassword: boolean;
}

/**
 * Whether a member with `role` may share this kind of target; `ownGeneration` when the shared
 * generation is theirs. Used when a link is made and again every time it is used (see
 * findLiveShareLink), so the two can never disagree.
 */
function mayShare(role: Role, target: ShareTarget, ownGeneration: boolean): boolean {
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
): Promise<{ generationId: string | null; collectionId: string | null }> {
  switch (input.target) {
    case "GENERATION": {
      const generation = await db.generation.findFirst({
        where: { id: input.generationId, workspaceId: workspace.id },
        select: { userId: true, status: true },
      });
      if (!generation) throw new ShareRefusedError("That generation does not exist in this workspace.");
      if (!mayShare(workspace.role, "GENERATION", generation.userId === viewer.id)) {
        throw new ShareRefusedError("You can share only your own generations in this workspace.");
      }
      if (generation.status !== "SUCCEEDED") throw new ShareRefusedError("Only finished generations can be shared.");
      return { generationId: input.generationId, collectionId: null };
    }
    case "COLLECTION": {
      if (!mayShare(workspace.role, "COLLECTION", false)) {
        throw new ShareRefusedError("Your role in this workspace does not allow sharing collections.");
      }
      const found = await db.collection.count({ where: { id: input.collectionId, workspaceId: workspace.id } });
      if (!found) throw new ShareRefusedError("That collection does not exist in this workspace.");
      return { generationId: null, collectionId: input.collectionId };
    }
    case "WORKSPACE": {
      if (!mayShare(workspace.role, "WORKSPACE", false)) {
        throw new ShareRefusedError("Only admins and owners can share the whole gallery.");
      }
      return { generationId: null, collectionId: null };
    }
  }
}

export async function createShareLink(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  input: CreateShareLinkInput,
): Promise<CreatedShareLink> {
  // The action wrapper checks this too; the data layer does not rely on being called through it.
  if (!can(workspace.role, "share.create.own")) {
    throw new ShareRefusedError("Your role in this workspace does not allow sharing.");
  }
  const target = await shareableTarget(viewer, workspace, input);
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
  return {
    id: link.id,
    url: shareUrl(link.token),
    expiresAt: link.expiresAt?.toISOString() ?? null,
    hasPassword: passwordHash !== null,
  };
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

/** True when a live link the viewer may manage was revoked now; false for anything else. */
export async function revokeShareLink(viewer: Viewer, workspace: WorkspaceAccess, linkId: string): Promise<boolean> {
  const scope = manageableWhere(viewer, workspace);
  if (!scope) return false;
  const { count } = await db.shareLink.updateMany({
    where: { AND: [scope, { id: linkId, revokedAt: null }] },
    data: { revokedAt: new Date() },
  });
  return count === 1;
}

export type ShareLinkStatus = "active" | "expired" | "revoked";

/** A row of the "Shared links" page. */
export interface ShareLinkDTO {
  id: string;
  url: string;
  target: ShareTarget;
  subject: string;
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
      subject:
        r.target === "GENERATION"
          ? (r.generation?.prompt ?? "A generation")
          : r.target === "COLLECTION"
            ? (r.collection?.name ?? "A collection")
            : `The whole ${workspace.name} gallery`,
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

// ---------- The public side: anyone holding the token ----------

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

export type UnlockResult =
  | { status: "not-found" }
  | { status: "wrong-password" }
  | { status: "unlocked"; proof: { value: string; expires: Date } | null };

export async function unlockShareLink(token: string, password: string): Promise<UnlockResult> {
  const link = await findLiveShareLink(token);
  if (!link) return { status: "not-found" };
  if (!link.passwordHash) return { status: "unlocked", proof: null };
  if (!(await verifyPassword(link.passwordHash, password))) return { status: "wrong-password" };
  return { status: "unlocked", proof: makeUnlockProof({ ...link, passwordHash: link.passwordHash }) };
}

/** Counted in the database, so simultaneous visits all count. */
export async function recordShareView(link: Pick<LiveShareLink, "id">): Promise<void> {
  await db.shareLink.updateMany({
    where: { id: link.id, revokedAt: null },
    data: { viewCount: { increment: 1 }, lastViewedAt: new Date() },
  });
}

function targetId(value: string | null): string {
  // A null here would drop the condition from a `where` and widen what the link grants.
  if (!value) throw new Error("Share link is missing its target id");
  return value;
}

/** The result images a link grants (and so their thumbnails). */
function sharedImagesWhere(link: LiveShareLink): Prisma.GenerationImageWhereInput {
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
function sharedGenerationsWhere(link: LiveShareLink): Prisma.GenerationWhereInput {
  switch (link.target) {
    case "GENERATION":
      return { id: targetId(link.generationId), workspaceId: link.workspaceId };
    case "COLLECTION":
      return { workspaceId: link.workspaceId, images: { some: sharedImagesWhere(link) } };
    case "WORKSPACE":
      return { workspaceId: link.workspaceId, status: "SUCCEEDED" };
  }
}

export interface SharedImageDTO {
  index: number;
  url: string;
  thumbUrl: string;
  width: number;
  height: number;
  revisedPrompt: string | null;
}

/** A generation as a share page shows it: no emails, no ids but its own and its files'. */
export interface SharedGenerationDTO {
  id: string;
  prompt: string;
  size: string;
  createdAt: string;
  creatorName: string | null;
  images: SharedImageDTO[];
  /** Empty unless the sharer chose to show the references. */
  references: { url: string; label: string | null; position: number }[];
}

export interface SharedContentDTO {
  target: ShareTarget;
  title: string;
  sharedBy: string | null;
  generations: SharedGenerationDTO[];
  page: number;
  hasMore: boolean;
}

export const SHARED_PAGE_SIZE = 24;

export async function getSharedContent(link: LiveShareLink, page = 1): Promise<SharedContentDTO> {
  const single = link.target === "GENERATION";
  const rows = await db.generation.findMany({
    where: sharedGenerationsWhere(link),
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: single ? 0 : (page - 1) * SHARED_PAGE_SIZE,
    take: single ? 1 : SHARED_PAGE_SIZE + 1,
    select: {
      id: true,
      prompt: true,
      size: true,
      createdAt: true,
      user: { select: { name: true } },
      images: {
        where: sharedImagesWhere(link),
        orderBy: { index: "asc" },
        select: { index: true, revisedPrompt: true, thumbAssetId: true, asset: { select: { id: true, width: true, height: true } } },
      },
      references: { orderBy: { position: "asc" }, select: { position: true, label: true, assetId: true } },
    },
  });
  const generations = rows.slice(0, single ? 1 : SHARED_PAGE_SIZE).map(
    (g): SharedGenerationDTO => ({
      id: g.id,
      prompt: g.prompt,
      size: g.size,
      createdAt: g.createdAt.toISOString(),
      creatorName: g.user.name,
      images: g.images.map((img) => ({
        index: img.index,
        url: sharedFileUrl(link.token, img.asset.id),
        thumbUrl: sharedFileUrl(link.token, img.thumbAssetId),
        width: img.asset.width,
        height: img.asset.height,
        revisedPrompt: img.revisedPrompt,
      })),
      references: link.showReferences
        ? g.references.map((r) => ({ url: sharedFileUrl(link.token, r.assetId), label: r.label, position: r.position }))
        : [],
    }),
  );
  const title =
    link.target === "GENERATION"
      ? (generations[0]?.prompt ?? "A shared image")
      : link.target === "COLLECTION"
        ? (link.collection?.name ?? "A shared collection")
        : link.workspace.name;
  return {
    target: link.target,
    title,
    sharedBy: link.createdBy?.name ?? null,
    generations,
    page: single ? 1 : page,
    hasMore: !single && rows.length > SHARED_PAGE_SIZE,
  };
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

export interface RemixDraft {
  workspaceSlug: string;
  prompt: string;
  size: string;
  n: number;
  referenceIds: string[];
}

/**
 * Starts a remix of a shared generation in the viewer's personal workspace. When the sharer showed
 * the references, each becomes a new REFERENCE asset there pointing at the same content-addressed
 * file (no bytes are copied, no other row is). Null when the generation is not part of the link.
 */
export async function remixSharedGeneration(
  viewer: Viewer,
  link: LiveShareLink,
  generationId: string | undefined,
): Promise<RemixDraft | null> {
  const id = link.target === "GENERATION" ? link.generationId : generationId;
  if (!id) return null;
  const generation = await db.generation.findFirst({
    where: { AND: [sharedGenerationsWhere(link), { id }] },
    select: {
      prompt: true,
      size: true,
      n: true,
      references: {
        orderBy: { position: "asc" },
        select: {
          label: true,
          asset: { select: { storageKey: true, mime: true, width: true, height: true, bytes: true, sha256: true } },
        },
      },
    },
  });
  if (!generation) return null;
  const personal = await db.workspace.findFirst({
    where: { personal: true, memberships: { some: { userId: viewer.id, role: "OWNER" } } },
    select: { id: true, slug: true },
  });
  if (!personal) throw new ShareRefusedError("You have no personal studio to remix into.");
  const references = link.showReferences ? generation.references : [];
  const copies = await db.$transaction(
    references.map((r) =>
      db.asset.create({
        data: { ...r.asset, workspaceId: personal.id, userId: viewer.id, kind: "REFERENCE", fileName: r.label },
        select: { id: true },
      }),
    ),
  );
  return {
    workspaceSlug: personal.slug,
    prompt: generation.prompt,
    size: generation.size,
    n: generation.n,
    referenceIds: copies.map((c) => c.id),
  };
}
