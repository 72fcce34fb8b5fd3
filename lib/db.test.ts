import { afterAll, describe, expect, it } from "vitest";
import { makeGeneration, makeTeam, makeUser } from "@/lib/authz/fixtures";
import { db, UndefinedInWhereError } from "@/lib/db";

afterAll(() => db.$disconnect());

describe("db refuses undefined inside a where", () => {
  it("refuses a delete whose filter went undefined, and deletes nothing", async () => {
    const user = await makeUser("kept");
    const before = await db.user.count();
    const missing: { email?: string } = {};
    await expect(db.user.deleteMany({ where: { email: missing.email } })).rejects.toThrow(UndefinedInWhereError);
    expect(await db.user.count()).toBe(before);
    expect(await db.user.findUnique({ where: { id: user.id }, select: { id: true } })).toEqual({ id: user.id });
  });

  it("looks inside AND/OR/relation filters and the wheres of nested selects", async () => {
    const team = await makeTeam();
    await makeGeneration(team.workspace.id, team.members.OWNER.id);
    await expect(db.generation.findMany({ where: { AND: [{ workspaceId: team.workspace.id }, { userId: undefined }] } })).rejects.toThrow(
      /generation\.findMany\.where\.AND\[1\]\.userId/i,
    );
    await expect(db.generation.count({ where: { images: { some: { favorites: { some: { userId: undefined } } } } } })).rejects.toThrow(
      UndefinedInWhereError,
    );
    await expect(
      db.generation.findMany({
        where: { workspaceId: team.workspace.id },
        select: { images: { select: { favorites: { where: { userId: undefined } } } } },
      }),
    ).rejects.toThrow(UndefinedInWhereError);
  });

  it("lets defined filters and undefined data through", async () => {
    const team = await makeTeam();
    await makeGeneration(team.workspace.id, team.members.OWNER.id);
    expect(await db.generation.count({ where: { workspaceId: team.workspace.id, userId: team.members.OWNER.id } })).toBe(1);
    const renamed = await db.workspace.update({ where: { id: team.workspace.id }, data: { name: "Renamed", dailyQuota: undefined }, select: { name: true } });
    expect(renamed.name).toBe("Renamed");
  });
});
