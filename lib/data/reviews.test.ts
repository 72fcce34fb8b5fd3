import { afterAll, describe, expect, it } from "vitest";
import { makeGeneration, makeTeam } from "@/lib/authz/fixtures";
import { getGenerationDiscussion } from "@/lib/data/comments";
import { generationFilterWhere, setReview } from "@/lib/data/reviews";
import { db } from "@/lib/db";

afterAll(async () => {
  await db.$disconnect();
});

describe("reviews (real PostgreSQL)", () => {
  it("sets, reports and clears a review, recording who decided", async () => {
    const team = await makeTeam();
    const generation = await makeGeneration(team.workspace.id, team.members.EDITOR.id);
    expect((await setReview(team.members.ADMIN, team.as("ADMIN"), generation.id, "NEEDS_CHANGES")).ok).toBe(true);
    const discussion = await getGenerationDiscussion(team.members.OWNER, team.as("OWNER"), generation.id);
    expect(discussion?.review).toMatchObject({ status: "NEEDS_CHANGES", reviewedBy: team.members.ADMIN.name });
    expect(discussion).toMatchObject({ canComment: true, canReview: true });

    expect((await setReview(team.members.ADMIN, team.as("ADMIN"), generation.id, null)).ok).toBe(true);
    expect((await getGenerationDiscussion(team.members.OWNER, team.as("OWNER"), generation.id))?.review).toBeNull();
  });

  it("cannot review another workspace's generation", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const foreign = await makeGeneration(other.workspace.id, other.members.EDITOR.id);
    expect((await setReview(team.members.OWNER, team.as("OWNER"), foreign.id, "APPROVED")).ok).toBe(false);
    expect((await db.generation.findUniqueOrThrow({ where: { id: foreign.id } })).reviewStatus).toBeNull();
  });

  it("filters by review status and member, always inside the workspace", async () => {
    const team = await makeTeam();
    const other = await makeTeam();
    const [approved, pending, byOwner] = await Promise.all([
      makeGeneration(team.workspace.id, team.members.EDITOR.id),
      makeGeneration(team.workspace.id, team.members.EDITOR.id),
      makeGeneration(team.workspace.id, team.members.OWNER.id),
    ]);
    await makeGeneration(other.workspace.id, other.members.EDITOR.id);
    await setReview(team.members.OWNER, team.as("OWNER"), approved.id, "APPROVED");
    const ids = async (filter: Parameters<typeof generationFilterWhere>[1]) =>
      (await db.generation.findMany({ where: generationFilterWhere(team.workspace, filter), select: { id: true } })).map((g) => g.id).sort();
    expect(await ids({ review: "approved" })).toEqual([approved.id]);
    expect(await ids({ review: "unreviewed" })).toEqual([pending.id, byOwner.id].sort());
    expect(await ids({ review: "needs-changes" })).toEqual([]);
    expect(await ids({ memberId: team.members.OWNER.id })).toEqual([byOwner.id]);
    expect(await ids({ memberId: other.members.EDITOR.id })).toEqual([]);
    expect(await ids({})).toHaveLength(3);
  });
});
