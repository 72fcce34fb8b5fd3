import "server-only";
import type { Tx } from "@/lib/data/members";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Role } from "@/lib/generated/prisma/enums";
import { englishText, problem, type Problem } from "@/lib/i18n/problems";

/**
 * Refused by the workspace's daily quota or by the member's own daily cap (both count images).
 * Thrown inside the transaction that would take the images, so nothing is stored; callers answer
 * its `problem` (a code of errors.studio with limit, used, requested and scope), never its words.
 */
export class QuotaExceededError extends Error {
  readonly problem: Problem;
  constructor(
    readonly scope: "workspace" | "member" | "suspended",
    readonly limit: number,
    readonly used: number,
    readonly requested: number,
  ) {
    const left = Math.max(0, limit - used);
    const p: Problem =
      scope === "suspended"
        ? problem("studio.workspaceSuspended")
        : problem(scope === "workspace" ? "studio.quotaWorkspace" : "studio.quotaMember", {
            scope,
            limit,
            used,
            requested,
            left,
            // Every quota starts again at midnight UTC; the time of day is said as a value, not a word.
            resetsAt: "00:00",
          });
    super(englishText(p));
    this.problem = p;
  }
}

/** The UTC calendar day as Postgres' `date` literal: the quota resets at midnight UTC for everyone. */
export function utcDay(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

interface Take {
  workspaceId: string;
  userId: string;
  images: number;
  now?: Date;
}

/**
 * Takes `images` from today's workspace quota (none for a suspended workspace), or throws QuotaExceededError. One statement does the
 * check and the increment: the row lock that ON CONFLICT takes makes a concurrent request wait and
 * re-evaluate the condition against the committed count, so two requests at the last images cannot
 * both pass (a read-then-write counter would let them). A first request of the day that alone asks
 * for more than the quota inserts nothing (the SELECT's condition).
 */
async function takeWorkspaceQuota(tx: Tx, { workspaceId, images, now = new Date() }: Take) {
  const fallback = env.WORKSPACE_DAILY_QUOTA;
  const [taken] = await tx.$queryRaw<{ used: number }[]>`
    WITH w AS (
      SELECT "id", CASE WHEN "suspendedAt" IS NULL THEN COALESCE("dailyQuota", ${fallback}::int) ELSE 0 END AS "quota"
      FROM "Workspace" WHERE "id" = ${workspaceId}
    )
    INSERT INTO "WorkspaceUsage" ("workspaceId", "day", "count")
    SELECT "id", ${utcDay(now)}::date, ${images}::int FROM w WHERE ${images}::int <= w."quota"
    ON CONFLICT ("workspaceId", "day") DO UPDATE SET "count" = "WorkspaceUsage"."count" + ${images}::int
      WHERE "WorkspaceUsage"."count" + ${images}::int <= (SELECT "quota" FROM w)
    RETURNING "count" AS "used"`;
  if (taken) return;
  // Read on the transaction's own connection: a second one per refused request could drain the pool.
  const [state] = await tx.$queryRaw<{ limit: number; used: number; suspended: boolean }[]>`
    SELECT COALESCE(w."dailyQuota", ${fallback}::int) AS "limit", COALESCE(u."count", 0) AS "used", w."suspendedAt" IS NOT NULL AS "suspended"
    FROM "Workspace" w LEFT JOIN "WorkspaceUsage" u ON u."workspaceId" = w."id" AND u."day" = ${utcDay(now)}::date
    WHERE w."id" = ${workspaceId}`;
  throw new QuotaExceededError(state?.suspended ? "suspended" : "workspace", state?.limit ?? fallback, state?.used ?? 0, images);
}

/**
 * The member's own count, taken the same way. Counted even without a cap, so a cap set at noon
 * applies to what was already made that day. No membership row (a removed member) takes nothing.
 */
async function takeMemberCap(tx: Tx, { workspaceId, userId, images, now = new Date() }: Take) {
  const [taken] = await tx.$queryRaw<{ used: number }[]>`
    WITH m AS (SELECT "dailyCap" FROM "Membership" WHERE "workspaceId" = ${workspaceId} AND "userId" = ${userId})
    INSERT INTO "MemberUsage" ("workspaceId", "userId", "day", "count")
    SELECT ${workspaceId}, ${userId}, ${utcDay(now)}::date, ${images}::int FROM m
      WHERE m."dailyCap" IS NULL OR ${images}::int <= m."dailyCap"
    ON CONFLICT ("workspaceId", "userId", "day") DO UPDATE SET "count" = "MemberUsage"."count" + ${images}::int
      WHERE (SELECT "dailyCap" FROM m) IS NULL OR "MemberUsage"."count" + ${images}::int <= (SELECT "dailyCap" FROM m)
    RETURNING "count" AS "used"`;
  if (taken) return;
  const [state] = await tx.$queryRaw<{ limit: number | null; used: number }[]>`
    SELECT m."dailyCap" AS "limit", COALESCE(u."count", 0) AS "used"
    FROM "Membership" m LEFT JOIN "MemberUsage" u ON u."workspaceId" = m."workspaceId" AND u."userId" = m."userId" AND u."day" = ${utcDay(now)}::date
    WHERE m."workspaceId" = ${workspaceId} AND m."userId" = ${userId}`;
  throw new QuotaExceededError("member", state?.limit ?? 0, state?.used ?? 0, images);
}

/**
 * Takes a generation's images from the workspace quota and the member's cap, or throws
 * QuotaExceededError. Run it in the transaction that inserts the generation, so a refusal stores
 * nothing and a failed insert spends nothing. Always workspace first, then member: every
 * transaction locks the two rows in one order, so concurrent ones queue instead of deadlocking.
 */
export async function takeQuota(tx: Tx, take: Take): Promise<void> {
  await takeWorkspaceQuota(tx, take);
  await takeMemberCap(tx, take);
}

/**
 * Gives back images whose call failed without being charged: to the workspace's and the member's
 * count of the day the generation was made (that is the day they were taken from). One statement;
 * the generation's `refundedImages` guard means a repeated refund (a retried record of the same
 * failure) can never give back more than the generation took. Returns the images given back.
 */
export async function refundUnchargedImages(tx: Tx, generationId: string, images: number): Promise<number> {
  if (images <= 0) return 0;
  const [row] = await tx.$queryRaw<{ refunded: number }[]>`
    WITH g AS (
      UPDATE "Generation" SET "refundedImages" = "refundedImages" + ${images}::int
      WHERE "id" = ${generationId} AND "refundedImages" + ${images}::int <= "n"
      RETURNING "workspaceId", "userId", ("createdAt")::date AS "day"
    ), w AS (
      UPDATE "WorkspaceUsage" u SET "count" = GREATEST(u."count" - ${images}::int, 0)
      FROM g WHERE u."workspaceId" = g."workspaceId" AND u."day" = g."day" RETURNING 1
    ), m AS (
      UPDATE "MemberUsage" u SET "count" = GREATEST(u."count" - ${images}::int, 0)
      FROM g WHERE u."workspaceId" = g."workspaceId" AND u."userId" = g."userId" AND u."day" = g."day" RETURNING 1
    )
    SELECT CASE WHEN EXISTS (SELECT 1 FROM g) THEN ${images}::int ELSE 0 END AS "refunded"`;
  return row?.refunded ?? 0;
}

export interface UsageDTO {
  /** Images requested today in the workspace, against its quota. */
  used: number;
  quota: number;
  remaining: number;
  /** True when the workspace follows the deployment default rather than its own number. */
  isDefault: boolean;
  resetsAt: string;
  /** The viewer's own count here today, and their cap when an owner or admin set one. */
  member: { used: number; cap: number | null; remaining: number | null } | null;
  /** What the viewer can still start today: the smaller of the two. */
  available: number;
}

/** Today's counts; with `userId`, also that member's count and cap. */
export async function getDailyUsage(workspace: Pick<WorkspaceAccess, "id">, now = new Date(), userId?: string): Promise<UsageDTO> {
  const day = new Date(`${utcDay(now)}T00:00:00Z`);
  const [ws, usage, membership, mine] = await Promise.all([
    db.workspace.findUnique({ where: { id: workspace.id }, select: { dailyQuota: true } }),
    db.workspaceUsage.findUnique({ where: { workspaceId_day: { workspaceId: workspace.id, day } }, select: { count: true } }),
    userId
      ? db.membership.findUnique({ where: { userId_workspaceId: { userId, workspaceId: workspace.id } }, select: { dailyCap: true } })
      : null,
    userId
      ? db.memberUsage.findUnique({ where: { workspaceId_userId_day: { workspaceId: workspace.id, userId, day } }, select: { count: true } })
      : null,
  ]);
  const quota = ws?.dailyQuota ?? env.WORKSPACE_DAILY_QUOTA;
  const used = usage?.count ?? 0;
  const remaining = Math.max(0, quota - used);
  const member = membership
    ? {
        used: mine?.count ?? 0,
        cap: membership.dailyCap,
        remaining: membership.dailyCap === null ? null : Math.max(0, membership.dailyCap - (mine?.count ?? 0)),
      }
    : null;
  return {
    used,
    quota,
    remaining,
    isDefault: ws?.dailyQuota == null,
    resetsAt: nextUtcMidnight(now).toISOString(),
    member,
    available: Math.min(remaining, member?.remaining ?? remaining),
  };
}

/**
 * Sets (or clears, with null) a member's daily image cap. Only in team workspaces: a personal
 * studio has one member, for whom the workspace quota already is the cap. As with roles, admins
 * set caps for editors and viewers; owners for everyone. The role is checked in the update itself.
 */
export async function setMemberCap(workspace: WorkspaceAccess, userId: string, dailyCap: number | null): Promise<Outcome> {
  if (workspace.personal) return refused("workspace.personalNoCaps");
  const targets: Role[] = workspace.role === "OWNER" ? ["OWNER", "ADMIN", "EDITOR", "VIEWER"] : ["EDITOR", "VIEWER"];
  const { count } = await db.membership.updateMany({
    where: { workspaceId: workspace.id, userId, role: { in: targets } },
    data: { dailyCap },
  });
  return count === 1 ? done() : refused("workspace.capForbidden");
}

/** Each member's cap and today's count, for the members page (userId → numbers). */
export async function listMemberCaps(workspace: Pick<WorkspaceAccess, "id">, now = new Date()) {
  const day = new Date(`${utcDay(now)}T00:00:00Z`);
  const [memberships, counts] = await Promise.all([
    db.membership.findMany({ where: { workspaceId: workspace.id }, select: { userId: true, dailyCap: true } }),
    db.memberUsage.findMany({ where: { workspaceId: workspace.id, day }, select: { userId: true, count: true } }),
  ]);
  const used = new Map(counts.map((c) => [c.userId, c.count]));
  return new Map(memberships.map((m) => [m.userId, { cap: m.dailyCap, used: used.get(m.userId) ?? 0 }]));
}
