import { afterAll, describe, expect, it } from "vitest";
import { makeGeneration, makeTeam, makeUser } from "@/lib/authz/fixtures";
import {
  changeMemberRole,
  leaveWorkspace,
  listMembers,
  memberControls,
  removeMember,
  transferOwnership,
} from "@/lib/data/members";
import { getWorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";

afterAll(async () => {
  await db.$disconnect();
});

describe("memberControls", () => {
  it("admins manage editors and viewers, never admins or owners, and cannot grant admin", () => {
    expect(memberControls("ADMIN", "EDITOR", false)).toEqual({ roles: ["EDITOR", "VIEWER"], canRemove: true });
    expect(memberControls("ADMIN", "VIEWER", false)).toEqual({ roles: ["EDITOR", "VIEWER"], canRemove: true });
    expect(memberControls("ADMIN", "ADMIN", false)).toEqual({ roles: [], canRemove: false });
    expect(memberControls("ADMIN", "OWNER", false)).toEqual({ roles: [], canRemove: false });
    expect(memberControls("ADMIN", "ADMIN", true)).toEqual({ roles: [], canRemove: false });
  });

  it("owners manage everyone, may grant admin and may step down themselves", () => {
    for (const target of ["OWNER", "ADMIN", "EDITOR", "VIEWER"] as const) {
      expect(memberControls("OWNER", target, false)).toEqual({ roles: ["ADMIN", "EDITOR", "VIEWER"], canRemove: true });
    }
    expect(memberControls("OWNER", "OWNER", true)).toEqual({ roles: ["ADMIN", "EDITOR", "VIEWER"], canRemove: false });
  });

  it("offers nothing that would leave the workspace without an owner", () => {
    expect(memberControls("OWNER", "OWNER", true, true)).toEqual({ roles: [], canRemove: false });
    expect(memberControls("OWNER", "EDITOR", false, true)).toEqual({ roles: ["ADMIN", "EDITOR", "VIEWER"], canRemove: true });
  });

  it("editors and viewers manage nobody", () => {
    for (const actor of ["EDITOR", "VIEWER"] as const) {
      expect(memberControls(actor, "VIEWER", false)).toEqual({ roles: [], canRemove: false });
    }
  });
});

describe("members (real PostgreSQL)", () => {
  it("lists members, highest role first", async () => {
    const team = await makeTeam();
    const members = await listMembers(team.as("VIEWER"));
    expect(members.map((m) => m.role)).toEqual(["OWNER", "ADMIN", "EDITOR", "VIEWER"]);
    expect(members.map((m) => m.userId)).not.toContain(team.outsider.id);
  });

  it("an admin changes an editor to viewer but cannot make anyone admin or touch an admin", async () => {
    const team = await makeTeam();
    const admin = team.members.ADMIN;
    expect(await changeMemberRole(admin, team.as("ADMIN"), team.members.EDITOR.id, "VIEWER")).toEqual({ ok: true, value: undefined });
    expect((await changeMemberRole(admin, team.as("ADMIN"), team.members.VIEWER.id, "ADMIN")).ok).toBe(false);
    expect((await changeMemberRole(admin, team.as("ADMIN"), team.members.OWNER.id, "VIEWER")).ok).toBe(false);
    const roles = Object.fromEntries((await listMembers(team.as("OWNER"))).map((m) => [m.userId, m.role]));
    expect(roles[team.members.EDITOR.id]).toBe("VIEWER");
    expect(roles[team.members.VIEWER.id]).toBe("VIEWER");
    expect(roles[team.members.OWNER.id]).toBe("OWNER");
  });

  it("the last owner cannot step down or leave; with a second owner they can", async () => {
    const team = await makeTeam();
    const owner = team.members.OWNER;
    expect(await changeMemberRole(owner, team.as("OWNER"), owner.id, "ADMIN")).toMatchObject({ ok: false, problem: { code: "workspace.lastOwner" } });
    expect(await leaveWorkspace(owner, team.as("OWNER"))).toMatchObject({ ok: false, problem: { code: "workspace.lastOwner" } });

    await db.membership.update({
      where: { userId_workspaceId: { userId: team.members.ADMIN.id, workspaceId: team.workspace.id } },
      data: { role: "OWNER" },
    });
    expect((await changeMemberRole(owner, team.as("OWNER"), owner.id, "ADMIN")).ok).toBe(true);
    expect(await leaveWorkspace(team.members.ADMIN, team.as("OWNER"))).toMatchObject({ ok: false, problem: { code: "workspace.lastOwner" } });
  });

  it("two owners demoting each other at the same moment: exactly one succeeds", async () => {
    const team = await makeTeam();
    const a = team.members.OWNER;
    const b = team.members.ADMIN;
    await db.membership.update({ where: { userId_workspaceId: { userId: b.id, workspaceId: team.workspace.id } }, data: { role: "OWNER" } });
    const results = await Promise.all([
      changeMemberRole(a, team.as("OWNER"), b.id, "ADMIN"),
      changeMemberRole(b, team.as("OWNER"), a.id, "ADMIN"),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.membership.count({ where: { workspaceId: team.workspace.id, role: "OWNER" } })).toBe(1);
  });

  it("removing a member ends their access at once and keeps their generations", async () => {
    const team = await makeTeam();
    const editor = team.members.EDITOR;
    const generation = await makeGeneration(team.workspace.id, editor.id);
    expect(await getWorkspaceAccess(editor, team.workspace.slug)).not.toBeNull();

    expect((await removeMember(team.members.ADMIN, team.as("ADMIN"), editor.id)).ok).toBe(true);
    expect(await db.membership.count({ where: { userId: editor.id, workspaceId: team.workspace.id } })).toBe(0);
    expect(await db.generation.findUnique({ where: { id: generation.id }, select: { userId: true } })).toEqual({ userId: editor.id });
  });

  it("an admin cannot remove an owner or another admin; nobody removes themselves here", async () => {
    const team = await makeTeam();
    expect((await removeMember(team.members.ADMIN, team.as("ADMIN"), team.members.OWNER.id)).ok).toBe(false);
    const secondAdmin = await makeUser("admin2");
    await db.membership.create({ data: { userId: secondAdmin.id, workspaceId: team.workspace.id, role: "ADMIN" } });
    expect((await removeMember(team.members.ADMIN, team.as("ADMIN"), secondAdmin.id)).ok).toBe(false);
    expect((await removeMember(team.members.OWNER, team.as("OWNER"), team.members.OWNER.id)).ok).toBe(false);
    expect((await removeMember(team.members.OWNER, team.as("OWNER"), team.outsider.id)).ok).toBe(false);
    expect(await db.membership.count({ where: { workspaceId: team.workspace.id } })).toBe(5);
  });

  it("the role read under the lock wins over the one the request started with", async () => {
    const team = await makeTeam();
    // The admin was demoted after their request read the workspace as an admin.
    await db.membership.update({
      where: { userId_workspaceId: { userId: team.members.ADMIN.id, workspaceId: team.workspace.id } },
      data: { role: "VIEWER" },
    });
    expect((await removeMember(team.members.ADMIN, team.as("ADMIN"), team.members.EDITOR.id)).ok).toBe(false);
  });

  it("transferring ownership makes the target an owner and the former owner an admin", async () => {
    const team = await makeTeam();
    const owner = team.members.OWNER;
    expect((await transferOwnership(owner, team.as("OWNER"), team.members.VIEWER.id)).ok).toBe(true);
    const roles = Object.fromEntries((await listMembers(team.as("OWNER"))).map((m) => [m.userId, m.role]));
    expect(roles[team.members.VIEWER.id]).toBe("OWNER");
    expect(roles[owner.id]).toBe("ADMIN");
    expect((await transferOwnership(owner, team.as("OWNER"), team.members.EDITOR.id)).ok).toBe(false);
    expect((await transferOwnership(team.members.VIEWER, team.as("OWNER"), team.outsider.id)).ok).toBe(false);
  });

  it("a personal workspace cannot be left", async () => {
    const team = await makeTeam({ personal: true });
    expect((await leaveWorkspace(team.members.EDITOR, team.as("EDITOR"))).ok).toBe(false);
  });
});
