import { afterAll, describe, expect, it } from "vitest";
import { makeGeneration, makeTeam, makeUser } from "@/lib/authz/fixtures";
import { addComment, getGenerationDiscussion, resolveMentions } from "@/lib/data/comments";
import { db } from "@/lib/db";

afterAll(async () => {
  await db.$disconnect();
});

const ada = { id: "ada", name: "Ada Lovelace", email: "ada.l@example.test" };
const alan = { id: "alan", name: "Alan Turing", email: "alan@example.test" };
const ada2 = { id: "ada2", name: "Ada Byron", email: "byron@example.test" };

describe("resolveMentions", () => {
  it("resolves full names, first names and email local parts, case-insensitively, in order, once each", () => {
    expect(resolveMentions("@alan and @Ada Lovelace, then @ALAN again", [ada, alan])).toEqual(["alan", "ada"]);
    expect(resolveMentions("ping @ada.l!", [ada, alan])).toEqual(["ada"]);
    expect(resolveMentions("@Ada: look", [ada, alan])).toEqual(["ada"]);
  });

  it("a handle two members share mentions nobody; their unique handles still work", () => {
    expect(resolveMentions("@Ada please", [ada, ada2])).toEqual([]);
    expect(resolveMentions("@Ada Byron and @ada.l", [ada, ada2])).toEqual(["ada2", "ada"]);
  });

  it("ignores email addresses, partial words and unknown names", () => {
    expect(resolveMentions("write to ada.l@example.test", [ada])).toEqual([]);
    expect(resolveMentions("@adam and @alanis", [ada, alan])).toEqual([]);
    expect(resolveMentions("@nobody", [ada, alan])).toEqual([]);
  });
});

describe("comments (real PostgreSQL)", () => {
  it("stores a comment with the members it mentions, and the discussion shows them", async () => {
    const team = await makeTeam();
    const generation = await makeGeneration(team.workspace.id, team.members.EDITOR.id);
    const firstName = team.members.VIEWER.name!.split(" ")[0]!;
    // The outsider is not a member, so their name is not a mention.
    const body = `@${team.members.VIEWER.name} and @${team.outsider.email.split("@")[0]} — looks good`;
    const result = await addComment(team.members.EDITOR, team.as("EDITOR"), generation.id, body);
    expect(result).toEqual({ ok: true, value: { id: expect.any(String), mentions: [team.members.VIEWER.id] } });

    const discussion = await getGenerationDiscussion(team.members.VIEWER, team.as("VIEWER"), generation.id);
    expect(discussion).toMatchObject({
      generationId: generation.id,
      review: null,
      canComment: false,
      canReview: false,
      comments: [{ body, author: { id: team.members.EDITOR.id }, mentions: [{ id: team.members.VIEWER.id }] }],
    });
    expect(discussion?.comments[0]?.mentions[0]?.name).toContain(firstName);
  });

  it("refuses a generation of another workspace, and hides it from the discussion", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const foreign = await makeGeneration(other.workspace.id, other.members.EDITOR.id);
    expect((await addComment(team.members.OWNER, team.as("OWNER"), foreign.id, "hello")).ok).toBe(false);
    expect(await getGenerationDiscussion(team.members.OWNER, team.as("OWNER"), foreign.id)).toBeNull();
    expect(await db.comment.count({ where: { generationId: foreign.id } })).toBe(0);
  });

  it("a comment outlives its author's account as an anonymous one", async () => {
    const team = await makeTeam();
    const generation = await makeGeneration(team.workspace.id, team.members.OWNER.id);
    const passer = await makeUser("passer");
    await db.membership.create({ data: { userId: passer.id, workspaceId: team.workspace.id, role: "EDITOR" } });
    await addComment(passer, { ...team.workspace, role: "EDITOR" }, generation.id, "bye");
    await db.user.delete({ where: { id: passer.id } });
    const discussion = await getGenerationDiscussion(team.members.OWNER, team.as("OWNER"), generation.id);
    expect(discussion?.comments).toMatchObject([{ body: "bye", author: null }]);
  });
});
