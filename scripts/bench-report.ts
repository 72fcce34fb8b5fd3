import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";

/** What the bench's halves share: the captured SQL of timed calls, their plans, and the tables. */

export interface Captured {
  query: string;
  params: string;
}

/**
 * lib/db keeps its client on globalThis (for dev hot reload); putting one there first that reports
 * its SQL lets the printed plans be those of the very queries that were timed.
 */
export function capturingClient(url: string) {
  const captured: Captured[] = [];
  const client = new PrismaClient({
    adapter: new PrismaPg({ connectionString: url }),
    omit: { user: { passwordHash: true } },
    log: [{ emit: "event", level: "query" }],
  });
  client.$on("query", (e) => captured.push({ query: e.query, params: e.params }));
  (globalThis as { atelierDb?: unknown }).atelierDb = client;
  return { client, captured };
}

/** The scan nodes of the query's plan, outermost first, e.g. "Index Scan using …_idx". */
export async function planOf(client: pg.Client, { query, params }: Captured): Promise<string[]> {
  const values = JSON.parse(params) as unknown[];
  const result = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN ${query}`, values);
  return result.rows
    .map((r) => r["QUERY PLAN"].trim().replace(/^->\s*/, ""))
    .filter((line) => /Scan|Join|Sort|Limit|CTE/.test(line) && !/Sort Key/.test(line))
    .map((line) => line.replace(/\s+\(cost=.*$/, "").replace(/ on "?(\w+)"?( \w+)?/, " on $1"));
}

export function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}

export const ms = (n: number) => n.toFixed(1);

export function printTable(head: string[], rows: string[][]) {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 1 || i === 2 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join("  ");
  console.log(line(head));
  console.log(widths.map((w) => "-".repeat(w)).join("  "));
  for (const r of rows) console.log(line(r));
}

