import { expect } from "@playwright/test";

/** The stand-in endpoint the e2e server started (scripts/e2e-server.ts), driven over real HTTP. */
export const STAND_IN_URL = `http://127.0.0.1:${Number(process.env.E2E_PORT ?? 3100) + 1010}`;

export interface LedgerEntry {
  path: string;
  headers: Record<string, string>;
  body?: { model?: string; prompt?: string; size?: string; n?: number; image?: string[] };
  fault: string | null;
  status: number | null;
}

export async function ledger(): Promise<LedgerEntry[]> {
  const res = await fetch(`${STAND_IN_URL}/__ledger`);
  expect(res.ok).toBe(true);
  return ((await res.json()) as { entries: LedgerEntry[] }).entries;
}

export async function clearLedger() {
  await fetch(`${STAND_IN_URL}/__ledger`, { method: "DELETE" });
}

export async function queueFault(fault: string, times = 1) {
  const res = await fetch(`${STAND_IN_URL}/__faults`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ fault, times }),
  });
  expect(res.ok, `queue fault ${fault}`).toBe(true);
}

export async function clearFaults() {
  await fetch(`${STAND_IN_URL}/__faults`, { method: "DELETE" });
}

/** Calls made for one prompt (each test uses its own prompt, so runs don't mix). */
export async function callsFor(prompt: string) {
  return (await ledger()).filter((e) => e.body?.prompt === prompt);
}
