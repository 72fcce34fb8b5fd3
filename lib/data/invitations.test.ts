import { createHash } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { makeTeam, makeUser } from "@/lib/authz/fixtures";
import { acceptInvitation, createInvitation, invitationLetter, listPendingInvitations, previewInvitation, revokeInvitation } from "@/lib/data/invitations";
import { db } from "@/lib/db";

afterAll(async () => {
  await db.$disconnect();
});

const week = { expiresInDays: 7, multiUse: false } as const;

async function roleOf(userId: string, workspaceId: string) {
  const row = await db.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId } }, select: { role: true } });
  return row?.role ?? null;
}

describe("invitations (real PostgreSQL)", () => {
  it("stores only the sha256 of a 256-bit token", async () => {
    const team = await makeTeam();
    const result = await createInvitation(team.members.OWNER, team.as("OWNER"), { role: "EDITOR", ...week });
    if (!result.ok) throw new Error(result.message);
    const { token, id } = result.value;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await db.invitation.findUniqueOrThrow({ where: { id } });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
  });

  it("admins invite editors and viewers, not admins; owners also admins; nobody into a personal studio", async () => {
    const team = await makeTeam();
    expect((await createInvitation(team.members.ADMIN, team.as("ADMIN"), { role: "ADMIN", ...week })).ok).toBe(false);
    expect((await createInvitation(team.members.ADMIN, team.as("ADMIN"), { role: "VIEWER", ...week })).ok).toBe(true);
    expect((await createInvitation(team.members.OWNER, team.as("OWNER"), { role: "ADMIN", ...week })).ok).toBe(true);
    const personal = await makeTeam({ personal: true });
    expect((await createInvitation(personal.members.OWNER, personal.as("OWNER"), { role: "VIEWER", ...week })).ok).toBe(false);
  });

  it("a single-use link admits one person with its role, then reads as used", async () => {
    const team = await makeTeam();
    const created = await createInvitation(team.members.OWNER, team.as("OWNER"), { role: "EDITOR", ...week });
    if (!created.ok) throw new Error(created.message);
    const [first, second] = await Promise.all([makeUser("first"), makeUser("second")]);
    expect(await acceptInvitation(first, created.value.token)).toEqual({ ok: true, value: { slug: team.workspace.slug } });
    expect(await roleOf(first.id, team.workspace.id)).toBe("EDITOR");
    expect(await acceptInvitation(second, created.value.token)).toMatchObject({ ok: false, message: expect.stringMatching(/already been used/) });
    expect(await roleOf(second.id, team.workspace.id)).toBeNull();
    expect((await previewInvitation(created.value.token))?.state).toBe("used");
    expect(await listPendingInvitations(team.as("OWNER"))).toEqual([]);
  });

  it("two people racing for one single-use link: exactly one gets in", async () => {
    const team = await makeTeam();
    const created = await createInvitation(team.members.OWNER, team.as("OWNER"), { role: "VIEWER", ...week });
    if (!created.ok) throw new Error(created.message);
    const people = await Promise.all([makeUser("racer"), makeUser("racer"), makeUser("racer")]);
    const results = await Promise.all(people.map((p) => acceptInvitation(p, created.value.token)));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("a multi-use link admits several people and counts them", async () => {
    const team = await makeTeam();
    const created = await createInvitation(team.members.ADMIN, team.as("ADMIN"), { role: "VIEWER", expiresInDays: 1, multiUse: true });
    if (!created.ok) throw new Error(created.message);
    for (const p of await Promise.all([makeUser("a"), makeUser("b")])) {
      expect((await acceptInvitation(p, created.value.token)).ok).toBe(true);
    }
    expect((await listPendingInvitations(team.as("ADMIN")))[0]).toMatchObject({ uses: 2, multiUse: true, role: "VIEWER" });
  });

  it("expired and revoked links are refused with a clear message", async () => {
    const team = await makeTeam();
    const old = await createInvitation(team.members.OWNER, team.as("OWNER"), { role: "VIEWER", ...week }, new Date(Date.now() - 8 * 86_400_000));
    const revoked = await createInvitation(team.members.OWNER, team.as("OWNER"), { role: "VIEWER", ...week });
    if (!old.ok || !revoked.ok) throw new Error("setup");
    expect((await revokeInvitation(team.as("OWNER"), revoked.value.id)).ok).toBe(true);
    const person = await makeUser("late");
    expect(await acceptInvitation(person, old.value.token)).toMatchObject({ ok: false, message: expect.stringMatching(/expired/) });
    expect(await acceptInvitation(person, revoked.value.token)).toMatchObject({ ok: false, message: expect.stringMatching(/withdrawn/) });
    expect(await roleOf(person.id, team.workspace.id)).toBeNull();
    expect(await listPendingInvitations(team.as("OWNER"))).toEqual([]);
  });

  it("a link tied to an email admits only that signed-in address", async () => {
    const team = await makeTeam();
    const invited = await makeUser("invited");
    const created = await createInvitation(team.members.OWNER, team.as("OWNER"), { role: "EDITOR", email: invited.email, ...week });
    if (!created.ok) throw new Error(created.message);
    const someoneElse = await makeUser("other");
    expect(await acceptInvitation(someoneElse, created.value.token)).toMatchObject({
      ok: false,
      problem: { code: "workspace.invitationForOther", params: { email: invited.email } },
      message: `This invitation is for ${invited.email}. Sign in with that address to accept it.`,
    });
    expect((await acceptInvitation({ ...invited, email: invited.email.toUpperCase() }, created.value.token)).ok).toBe(true);
  });

  it("an existing member is never demoted by a link and does not use it up", async () => {
    const team = await makeTeam();
    const created = await createInvitation(team.members.OWNER, team.as("OWNER"), { role: "VIEWER", ...week });
    if (!created.ok) throw new Error(created.message);
    expect((await acceptInvitation(team.members.EDITOR, created.value.token)).ok).toBe(true);
    expect(await roleOf(team.members.EDITOR.id, team.workspace.id)).toBe("EDITOR");
    expect((await previewInvitation(created.value.token))?.state).toBe("valid");
  });

  it("revoking is scoped to the workspace and to roles the revoker could grant", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const adminInvite = await createInvitation(team.members.OWNER, team.as("OWNER"), { role: "ADMIN", ...week });
    if (!adminInvite.ok) throw new Error(adminInvite.message);
    expect((await revokeInvitation(other.as("OWNER"), adminInvite.value.id)).ok).toBe(false);
    expect((await revokeInvitation(team.as("ADMIN"), adminInvite.value.id)).ok).toBe(false);
    expect((await previewInvitation(adminInvite.value.token))?.state).toBe("valid");
  });

  it("an unknown token previews as nothing", async () => {
    expect(await previewInvitation("x".repeat(43))).toBeNull();
  });

  it("a link works only while its maker could still make it: demoted or removed, their links lapse", async () => {
    const team = await makeTeam();
    const multi = { expiresInDays: 7, multiUse: true } as const;
    const byAdmin = await createInvitation(team.members.ADMIN, team.as("ADMIN"), { role: "EDITOR", ...multi });
    const byOwner = await createInvitation(team.members.OWNER, team.as("OWNER"), { role: "EDITOR", ...multi });
    if (!byAdmin.ok || !byOwner.ok) throw new Error("setup");
    expect((await acceptInvitation(await makeUser("first"), byAdmin.value.token)).ok).toBe(true);

    // Demoted to editor: editors invite nobody, so the admin's link stops at once.
    await db.membership.update({
      where: { userId_workspaceId: { userId: team.members.ADMIN.id, workspaceId: team.workspace.id } },
      data: { role: "EDITOR" },
    });
    const late = await makeUser("late");
    const refused = await acceptInvitation(late, byAdmin.value.token);
    expect(refused).toMatchObject({ ok: false, message: expect.stringMatching(/no longer works/) });
    expect(await roleOf(late.id, team.workspace.id)).toBeNull();
    expect((await previewInvitation(byAdmin.value.token))?.state).toBe("lapsed");
    // The owner's link is untouched.
    expect((await acceptInvitation(late, byOwner.value.token)).ok).toBe(true);

    // Back to admin, the link works again; removed from the workspace, it lapses for good.
    await db.membership.update({
      where: { userId_workspaceId: { userId: team.members.ADMIN.id, workspaceId: team.workspace.id } },
      data: { role: "ADMIN" },
    });
    expect((await previewInvitation(byAdmin.value.token))?.state).toBe("valid");
    await db.membership.delete({ where: { userId_workspaceId: { userId: team.members.ADMIN.id, workspaceId: team.workspace.id } } });
    expect((await acceptInvitation(await makeUser("after"), byAdmin.value.token)).ok).toBe(false);
    expect((await previewInvitation(byAdmin.value.token))?.state).toBe("lapsed");
  });

  it("an owner who steps down to admin keeps admin-grantable links but loses an admin invitation", async () => {
    const team = await makeTeam();
    const forAdmin = await createInvitation(team.members.OWNER, team.as("OWNER"), { role: "ADMIN", ...week });
    if (!forAdmin.ok) throw new Error("setup");
    await db.membership.update({
      where: { userId_workspaceId: { userId: team.members.OWNER.id, workspaceId: team.workspace.id } },
      data: { role: "ADMIN" },
    });
    expect((await acceptInvitation(await makeUser("x"), forAdmin.value.token)).ok).toBe(false);
  });

  it("the words sent with a link are in the invitee's stored language when known, else the inviter's", async () => {
    const chinese = await makeUser("zh");
    await db.user.update({ where: { id: chinese.id }, data: { locale: "zh-CN" } });
    const unset = await makeUser("unset");
    const base = { inviter: "Ada", workspaceName: "Brand", role: "EDITOR" as const, expiresAt: new Date("2031-05-06T12:00:00Z") };

    const toChinese = await invitationLetter({ ...base, inviterLocale: "en", email: chinese.email.toUpperCase() });
    expect(toChinese.locale).toBe("zh-CN");
    expect(toChinese.body).toContain("Ada 邀请你加入 Atelier 上的团队空间“Brand”，角色为编辑者。");
    expect(toChinese.body).toContain("2031年5月6日");

    const toUnknown = await invitationLetter({ ...base, inviterLocale: "zh-CN", email: unset.email });
    expect(toUnknown.locale).toBe("zh-CN");
    const toAnyone = await invitationLetter({ ...base, inviterLocale: "en" });
    expect(toAnyone).toMatchObject({ locale: "en", subject: "Ada invited you to Brand on Atelier" });
    expect(toAnyone.body).toContain("with the role Editor. Open the link below to accept; it works until May 6, 2031 (UTC).");
  });
});
