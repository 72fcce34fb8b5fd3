import { randomBytes } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { makeAsset, makeGeneration, makeTeam } from "@/lib/authz/fixtures";
import { createTeamWorkspace, deleteWorkspace, renameWorkspace, setDailyQuota } from "@/lib/data/workspace-admin";
import { listWorkspacesForViewer } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import { contentKey, getStorage } from "@/lib/storage";

afterAll(async () => {
  await db.$disconnect();
});

const storedKey = async () => {
  const key = contentKey("refs", randomBytes(32).toString("hex"), "image/webp");
  await getStorage().put(key, Buffer.from("bytes"), { contentType: "image/webp" });
  return key;
};

describe("workspace administration (real PostgreSQL)", () => {
  it("creates a team workspace owned by its maker; a taken slug is refused on the slug field", async () => {
    const team = await makeTeam();
    const slug = `brand-${randomBytes(4).toString("hex")}`;
    expect(await createTeamWorkspace(team.outsider, { name: "Brand", slug })).toEqual({ ok: true, value: { slug } });
    expect(await listWorkspacesForViewer(team.outsider)).toContainEqual(expect.objectContaining({ slug, role: "OWNER", personal: false }));
    expect(await createTeamWorkspace(team.members.EDITOR, { name: "Copy", slug })).toMatchObject({
      ok: false,
      problem: { code: "workspace.slugTaken" },
      field: "slug",
      message: "That address is already taken; pick another.",
    });
  });

  it("renames and sets the daily quota", async () => {
    const team = await makeTeam();
    await renameWorkspace(team.as("OWNER"), "Renamed");
    await setDailyQuota(team.as("OWNER"), 12);
    expect(await db.workspace.findUnique({ where: { id: team.workspace.id }, select: { name: true, dailyQuota: true } })).toEqual({
      name: "Renamed",
      dailyQuota: 12,
    });
    await setDailyQuota(team.as("OWNER"), null);
    expect((await db.workspace.findUniqueOrThrow({ where: { id: team.workspace.id } })).dailyQuota).toBeNull();
  });

  it("refuses a personal studio and a wrong confirmation", async () => {
    const personal = await makeTeam({ personal: true });
    expect((await deleteWorkspace(personal.as("OWNER"), personal.workspace.slug)).ok).toBe(false);
    const team = await makeTeam();
    expect(await deleteWorkspace(team.as("OWNER"), "not-it")).toMatchObject({ ok: false, field: "confirm", problem: { code: expect.any(String) } });
    expect(await db.workspace.count({ where: { id: { in: [personal.workspace.id, team.workspace.id] } } })).toBe(2);
  });

  it("deletes everything in it, and only the files no other workspace uses", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const [ownKey, sharedKey] = await Promise.all([storedKey(), storedKey()]);
    const own = await makeAsset(team.workspace.id, team.members.EDITOR.id, "REFERENCE", ownKey);
    await makeAsset(team.workspace.id, team.members.EDITOR.id, "REFERENCE", sharedKey);
    await makeAsset(other.workspace.id, other.members.EDITOR.id, "REFERENCE", sharedKey);
    const generation = await makeGeneration(team.workspace.id, team.members.EDITOR.id);
    await db.generationReference.create({ data: { generationId: generation.id, assetId: own.id, position: 0 } });
    await db.comment.create({ data: { generationId: generation.id, authorId: team.members.OWNER.id, body: "hi", mentions: [] } });

    const result = await deleteWorkspace(team.as("OWNER"), team.workspace.slug.toUpperCase());
    expect(result.ok).toBe(true);
    expect(await db.workspace.count({ where: { id: team.workspace.id } })).toBe(0);
    expect(await db.asset.count({ where: { workspaceId: team.workspace.id } })).toBe(0);
    expect(await db.generation.count({ where: { workspaceId: team.workspace.id } })).toBe(0);
    expect(await db.membership.count({ where: { workspaceId: team.workspace.id } })).toBe(0);
    expect(await getStorage().get(ownKey)).toBeNull();
    expect(await getStorage().get(sharedKey)).not.toBeNull();
    // The members keep their accounts.
    expect(await db.user.count({ where: { id: team.members.EDITOR.id } })).toBe(1);
  });
});
