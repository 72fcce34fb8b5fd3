import "server-only";
import type { Viewer } from "@/lib/auth";
import type { WorkspaceAccess } from "@/lib/data/workspaces";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { can } from "@/lib/permissions";

/**
 * Usage read from the call ledger (ImageCall, written by the worker per call to the endpoint):
 * images delivered, calls, failures by class, and spend. Spend is the price recorded at call time
 * for calls charged "yes"; "maybe" (e.g. a timeout after sending) is kept apart, never guessed.
 */
export const USAGE_DAYS = 30;

/** Money per currency, in millionths (a ledger may hold several currencies if prices changed). */
export type Spend = Record<string, number>;

export interface UsageTotals {
  images: number;
  calls: number;
  failures: number;
  spend: Spend;
  maybeSpend: Spend;
}

export interface UsageReport {
  /** Oldest first, one entry per UTC day (zeros included). */
  days: ({ day: string } & UsageTotals)[];
  members: ({ userId: string; name: string } & UsageTotals)[];
  models: ({ model: string } & UsageTotals)[];
  failuresByClass: { outcome: string; calls: number }[];
  totals: UsageTotals;
  /** True when the report holds only the viewer's own calls. */
  ownOnly: boolean;
}

interface LedgerGroup {
  day: string;
  userId: string;
  name: string;
  model: string;
  outcome: string | null;
  charged: "YES" | "NO" | "MAYBE" | null;
  currency: string | null;
  calls: number;
  images: number;
  costMicros: number;
}

const empty = (): UsageTotals => ({ images: 0, calls: 0, failures: 0, spend: {}, maybeSpend: {} });

function add(into: UsageTotals, g: LedgerGroup) {
  into.calls += g.calls;
  into.images += g.images;
  // A call still running has no outcome yet: counted as a call, not as a failure.
  if (g.outcome && g.outcome !== "ok") into.failures += g.calls;
  if (g.currency && g.costMicros) {
    const bucket = g.charged === "YES" ? into.spend : g.charged === "MAYBE" ? into.maybeSpend : null;
    if (bucket) bucket[g.currency] = (bucket[g.currency] ?? 0) + g.costMicros;
  }
}

/** The ledger grouped by day, member, model, outcome and charge; one query, filtered by workspace (and member). */
async function ledgerGroups(where: { workspaceId?: string; userId?: string }, since: Date): Promise<LedgerGroup[]> {
  const filters = [Prisma.sql`c."startedAt" >= ${since}`];
  if (where.workspaceId) filters.push(Prisma.sql`c."workspaceId" = ${where.workspaceId}`);
  if (where.userId) filters.push(Prisma.sql`c."userId" = ${where.userId}`);
  return db.$queryRaw<LedgerGroup[]>`
    SELECT to_char(c."startedAt"::date, 'YYYY-MM-DD') AS "day", c."userId", COALESCE(u."name", u."email") AS "name", c."model",
      c."outcome", c."charged"::text AS "charged", c."currency",
      count(*)::int AS "calls",
      COALESCE(sum(c."imagesReturned") FILTER (WHERE c."outcome" = 'ok'), 0)::int AS "images",
      COALESCE(sum(c."costMicros"), 0)::bigint::float8 AS "costMicros"
    FROM "ImageCall" c JOIN "User" u ON u."id" = c."userId"
    WHERE ${Prisma.join(filters, " AND ")}
    GROUP BY 1, 2, 3, 4, 5, 6, 7`;
}

function lastDays(now: Date): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: USAGE_DAYS }, (_, i) => new Date(today - (USAGE_DAYS - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

function firstDay(now: Date): Date {
  return new Date(`${lastDays(now)[0]}T00:00:00Z`);
}

/**
 * The last 30 days of a workspace: everyone's for those allowed `usage.view.all` (owners,
 * admins), the viewer's own otherwise.
 */
export async function getWorkspaceUsage(viewer: Viewer, workspace: WorkspaceAccess, now = new Date()): Promise<UsageReport> {
  const ownOnly = !can(workspace.role, "usage.view.all");
  const groups = await ledgerGroups({ workspaceId: workspace.id, ...(ownOnly ? { userId: viewer.id } : {}) }, firstDay(now));
  const days = new Map(lastDays(now).map((day) => [day, { day, ...empty() }]));
  const members = new Map<string, { userId: string; name: string } & UsageTotals>();
  const models = new Map<string, { model: string } & UsageTotals>();
  const failures = new Map<string, number>();
  const totals = empty();
  for (const g of groups) {
    const day = days.get(g.day);
    if (day) add(day, g);
    const member = members.get(g.userId) ?? { userId: g.userId, name: g.name, ...empty() };
    members.set(g.userId, member);
    add(member, g);
    const model = models.get(g.model) ?? { model: g.model, ...empty() };
    models.set(g.model, model);
    add(model, g);
    add(totals, g);
    if (g.outcome && g.outcome !== "ok") failures.set(g.outcome, (failures.get(g.outcome) ?? 0) + g.calls);
  }
  const byImages = <T extends UsageTotals>(a: T, b: T) => b.images - a.images || b.calls - a.calls;
  return {
    days: [...days.values()],
    members: [...members.values()].sort(byImages),
    models: [...models.values()].sort(byImages),
    failuresByClass: [...failures.entries()].map(([outcome, calls]) => ({ outcome, calls })).sort((a, b) => b.calls - a.calls),
    totals,
    ownOnly,
  };
}

/** The same ledger, one row per day × member × model, for the CSV export. */
export async function getWorkspaceUsageRows(viewer: Viewer, workspace: WorkspaceAccess, now = new Date()) {
  const ownOnly = !can(workspace.role, "usage.view.all");
  const groups = await ledgerGroups({ workspaceId: workspace.id, ...(ownOnly ? { userId: viewer.id } : {}) }, firstDay(now));
  const rows = new Map<string, { day: string; member: string; model: string } & UsageTotals>();
  for (const g of groups) {
    const key = `${g.day}\u0000${g.userId}\u0000${g.model}`;
    const row = rows.get(key) ?? { day: g.day, member: g.name, model: g.model, ...empty() };
    rows.set(key, row);
    add(row, g);
  }
  return [...rows.values()].sort((a, b) => a.day.localeCompare(b.day) || a.member.localeCompare(b.member) || a.model.localeCompare(b.model));
}

/** Millionths of a currency as a decimal string for CSV ("0.120000"). */
export function microsToDecimal(micros: number): string {
  return (micros / 1_000_000).toFixed(6);
}
