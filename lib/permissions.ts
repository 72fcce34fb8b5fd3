import type { Role } from "@/lib/generated/prisma/enums";

/**
 * Everything a member may do in a workspace, by role. Every action and route asks `can` through
 * the action wrapper or the data layer; the UI asks it only to hide what the server would refuse.
 */
export const ACTIONS = [
  "workspace.view",
  "generation.create",
  "generation.retry.own",
  "generation.cancel.own",
  "generation.delete.own",
  "generation.delete.any",
  "generation.error.details",
  "asset.upload",
  "asset.download",
  "image.favorite",
  "collection.manage",
  "share.create.own",
  "share.create.any",
  "share.revoke.own",
  "share.revoke.any",
  "comment.create",
  "review.set",
  "library.pin",
  "member.view",
  "member.invite",
  "member.remove",
  "member.role.change",
  "member.admin.grant",
  "workspace.rename",
  "workspace.delete",
  "workspace.transfer",
  "workspace.quota.set",
  "member.cap.set",
  "usage.view.own",
  "usage.view.all",
  "apikey.create",
  "apikey.revoke.own",
  "apikey.revoke.any",
] as const;

export type Action = (typeof ACTIONS)[number];

const VIEWER: readonly Action[] = ["workspace.view", "asset.download", "image.favorite", "member.view", "usage.view.own"];
const EDITOR: readonly Action[] = [
  ...VIEWER,
  "generation.create",
  "generation.retry.own",
  "generation.cancel.own",
  "generation.delete.own",
  "asset.upload",
  "collection.manage",
  "share.create.own",
  "share.revoke.own",
  "comment.create",
  "library.pin",
  // Keys for themselves, with at most their own role.
  "apikey.create",
  "apikey.revoke.own",
];
// Admins manage members below admin; only owners touch admins, the workspace itself and its quota.
const ADMIN: readonly Action[] = [
  ...EDITOR,
  "generation.delete.any",
  // The relay's raw answer behind a failure can carry account details; members see the plain reason.
  "generation.error.details",
  "share.create.any",
  "share.revoke.any",
  "review.set",
  "member.invite",
  "member.remove",
  "member.role.change",
  "member.cap.set",
  "usage.view.all",
  "apikey.revoke.any",
];
const OWNER: readonly Action[] = [
  ...ADMIN,
  "member.admin.grant",
  "workspace.rename",
  "workspace.delete",
  "workspace.transfer",
  "workspace.quota.set",
];

export const PERMISSIONS: Record<Role, ReadonlySet<Action>> = {
  VIEWER: new Set(VIEWER),
  EDITOR: new Set(EDITOR),
  ADMIN: new Set(ADMIN),
  OWNER: new Set(OWNER),
};

export function can(role: Role | null | undefined, action: Action): boolean {
  return role ? PERMISSIONS[role].has(action) : false;
}
