import { randomBytes, randomUUID } from "node:crypto";
import type { Viewer } from "@/lib/auth";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { png } from "@/lib/images/testing/fixtures";
import { getStorage } from "@/lib/storage";

/**
 * Test data made straight through Prisma on the real test database: users, a team workspace with
 * one member per role, generations and assets. Nothing here stubs the database.
 */
export const ROLES = ["OWNER", "ADMIN", "EDITOR", "VIEWER"] as const satisfies readonly Role[];

export async function makeUser(label = "user", name?: string): Promise<Viewer> {
  const id = randomUUID().slice(0, 8);
  return db.user.create({
    data: { name: name ?? `${label[0]!.toUpperCase()}${label.slice(1)} ${id}`, email: `${label}-${id}@example.test` },
    select: { id: true, name: true, email: true, image: true },
  });
}

export interface Team {
  workspace: { id: string; slug: string; name: string; personal: boolean };
  members: Record<(typeof ROLES)[number], Viewer>;
  outsider: Viewer;
  /** The workspace as `role`'s member sees it (what getWorkspaceAccess would return). */
  as(role: Role): WorkspaceAccess;
}

export async function makeTeam(opts: { personal?: boolean; dailyQuota?: number } = {}): Promise<Team> {
  const [owner, admin, editor, viewer, outsider] = await Promise.all([
    makeUser("owner"),
    makeUser("admin"),
    makeUser("editor"),
    makeUser("viewer"),
    makeUser("outsider"),
  ]);
  const members = { OWNER: owner, ADMIN: admin, EDITOR: editor, VIEWER: viewer };
  const workspace = await db.workspace.create({
    data: {
      slug: `team-${randomBytes(5).toString("hex")}`,
      name: "Test team",
      personal: opts.personal ?? false,
      dailyQuota: opts.dailyQuota,
      memberships: { create: ROLES.map((role) => ({ userId: members[role].id, role })) },
    },
    select: { id: true, slug: true, name: true, personal: true },
  });
  return { workspace, members, outsider, as: (role) => ({ ...workspace, role }) };
}

/** A personal studio owned by `userId`, as sign-up makes one. */
export async function makePersonalWorkspace(userId: string) {
  return db.workspace.create({
    data: {
      slug: `me-${randomBytes(5).toString("hex")}`,
      name: "Personal studio",
      personal: true,
      memberships: { create: { userId, role: "OWNER" } },
    },
    select: { id: true, slug: true },
  });
}

/** Adds `user` to the team's workspace with `role`. */
export async function addMember(team: Team, user: Viewer, role: Role) {
  await db.membership.create({ data: { userId: user.id, workspaceId: team.workspace.id, role } });
}

let assetSeq = 0;

/** An Asset row (no file behind it unless the test stores one). */
export async function makeAsset(
  workspaceId: string,
  userId: string | null,
  kind: "REFERENCE" | "RESULT" | "THUMB" = "REFERENCE",
  storageKey?: string,
) {
  const sha256 = randomBytes(32).toString("hex");
  return db.asset.create({
    data: {
      workspaceId,
      userId,
      kind,
      storageKey: storageKey ?? `refs/${sha256.slice(0, 2)}/${sha256}.webp`,
      mime: "image/webp",
      width: 64,
      height: 48,
      bytes: 100,
      sha256,
      fileName: `file-${++assetSeq}.webp`,
    },
    select: { id: true, storageKey: true },
  });
}

/** Real bytes under an asset's key, for tests that serve or zip the file. */
export async function storeAssetFile(assetId: string) {
  const asset = await db.asset.findUniqueOrThrow({ where: { id: assetId }, select: { storageKey: true } });
  await getStorage().put(asset.storageKey, await png(), { contentType: "image/png" });
}

/** A generation by `userId`: SUCCEEDED with one result image (and its thumbnail), or FAILED with none. */
export async function makeGeneration(
  workspaceId: string,
  userId: string,
  prompt = "a test generation",
  status: "SUCCEEDED" | "FAILED" = "SUCCEEDED",
) {
  const succeeded = status === "SUCCEEDED";
  const [result, thumb] = succeeded
    ? await Promise.all([makeAsset(workspaceId, userId, "RESULT"), makeAsset(workspaceId, userId, "THUMB")])
    : [];
  return db.generation.create({
    data: {
      workspaceId,
      userId,
      prompt,
      size: "1024x1024",
      n: 1,
      model: "test-model",
      status,
      idempotencyKey: randomUUID(),
      finishedAt: new Date(),
      slots: { create: { index: 0, status, ...(!succeeded && { errorCode: "test", errorMessage: "It failed in a test." }) } },
      ...(result && thumb
        ? { images: { create: { index: 0, assetId: result.id, thumbAssetId: thumb.id, shape: "LANDSCAPE" } } }
        : { errorCode: "test", errorMessage: "It failed in a test." }),
    },
    select: { id: true, images: { select: { id: true, assetId: true } } },
  });
}

/** A QUEUED generation by `userId` with one slot waiting, as Create stores it. */
export function makeQueuedGeneration(workspaceId: string, userId: string) {
  return db.generation.create({
    data: {
      workspaceId,
      userId,
      prompt: "a queued generation",
      size: "1024x1024",
      n: 1,
      model: "test-model",
      idempotencyKey: randomUUID(),
      slots: { create: { index: 0 } },
    },
    select: { id: true },
  });
}
