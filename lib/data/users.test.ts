import { randomUUID } from "node:crypto";
import { afterAll, describe, expect, it } from "vitest";
import { createUserWithPassword as createOutcome, findUserById, findUserWithPasswordHash } from "@/lib/data/users";
import { getWorkspaceAccess, listWorkspacesForViewer } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import { verifyPassword } from "@/lib/passwords";

const email = () => `user-${randomUUID()}@example.test`;

/** A sign-up that must succeed. */
async function createUserWithPassword(input: Parameters<typeof createOutcome>[0]) {
  const created = await createOutcome(input);
  if (!created.ok) throw new Error(created.message);
  return created.value;
}

afterAll(async () => {
  await db.$disconnect();
});

describe("users (real PostgreSQL)", () => {
  it("sign-up stores an argon2id hash and makes a personal workspace owned by the user", async () => {
    const user = await createUserWithPassword({ name: "Grace Hopper", email: email(), password: "cobol compiler 1959" });
    const withHash = await findUserWithPasswordHash(user.email);
    expect(withHash?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(withHash!.passwordHash!, "cobol compiler 1959")).toBe(true);
    expect(await verifyPassword(withHash!.passwordHash!, "wrong")).toBe(false);

    const viewer = (await findUserById(user.id))!;
    const workspaces = await listWorkspacesForViewer(viewer);
    expect(workspaces).toHaveLength(1);
    expect(workspaces[0]).toMatchObject({ personal: true, role: "OWNER", name: "Grace's studio" });
  });

  it("never returns the password hash unless asked", async () => {
    const user = await createUserWithPassword({ name: "Alan", email: email(), password: "enigma machine 1940" });
    const row = await db.user.findUnique({ where: { id: user.id } });
    expect(row).not.toHaveProperty("passwordHash");
  });

  it("refuses a taken email, whatever its case", async () => {
    const address = email();
    await createUserWithPassword({ name: "One", email: address, password: "first password ok" });
    expect(await createOutcome({ name: "Two", email: address, password: "second password ok" })).toMatchObject({
      ok: false,
      problem: { code: "auth.emailTaken" },
      field: "email",
    });
  });

  it("another user's workspace reads as missing", async () => {
    const a = await createUserWithPassword({ name: "A", email: email(), password: "alpha password 1" });
    const b = await createUserWithPassword({ name: "B", email: email(), password: "bravo password 2" });
    const [aWorkspace] = await listWorkspacesForViewer((await findUserById(a.id))!);
    expect(await getWorkspaceAccess((await findUserById(b.id))!, aWorkspace!.slug)).toBeNull();
    expect(await getWorkspaceAccess((await findUserById(a.id))!, aWorkspace!.slug)).toMatchObject({ role: "OWNER" });
  });
});
