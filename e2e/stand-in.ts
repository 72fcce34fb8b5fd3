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

/**
 * Calls made for one prompt (each test uses its own prompt, so runs don't mix). The sent prompt
 * may carry the shape hint after the person's words, so it matches by its start.
 */
export async function callsFor(prompt: string) {
  return (await ledger()).filter((e) => e.body?.prompt?.startsWith(prompt));
}

/** Which models the stand-in answers the way field relays do (ignoring n and size, their errors). */
export async function setFieldModels(fieldModels: string[]) {
  const res = await fetch(`${STAND_IN_URL}/__field-models`, {
    method: "PUT",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ fieldModels }),
  });
  expect(res.ok, "set field models").toBe(true);
}

/**
 * Resolves once every result URL the stand-in has handed out so far answers 410. They all live
 * the same time (the e2e server's ttl), so a URL minted now expires after all earlier ones: poll
 * that one.
 */
export async function waitForRelayUrlsToExpire() {
  const res = await fetch(`${STAND_IN_URL}/v1/images/generations`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: "Bearer stand-in-key" },
    body: JSON.stringify({ model: "gpt-image-2-all", prompt: "expiry probe", size: "1024x1024", n: 1 }),
  });
  expect(res.ok, "mint a probe URL").toBe(true);
  const { data } = (await res.json()) as { data: { url: string }[] };
  await expect.poll(async () => (await fetch(data[0]!.url)).status, { timeout: 30_000, intervals: [250] }).toBe(410);
}
