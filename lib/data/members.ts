import "server-only";
import type { Viewer } from "@/lib/auth";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db, type Db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";
import { ASSIGNABLE_ROLES, type AssignableRole } from "@/lib/validations/workspace";

export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export const ROLE_RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, ADMIN: 2, OWNER: 3 };

/** Roles this member may hand out, by invitation or role change: admin only with the power to grant it. */
export function grantableRoles(actor: Role): AssignableRole[] {
  if (!can(actor, "member.invite") && !can(actor, "member.role.change")) return [];
  return ASSIGNABLE_ROLES.filter((r) => r !== "ADMIN" || can(actor, "member.admin.grant"));
}

/**
 * What `actor` may do to a member holding `target`: admins manage editors and viewers; those who
 * may grant admin (owners) manage everyone. Owners may also step down themselves; nobody removes
 * themselves here (that is "leave"). The UI shows exactly these controls and the data layer
 * enforces the same answer. `soleOwner` (the target is the only owner) hides what the last-owner
 * rule would refuse; the data layer re-counts owners under its lock instead of trusting it.
 */
export function memberControls(
  actor: Role,
  target: Role,
  self: boolean,
  soleOwner = false,
): { roles: AssignableRole[]; canRemove: boolean } {
  if (target === "OWNER" && soleOwner) return { roles: [], canRemove: false };
  const manages = can(actor, "member.admin.grant") || ROLE_RANK[target] < ROLE_RANK.ADMIN;
  if (self) {
    return { roles: can(actor, "member.admin.grant") ? [...ASSIGNABLE_ROLES] : [], canRemove: false };
  }
  return {
    roles: manages && can(actor, "member.role.change") ? grantableRoles(actor) : [],
    canRemove: manages && can(actor, "member.remove"),
  };
}

export interface MemberDTO {
  userId: string;
  name: string | null;
  email: string;
  role: Role;
  joinedAt: string;
}

export async function listMembers(workspace: WorkspaceAccess): Promise<MemberDTO[]> {
  const rows = await db.membership.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { createdAt: "asc" },
    select: { role: true, createdAt: true, user: { select: { id: true, name: true, email: true } } },
  });
  return rows
    .map((r) => ({ userId: r.user.id, name: r.user.name, email: r.user.email, role: r.role, joinedAt: r.createdAt.toISOString() }))
    .sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role]);
}

/**
 * Serialises every membership change of one workspace: the last-owner rule counts owners and then
 * writes, and two owners demoting each other at once must not both see "another owner remains".
 */
export async function lockWorkspace(tx: Tx, workspaceId: string): Promise<boolean> {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
  return rows.length === 1;
}

/** The role as it is now, under the lock: the one read at the start of the request may be stale. */
async function currentRole(tx: Tx, workspaceId: string, userId: string): Promise<Role | null> {
  const row = await tx.membership.findUnique({
    where: { userId_workspaceId: { userId, workspaceId } },
    select: { role: true },
  });
  return row?.role ?? null;
}

/** Locks the workspace, then reads both people's roles as they are now; null when it is gone. */
async function lockedRoles(tx: Tx, workspaceId: string, actorId: string, targetId: string) {
  if (!(await lockWorkspace(tx, workspaceId))) return null;
  const [actor, target] = await Promise.all([currentRole(tx, workspaceId, actorId), currentRole(tx, workspaceId, targetId)]);
  return { actor, target };
}

async function otherOwnerExists(tx: Tx, workspaceId: string, userId: string): Promise<boolean> {
  const count = await tx.membership.count({ where: { workspaceId, role: "OWNER", userId: { not: userId } } });
  return count > 0;
}

export async function changeMemberRole(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  userId: string,
  role: AssignableRole,
): Promise<Outcome> {
  return db.$transaction(async (tx) => {
    const roles = await lockedRoles(tx, workspace.id, viewer.id, userId);
    if (!roles) return refused("workspace.memberNotFound");
    const { actor, target } = roles;
    if (!actor) return refused("roleForbidden");
    if (!target) return refused("workspace.memberNotFound");
    if (!memberControls(actor, target, userId === viewer.id).roles.includes(role)) return refused("roleForbidden", undefined, "role");
    if (target === role) return done();
    if (target === "OWNER" && !(await otherOwnerExists(tx, workspace.id, userId))) return refused("workspace.lastOwner");
    await tx.membership.update({ where: { userId_workspaceId: { userId, workspaceId: workspace.id } }, data: { role } });
    return done();
  });
}

/** Their generations and uploads stay in the workspace; only the membership goes. */
export async function removeMember(viewer: Viewer, workspace: WorkspaceAccess, userId: string): Promise<Outcome> {
  if (userId === viewer.id) return refused("workspace.useLeave");
  return db.$transaction(async (tx) => {
    const roles = await lockedRoles(tx, workspace.id, viewer.id, userId);
    if (!roles) return refused("workspace.memberNotFound");
    const { actor, target } = roles;
    if (!actor) return refused("roleForbidden");
    if (!target) return refused("workspace.memberNotFound");
    if (!memberControls(actor, target, false).canRemove) return refused("roleForbidden");
    if (target === "OWNER" && !(await otherOwnerExists(tx, workspace.id, userId))) return refused("workspace.lastOwner");
    await tx.membership.delete({ where: { userId_workspaceId: { userId, workspaceId: workspace.id } } });
    return done();
  });
}

export async function leaveWorkspace(viewer: Viewer, workspace: WorkspaceAccess): Promise<Outcome> {
  if (workspace.personal) return refused("workspace.personalCannotLeave");
  return db.$transaction(async (tx) => {
    if (!(await lockWorkspace(tx, workspace.id))) return refused("workspace.memberNotFound");
    const role = await currentRole(tx, workspace.id, viewer.id);
    if (!role) return refused("workspace.notYourWorkspace");
    if (role === "OWNER" && !(await otherOwnerExists(tx, workspace.id, viewer.id))) return refused("workspace.lastOwner");
    await tx.membership.delete({ where: { userId_workspaceId: { userId: viewer.id, workspaceId: workspace.id } } });
    return done();
  });
}

/** The new owner is promoted and the one handing over becomes an admin, in one step. */
export async function transferOwnership(viewer: Viewer, workspace: WorkspaceAccess, userId: string): Promise<Outcome> {
  if (userId === viewer.id) return refused("workspace.alreadyOwner", undefined, "userId");
  return db.$transaction(async (tx) => {
    const roles = await lockedRoles(tx, workspace.id, viewer.id, userId);
    if (!roles) return refused("workspace.memberNotFound");
    const { actor, target } = roles;
    if (!actor || !can(actor, "workspace.transfer")) return refused("roleForbidden");
    if (!target) return refused("workspace.memberNotFound", undefined, "userId");
    await tx.membership.update({ where: { userId_workspaceId: { userId, workspaceId: workspace.id } }, data: { role: "OWNER" } });
    await tx.membership.update({
      where: { userId_workspaceId: { userId: viewer.id, workspaceId: workspace.id } },
      data: { role: "ADMIN" },
    });
    return done();
  });
}

/** Members @mentions resolve against: name, first name and the local part of the email. */
export async function listMentionableMembers(workspaceId: string) {
  const rows = await db.membership.findMany({
    where: { workspaceId },
    select: { user: { select: { id: true, name: true, email: true } } },
  });
  return rows.map((r) => r.user);
}
