import "server-only";
import type { Viewer } from "@/lib/auth";
import { done, refused, type Outcome } from "@/lib/data/outcome";
import { USAGE_DAYS, type Spend } from "@/lib/data/usage";
import { db } from "@/lib/db";
import { adminEmails } from "@/lib/env";

/**
 * Instance administration: the people who run this server (ADMIN_EMAILS), not workspace owners.
 * Every function here is called only after isInstanceAdmin; to anyone else /admin does not exist.
 */
export function isInstanceAdmin(viewer: Viewer | null): viewer is Viewer {
  return viewer !== null && adminEmails().has(viewer.email.toLowerCase());
}

export interface WorkspaceUsageRow {
  id: string;
  slug: string;
  name: string;
  personal: boolean;
  suspended: boolean;
  members: number;
  images: number;
  calls: number;
  failures: number;
  spend: Spend;
}

/** Every workspace with its last 30 days from the ledger, busiest first. */
export async function listWorkspacesWithUsage(since: Date): Promise<WorkspaceUsageRow[]> {
  const rows = await db.$queryRaw<(Omit<WorkspaceUsageRow, "spend"> & { currency: string | null; spendMicros: number })[]>`
    SELECT w."id", w."slug", w."name", w."personal", w."suspendedAt" IS NOT NULL AS "suspended",
      (SELECT count(*)::int FROM "Membership" m WHERE m."workspaceId" = w."id") AS "members",
      COALESCE(sum(c."imagesReturned") FILTER (WHERE c."outcome" = 'ok'), 0)::int AS "images",
      count(c."id")::int AS "calls",
      (count(c."id") FILTER (WHERE c."outcome" IS NOT NULL AND c."outcome" <> 'ok'))::int AS "failures",
      c."currency",
      COALESCE(sum(c."costMicros") FILTER (WHERE c."charged" = 'YES'), 0)::bigint::float8 AS "spendMicros"
    FROM "Workspace" w LEFT JOIN "ImageCall" c ON c."workspaceId" = w."id" AND c."startedAt" >= ${since}
    GROUP BY w."id", c."currency"`;
  const byId = new Map<string, WorkspaceUsageRow>();
  for (const { currency, spendMicros, ...r } of rows) {
    const row = byId.get(r.id) ?? { ...r, images: 0, calls: 0, failures: 0, spend: {} };
    byId.set(r.id, row);
    row.images += r.images;
    row.calls += r.calls;
    row.failures += r.failures;
    if (currency && spendMicros) row.spend[currency] = (row.spend[currency] ?? 0) + spendMicros;
  }
  return [...byId.values()].sort((a, b) => b.images - a.images || b.calls - a.calls || a.slug.localeCompare(b.slug));
}

export interface RelayHealth {
  calls: number;
  ok: number;
  /** Finished calls that succeeded, 0–1; null with no finished call. */
  successRate: number | null;
  p50Ms: number | null;
  p95Ms: number | null;
  failuresByClass: { outcome: string; calls: number }[];
}

/** How the relay behaved for calls started since `since`, across all workspaces. */
export async function relayHealth(since: Date): Promise<RelayHealth> {
  const [summary] = await db.$queryRaw<{ calls: number; finished: number; ok: number; p50: number | null; p95: number | null }[]>`
    SELECT count(*)::int AS "calls", count("finishedAt")::int AS "finished",
      (count(*) FILTER (WHERE "outcome" = 'ok'))::int AS "ok",
      percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt" - "startedAt") * 1000) AS "p50",
      percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM "finishedAt" - "startedAt") * 1000) AS "p95"
    FROM "ImageCall" WHERE "startedAt" >= ${since}`;
  const failures = await db.$queryRaw<{ outcome: string; calls: number }[]>`
    SELECT "outcome", count(*)::int AS "calls" FROM "ImageCall"
    WHERE "startedAt" >= ${since} AND "outcome" IS NOT NULL AND "outcome" <> 'ok'
    GROUP BY 1 ORDER BY 2 DESC`;
  const s = summary ?? { calls: 0, finished: 0, ok: 0, p50: null, p95: null };
  return {
    calls: s.calls,
    ok: s.ok,
    successRate: s.finished ? s.ok / s.finished : null,
    p50Ms: s.p50 === null ? null : Math.round(s.p50),
    p95Ms: s.p95 === null ? null : Math.round(s.p95),
    failuresByClass: failures,
  };
}

/** Generations waiting for a worker and running now. */
export async function queueDepth() {
  const [queued, running] = await Promise.all([
    db.generation.count({ where: { status: "QUEUED" } }),
    db.generation.count({ where: { status: "RUNNING" } }),
  ]);
  return { queued, running };
}

export function listSuspendedUsers() {
  return db.user.findMany({ where: { suspendedAt: { not: null } }, orderBy: { suspendedAt: "desc" }, select: { id: true, email: true, name: true, suspendedAt: true } });
}

/** Suspends (or lifts) an account by email; an administrator cannot suspend themselves out of the page. */
export async function setUserSuspended(admin: Viewer, email: string, suspended: boolean): Promise<Outcome> {
  if (email.toLowerCase() === admin.email.toLowerCase()) return refused("workspace.cannotSuspendSelf", undefined, "email");
  const { count } = await db.user.updateMany({ where: { email: { equals: email, mode: "insensitive" } }, data: { suspendedAt: suspended ? new Date() : null } });
  return count === 1 ? done() : refused("workspace.noSuchAccount", undefined, "email");
}

export async function setWorkspaceSuspended(workspaceId: string, suspended: boolean): Promise<Outcome> {
  const { count } = await db.workspace.updateMany({ where: { id: workspaceId }, data: { suspendedAt: suspended ? new Date() : null } });
  return count === 1 ? done() : refused("workspace.workspaceGone");
}

/** Everything /admin shows, as of `now`: workspaces over 30 days, relay health over the last hour and day. */
export async function adminOverview(now = new Date()) {
  const ago = (ms: number) => new Date(now.getTime() - ms);
  const [workspaces, hour, day, queue, suspendedUsers] = await Promise.all([
    listWorkspacesWithUsage(ago(USAGE_DAYS * 86_400_000)),
    relayHealth(ago(3_600_000)),
    relayHealth(ago(86_400_000)),
    queueDepth(),
    listSuspendedUsers(),
  ]);
  return { workspaces, hour, day, queue, suspendedUsers };
}
