import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { createTranslator } from "next-intl";
import type { Viewer } from "@/lib/auth";
import { grantableRoles, lockWorkspace, ROLE_RANK } from "@/lib/data/members";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { isLocale, type Locale } from "@/lib/i18n/config";
import { formats } from "@/lib/i18n/formats";
import { messages } from "@/lib/i18n/messages";
import type { ProblemCode } from "@/lib/i18n/problems";
import { appUrls } from "@/lib/urls";
import type { AssignableRole } from "@/lib/validations/workspace";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Only the hash is stored, so a leaked database (or backup) holds no usable invitation. */
function hashInvitationToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export const invitationPath = (token: string) => appUrls.invitation(token);

export async function createInvitation(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  input: { role: AssignableRole; email?: string; expiresInDays: number; multiUse: boolean },
  now = new Date(),
): Promise<Outcome<{ token: string; id: string; expiresAt: Date }>> {
  if (workspace.personal) {
    return refused("workspace.personalNoInvites");
  }
  if (!grantableRoles(workspace.role).includes(input.role)) {
    return refused("workspace.inviteRoleTooHigh", undefined, "role");
  }
  // 256 random bits, base64url: unguessable and safe in a URL path.
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + input.expiresInDays * DAY_MS);
  const row = await db.invitation.create({
    data: {
      workspaceId: workspace.id,
      tokenHash: hashInvitationToken(token),
      role: input.role,
      email: input.email ?? null,
      multiUse: input.multiUse,
      expiresAt,
      createdById: viewer.id,
    },
    select: { id: true },
  });
  return done({ token, id: row.id, expiresAt });
}

export interface InvitationLetter {
  locale: Locale;
  subject: string;
  body: string;
}

/**
 * The words that go with the link to the person invited (Atelier sends no email itself: the
 * inviter pastes them into their own mail or chat, the link after them). They are addressed to
 * the invitee, so they are in the invitee's language when it is known (the invitation names the
 * address of an account that chose a language); otherwise in the inviter's current language, the
 * one person who reads them before they are sent and knows whom they are writing to.
 */
export async function invitationLetter(input: {
  inviterLocale: Locale;
  inviter: string;
  workspaceName: string;
  role: Role;
  email?: string;
  expiresAt: Date;
}): Promise<InvitationLetter> {
  const recipient = input.email
    ? await db.user.findFirst({ where: { email: { equals: input.email, mode: "insensitive" } }, select: { locale: true } })
    : null;
  const locale = isLocale(recipient?.locale) ? recipient.locale : input.inviterLocale;
  // The invitee's time zone is unknown: the date is the UTC one, as the expiry is enforced.
  const t = createTranslator({ locale, messages: messages[locale], formats, timeZone: "UTC" });
  const values = { inviter: input.inviter, workspace: input.workspaceName, role: t(`common.roles.${input.role}`), expires: input.expiresAt };
  return { locale, subject: t("workspace.letter.subject", values), body: t("workspace.letter.body", values) };
}

export interface PendingInvitationDTO {
  id: string;
  role: Role;
  email: string | null;
  multiUse: boolean;
  uses: number;
  expiresAt: string;
  createdAt: string;
  invitedBy: string | null;
}

/** Invitations that can still be accepted: not revoked, not expired, and (single-use) not yet used. */
const usable = (now: Date) =>
  ({
    revokedAt: null,
    expiresAt: { gt: now },
    OR: [{ multiUse: true }, { acceptedAt: null }],
  }) satisfies Prisma.InvitationWhereInput;

export async function listPendingInvitations(workspace: WorkspaceAccess, now = new Date()): Promise<PendingInvitationDTO[]> {
  const rows = await db.invitation.findMany({
    where: { workspaceId: workspace.id, ...usable(now) },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      role: true,
      email: true,
      multiUse: true,
      uses: true,
      expiresAt: true,
      createdAt: true,
      createdBy: { select: { name: true, email: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    role: r.role,
    email: r.email,
    multiUse: r.multiUse,
    uses: r.uses,
    expiresAt: r.expiresAt.toISOString(),
    createdAt: r.createdAt.toISOString(),
    invitedBy: r.createdBy ? (r.createdBy.name ?? r.createdBy.email) : null,
  }));
}

/** Revoking is idempotent; an id from another workspace reads as not found. */
export async function revokeInvitation(workspace: WorkspaceAccess, invitationId: string, now = new Date()): Promise<Outcome> {
  const found = await db.invitation.findFirst({
    where: { id: invitationId, workspaceId: workspace.id },
    select: { role: true, revokedAt: true },
  });
  if (!found) return refused("workspace.invitationNotFound");
  // Whoever may not hand out a role may not withdraw it either (an admin cannot revoke an admin invite).
  const grantable: readonly Role[] = grantableRoles(workspace.role);
  if (!grantable.includes(found.role)) {
    return refused("roleForbidden");
  }
  if (!found.revokedAt) {
    await db.invitation.updateMany({ where: { id: invitationId, workspaceId: workspace.id, revokedAt: null }, data: { revokedAt: now } });
  }
  return done();
}

/** "lapsed": whoever made it can no longer invite people with its role (removed or demoted). */
export type InvitationState = "valid" | "expired" | "revoked" | "used" | "lapsed";

export interface InvitationPreview {
  state: InvitationState;
  workspaceName: string;
  workspaceSlug: string;
  role: Role;
  /** Set when the invitation is for one address only. */
  email: string | null;
  invitedBy: string | null;
}

interface StateInput {
  revokedAt: Date | null;
  expiresAt: Date;
  multiUse: boolean;
  acceptedAt: Date | null;
  role: Role;
  /** The maker's current role in the workspace; null when they left, were removed or deleted. */
  creatorRole: Role | null;
}

/**
 * An invitation lends its maker's authority, so it works only while the maker could still make
 * it: a member who is removed or demoted takes their links' power with them.
 */
function stateOf(inv: StateInput, now: Date): InvitationState {
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt <= now) return "expired";
  if (!inv.multiUse && inv.acceptedAt) return "used";
  if (!inv.creatorRole || !(grantableRoles(inv.creatorRole) as readonly Role[]).includes(inv.role)) return "lapsed";
  return "valid";
}

/** The maker's current role in the invitation's workspace, or null. */
interface MembershipReader {
  membership: {
    findUnique(args: {
      where: { userId_workspaceId: { userId: string; workspaceId: string } };
      select: { role: true };
    }): PromiseLike<{ role: Role } | null>;
  };
}

async function creatorRole(client: MembershipReader, createdById: string | null, workspaceId: string): Promise<Role | null> {
  if (!createdById) return null;
  const membership = await client.membership.findUnique({
    where: { userId_workspaceId: { userId: createdById, workspaceId } },
    select: { role: true },
  });
  return membership?.role ?? null;
}

/** What the invite page shows to whoever holds the link; null when the token matches nothing. */
export async function previewInvitation(token: string, now = new Date()): Promise<InvitationPreview | null> {
  const inv = await db.invitation.findUnique({
    where: { tokenHash: hashInvitationToken(token) },
    select: {
      role: true,
      email: true,
      multiUse: true,
      acceptedAt: true,
      revokedAt: true,
      expiresAt: true,
      workspaceId: true,
      createdById: true,
      workspace: { select: { name: true, slug: true } },
      createdBy: { select: { name: true, email: true } },
    },
  });
  if (!inv) return null;
  return {
    state: stateOf({ ...inv, creatorRole: await creatorRole(db, inv.createdById, inv.workspaceId) }, now),
    workspaceName: inv.workspace.name,
    workspaceSlug: inv.workspace.slug,
    role: inv.role,
    email: inv.email,
    invitedBy: inv.createdBy ? (inv.createdBy.name ?? inv.createdBy.email) : null,
  };
}

const STATE_PROBLEM = {
  expired: "workspace.invitationExpired",
  revoked: "workspace.invitationRevoked",
  used: "workspace.invitationUsed",
  lapsed: "workspace.invitationLapsed",
} as const satisfies Record<Exclude<InvitationState, "valid">, ProblemCode>;

/**
 * Joins the viewer to the invitation's workspace. Under the workspace lock the invitation is
 * re-checked and (single-use) claimed, so two people racing for one link cannot both get in.
 * Someone who is already a member is never demoted by a link; a link for a higher role promotes
 * them (whoever made it could grant that role), otherwise it is left unused.
 */
export async function acceptInvitation(viewer: Viewer, token: string, now = new Date()): Promise<Outcome<{ slug: string }>> {
  const tokenHash = hashInvitationToken(token);
  return db.$transaction(async (tx) => {
    const inv = await tx.invitation.findUnique({
      where: { tokenHash },
      select: { id: true, workspaceId: true, role: true, email: true, workspace: { select: { slug: true } } },
    });
    if (!inv) return refused("workspace.invitationInvalid");
    await lockWorkspace(tx, inv.workspaceId);
    const fresh = await tx.invitation.findUniqueOrThrow({
      where: { id: inv.id },
      select: { revokedAt: true, expiresAt: true, multiUse: true, acceptedAt: true, role: true, createdById: true },
    });
    const state = stateOf({ ...fresh, creatorRole: await creatorRole(tx, fresh.createdById, inv.workspaceId) }, now);
    if (state !== "valid") return refused(STATE_PROBLEM[state]);
    if (inv.email && inv.email !== viewer.email.toLowerCase()) {
      return refused("workspace.invitationForOther", { email: inv.email });
    }
    const existing = await tx.membership.findUnique({
      where: { userId_workspaceId: { userId: viewer.id, workspaceId: inv.workspaceId } },
      select: { role: true },
    });
    if (existing) {
      if (ROLE_RANK[existing.role] < ROLE_RANK[inv.role]) {
        await tx.membership.update({
          where: { userId_workspaceId: { userId: viewer.id, workspaceId: inv.workspaceId } },
          data: { role: inv.role },
        });
        await tx.invitation.update({ where: { id: inv.id }, data: { uses: { increment: 1 }, acceptedAt: now } });
      }
      return done({ slug: inv.workspace.slug });
    }
    await tx.membership.create({ data: { userId: viewer.id, workspaceId: inv.workspaceId, role: inv.role } });
    await tx.invitation.update({ where: { id: inv.id }, data: { uses: { increment: 1 }, acceptedAt: now } });
    return done({ slug: inv.workspace.slug });
  });
}
