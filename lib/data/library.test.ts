import { afterAll, describe, expect, it } from "vitest";
import { makeAsset, makeTeam } from "@/lib/authz/fixtures";
import { listLibrary, pinReference, unpinReference } from "@/lib/data/library";
import { db } from "@/lib/db";

afterAll(async () => {
  await db.$disconnect();
});

describe("reference library (real PostgreSQL)", () => {
  it("pins a reference for everyone, newest first, with its name; unpinning keeps the file", async () => {
    const team = await makeTeam();
    const [logo, face] = await Promise.all([
      makeAsset(team.workspace.id, team.members.EDITOR.id),
      makeAsset(team.workspace.id, team.members.ADMIN.id),
    ]);
    expect((await pinReference(team.as("EDITOR"), logo.id, "Logo", new Date("2030-01-01"))).ok).toBe(true);
    expect((await pinReference(team.as("ADMIN"), face.id, undefined, new Date("2030-01-02"))).ok).toBe(true);
    const shelf = await listLibrary(team.as("VIEWER"));
    expect(shelf.map((i) => i.assetId)).toEqual([face.id, logo.id]);
    expect(shelf[1]).toMatchObject({ name: "Logo", url: `/api/files/${logo.id}` });
    expect(shelf[0]?.name).toMatch(/^file-\d+\.webp$/);

    expect((await unpinReference(team.as("EDITOR"), face.id)).ok).toBe(true);
    expect((await listLibrary(team.as("VIEWER"))).map((i) => i.assetId)).toEqual([logo.id]);
    expect(await db.asset.count({ where: { id: face.id } })).toBe(1);
  });

  it("only this workspace's reference uploads can be pinned", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const foreign = await makeAsset(other.workspace.id, other.members.EDITOR.id);
    const result = await makeAsset(team.workspace.id, team.members.EDITOR.id, "RESULT");
    expect((await pinReference(team.as("EDITOR"), foreign.id)).ok).toBe(false);
    expect((await pinReference(team.as("EDITOR"), result.id)).ok).toBe(false);
    expect((await unpinReference(team.as("EDITOR"), foreign.id)).ok).toBe(false);
    expect(await listLibrary(team.as("EDITOR"))).toEqual([]);
    expect(await listLibrary(other.as("EDITOR"))).toEqual([]);
  });
});
