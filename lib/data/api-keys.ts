import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { Viewer } from "@/lib/auth";
import { ROLE_RANK } from "@/lib/data/members";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { can } from "@/lib/permissions";

/** Recognisable in logs and secret scanners; the rest is 256 random bits. */
export const API_KEY_PREFIX = "atl_";
const TOKEN_SHAPE = /^atl_[A-Za-z0-9_-]{43}$/;
/** lastUsedAt is written at most this often per key: a busy script must not turn every call into a write. */
const LAST_USED_GRANULARITY_MS = 60_000;

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export interface ApiKeyDTO {
  id: string;
  name: string;
  role: Role;
  /** The token's first characters, to tell keys apart; never enough to use. */
  prefix: string;
  owner: string;
  own: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Roles a key made by `role` may carry: never more than the maker's own. */
export function keyRolesFor(role: Role): Role[] {
  return (["OWNER", "ADMIN", "EDITOR", "VIEWER"] as const).filter((r) => ROLE_RANK[r] <= ROLE_RANK[role]);
}

/** Makes a key for the viewer in this workspace; the token is returned here and never again. */
export async function createApiKey(
  viewer: Viewer,
  workspace: WorkspaceAccess,
  input: { name: string; role: Role },
): Promise<Outcome<{ id: string; token: string }>> {
  if (!keyRolesFor(workspace.role).includes(input.role)) return refused("workspace.keyRoleTooHigh", undefined, "role");
  const token = `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  const row = await db.apiKey.create({
    data: {
      workspaceId: workspace.id,
      userId: viewer.id,
      name: input.name,
      role: input.role,
      tokenHash: hashToken(token),
      prefix: token.slice(0, API_KEY_PREFIX.length + 6),
    },
    select: { id: true },
  });
  return done({ id: row.id, token });
}

/** Everyone's keys for those who may revoke any; one's own otherwise. */
export async function listApiKeys(viewer: Viewer, workspace: WorkspaceAccess): Promise<ApiKeyDTO[]> {
  const rows = await db.apiKey.findMany({
    where: { workspaceId: workspace.id, ...(can(workspace.role, "apikey.revoke.any") ? {} : { userId: viewer.id }) },
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    select: {
      id: true,
      name: true,
      role: true,
      prefix: true,
      userId: true,
      createdAt: true,
      lastUsedAt: true,
      revokedAt: true,
      user: { select: { name: true, email: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    role: r.role,
    prefix: r.prefix,
    owner: r.user.name ?? r.user.email,
    own: r.userId === viewer.id,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** Revokes at once (the next request with it is refused). Conditional, so two clicks revoke once. */
export async function revokeApiKey(viewer: Viewer, workspace: WorkspaceAccess, keyId: string): Promise<Outcome> {
  const { count } = await db.apiKey.updateMany({
    where: {
      id: keyId,
      workspaceId: workspace.id,
      revokedAt: null,
      ...(can(workspace.role, "apikey.revoke.any") ? {} : { userId: viewer.id }),
    },
    data: { revokedAt: new Date() },
  });
  return count === 1 ? done() : refused("workspace.keyNotFound");
}

export interface ApiCaller {
  viewer: Viewer;
  /** The workspace with the lower of the key's role and the owner's current role. */
  workspace: WorkspaceAccess;
  keyId: string;
}

/**
 * The caller behind a bearer token, or null: unknown, revoked, its owner no longer a member, or
 * the owner or the workspace suspended. The key acts with at most its owner's current role, so a
 * demoted member's old key shrinks with them.
 */
export async function authenticateApiKey(token: string, now = new Date()): Promise<ApiCaller | null> {
  if (!TOKEN_SHAPE.test(token)) return null;
  const key = await db.apiKey.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      id: true,
      role: true,
      userId: true,
      workspaceId: true,
      revokedAt: true,
      lastUsedAt: true,
      user: { select: { id: true, name: true, email: true, image: true, suspendedAt: true } },
      workspace: { select: { id: true, slug: true, name: true, personal: true, suspendedAt: true } },
    },
  });
  if (!key || key.revokedAt || key.user.suspendedAt || key.workspace.suspendedAt) return null;
  const membership = await db.membership.findUnique({
    where: { userId_workspaceId: { userId: key.userId, workspaceId: key.workspaceId } },
    select: { role: true },
  });
  if (!membership) return null;
  if (!key.lastUsedAt || now.getTime() - key.lastUsedAt.getTime() > LAST_USED_GRANULARITY_MS) {
    await db.apiKey.updateMany({
      where: { id: key.id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: new Date(now.getTime() - LAST_USED_GRANULARITY_MS) } }] },
      data: { lastUsedAt: now },
    });
  }
  const role = ROLE_RANK[membership.role] < ROLE_RANK[key.role] ? membership.role : key.role;
  const { user, workspace } = key;
  return {
    viewer: { id: user.id, name: user.name, email: user.email, image: user.image },
    workspace: { id: workspace.id, slug: workspace.slug, name: workspace.name, personal: workspace.personal, role },
    keyId: key.id,
  };
}
