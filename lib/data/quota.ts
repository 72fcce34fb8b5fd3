import "server-only";
import type { Tx } from "@/lib/data/members";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import { env } from "@/lib/env";

export class QuotaExceededError extends Error {
  constructor(readonly quota: number) {
    super(
      `This workspace has used all ${quota} of today's generations (0 left). The count starts again at 00:00 UTC.`,
    );
  }
}

/** The UTC calendar day as Postgres' `date` literal: the quota resets at midnight UTC for everyone. */
export function utcDay(now = new Date()): string {
  return now.toISOString().slice(0, 10);
}

function nextUtcMidnight(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
}

/**
 * Takes one generation from today's quota, or throws QuotaExceededError. One statement does the
 * check and the increment: the row lock that ON CONFLICT takes makes a concurrent request wait and
 * re-evaluate `count < quota` against the committed count, so two requests at the last slot cannot
 * both pass (a read-then-write counter would let them). Run it in the transaction that inserts the
 * generation, so a refused or failed insert gives the slot back.
 */
export async function consumeDailyQuota(tx: Tx, workspaceId: string, now = new Date()): Promise<{ used: number; quota: number }> {
  const fallback = env.WORKSPACE_DAILY_QUOTA;
  const [taken] = await tx.$queryRaw<{ used: number; quota: number }[]>`
    INSERT INTO "WorkspaceUsage" ("workspaceId", "day", "count")
    SELECT "id", ${utcDay(now)}::date, 1 FROM "Workspace" WHERE "id" = ${workspaceId}
    ON CONFLICT ("workspaceId", "day") DO UPDATE SET "count" = "WorkspaceUsage"."count" + 1
      WHERE "WorkspaceUsage"."count" < (SELECT COALESCE("dailyQuota", ${fallback}::int) FROM "Workspace" WHERE "id" = ${workspaceId})
    RETURNING "count" AS "used", (SELECT COALESCE("dailyQuota", ${fallback}::int) FROM "Workspace" WHERE "id" = ${workspaceId}) AS "quota"`;
  if (taken) return taken;
  const workspace = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { dailyQuota: true } });
  throw new QuotaExceededError(workspace?.dailyQuota ?? fallback);
}

export interface UsageDTO {
  used: number;
  quota: number;
  remaining: number;
  /** True when the workspace follows the deployment default rather than its own number. */
  isDefault: boolean;
  resetsAt: string;
}

export async function getDailyUsage(workspace: Pick<WorkspaceAccess, "id">, now = new Date()): Promise<UsageDTO> {
  const [ws, usage] = await Promise.all([
    db.workspace.findUnique({ where: { id: workspace.id }, select: { dailyQuota: true } }),
    db.workspaceUsage.findUnique({
      where: { workspaceId_day: { workspaceId: workspace.id, day: new Date(`${utcDay(now)}T00:00:00Z`) } },
      select: { count: true },
    }),
  ]);
  const quota = ws?.dailyQuota ?? env.WORKSPACE_DAILY_QUOTA;
  const used = usage?.count ?? 0;
  return {
    used,
    quota,
    remaining: Math.max(0, quota - used),
    isDefault: ws?.dailyQuota == null,
    resetsAt: nextUtcMidnight(now).toISOString(),
  };
}
