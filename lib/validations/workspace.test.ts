import { describe, expect, it } from "vitest";
import { englishText, problem } from "@/lib/i18n/problems";
import { createWorkspaceSchema, inviteMemberSchema, setDailyQuotaSchema, setReviewSchema, slugSchema } from "@/lib/validations/workspace";

const slugIssue = (slug: string) => {
  const r = slugSchema.safeParse(slug);
  return r.success ? null : r.error.issues[0];
};
const slugError = (slug: string) => slugIssue(slug)?.message ?? null;

describe("workspace validation", () => {
  it("accepts readable slugs and lower-cases them", () => {
    expect(slugSchema.parse("Brand-Team-2")).toBe("brand-team-2");
    expect(slugError("abc")).toBeNull();
  });

  it("refuses malformed slugs with a code saying what is allowed", () => {
    for (const bad of ["-team", "team-", "te--am", "te am", "té-am", "team_x", "a/b"]) {
      expect(slugError(bad)).toBe("workspace.slugFormat");
    }
    expect(englishText(problem("workspace.slugFormat"))).toMatch(/lower-case letters, digits and single hyphens/);
    expect(slugIssue("ab")).toMatchObject({ code: "too_small", minimum: 3 });
    expect(slugIssue("a".repeat(41))).toMatchObject({ code: "too_big", maximum: 40 });
  });

  it("refuses reserved words, whatever the case", () => {
    for (const reserved of ["new", "NEW", "settings", "api", "invite"]) expect(slugError(reserved)).toBe("workspace.slugReserved");
  });

  it("needs a name", () => {
    expect(createWorkspaceSchema.safeParse({ name: "  ", slug: "brand" }).success).toBe(false);
  });

  it("invitations: assignable roles only, known expiries, optional email, a checkbox for multi-use", () => {
    expect(inviteMemberSchema.parse({ workspace: "w", role: "EDITOR", expiresInDays: "7", email: "" })).toEqual({
      workspace: "w",
      role: "EDITOR",
      expiresInDays: 7,
      multiUse: false,
    });
    expect(inviteMemberSchema.parse({ workspace: "w", role: "VIEWER", expiresInDays: "30", email: " Ada@Example.TEST ", multiUse: "on" })).toMatchObject({
      email: "ada@example.test",
      multiUse: true,
    });
    expect(inviteMemberSchema.safeParse({ workspace: "w", role: "OWNER", expiresInDays: "7" }).success).toBe(false);
    expect(inviteMemberSchema.safeParse({ workspace: "w", role: "EDITOR", expiresInDays: "3" }).success).toBe(false);
    expect(inviteMemberSchema.safeParse({ workspace: "w", role: "EDITOR", expiresInDays: "7", email: "nope" }).success).toBe(false);
  });

  it("daily quota: empty means the default, otherwise a whole number from 1", () => {
    expect(setDailyQuotaSchema.parse({ workspace: "w", dailyQuota: "" }).dailyQuota).toBeNull();
    expect(setDailyQuotaSchema.parse({ workspace: "w", dailyQuota: "25" }).dailyQuota).toBe(25);
    expect(setDailyQuotaSchema.safeParse({ workspace: "w", dailyQuota: "0" }).success).toBe(false);
    expect(setDailyQuotaSchema.safeParse({ workspace: "w", dailyQuota: "2.5" }).success).toBe(false);
    expect(setDailyQuotaSchema.safeParse({ workspace: "w", dailyQuota: "lots" }).error?.issues[0]?.message).toBe("workspace.quotaNotNumber");
    // The bound keeps its own issue (the wrapper says it with its number), not the "not a number" words.
    expect(setDailyQuotaSchema.safeParse({ workspace: "w", dailyQuota: "0" }).error?.issues[0]).toMatchObject({ code: "too_small", minimum: 1 });
  });

  it("review: a status, or empty to clear", () => {
    expect(setReviewSchema.parse({ workspace: "w", generationId: "g1", status: "APPROVED" }).status).toBe("APPROVED");
    expect(setReviewSchema.parse({ workspace: "w", generationId: "g1", status: "" }).status).toBeNull();
    expect(setReviewSchema.safeParse({ workspace: "w", generationId: "g1", status: "MAYBE" }).success).toBe(false);
  });
});
