import { readdirSync } from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";

/**
 * What the authorization suite and the fuzz suite both need: the action files and route handlers
 * that exist (so each suite fails when one has no row), and how to call them as Next would.
 */
const root = path.resolve(import.meta.dirname, "../..");

export const actionFiles = readdirSync(path.join(root, "lib/actions"))
  .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "action.ts")
  .map((f) => f.replace(/\.ts$/, ""))
  .sort();

function routeFiles(dir: string, prefix = ""): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) return routeFiles(path.join(dir, entry.name), rel);
    return /^route\.(ts|tsx|js)$/.test(entry.name) ? [prefix] : [];
  });
}
export const routes = routeFiles(path.join(root, "app/api")).sort();

/** sign-in → signInAction: one action per file, named after it. */
export const exportName = (file: string) => `${file.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase())}Action`;

export type ActionFn = (prev: undefined, input: Record<string, unknown>) => Promise<{ ok: boolean; message?: string } | undefined>;
/** A browser sends a body with its Content-Length (the upload route refuses one without). */
export async function asSentByBrowser(
  url: URL,
  method: string,
  body: BodyInit | null | undefined,
  extraHeaders: Record<string, string> = {},
): Promise<NextRequest> {
  if (body === undefined || body === null) return new NextRequest(url, { method, headers: extraHeaders });
  const encoded = new Request(url, { method, body });
  const bytes = await encoded.arrayBuffer();
  const headers = new Headers(encoded.headers);
  for (const [k, v] of Object.entries(extraHeaders)) headers.set(k, v);
  headers.set("content-length", String(bytes.byteLength));
  return new NextRequest(url, { method, body: bytes, headers });
}

export type RouteFn = (request: NextRequest, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

export const importAction = async (file: string) => (await import(path.join(root, "lib/actions", `${file}.ts`))) as Record<string, unknown>;
export const importRoute = async (route: string) => (await import(path.join(root, "app/api", route, "route.ts"))) as Record<string, unknown>;

export interface CallResult {
  ok: boolean;
  /** Why it was refused, as the page gets it: a code, never words. */
  problem?: { code: string; params?: Record<string, string | number> };
  /** Where a redirect sent the caller. */
  redirect?: string;
}

/** The action's answer; a redirect (sign-in, accept-invitation, delete-workspace) is how some succeed. */
export async function call(fn: ActionFn, input: Record<string, unknown>): Promise<CallResult> {
  try {
    const result = await fn(undefined, input);
    return result ?? { ok: true };
  } catch (e) {
    // Next's redirect error carries `NEXT_REDIRECT;<type>;<url>;<status>;` (the URL may hold `;`).
    const digest = typeof e === "object" && e !== null && "digest" in e ? String(e.digest) : "";
    if (digest.startsWith("NEXT_REDIRECT")) return { ok: true, redirect: digest.split(";").slice(2, -2).join(";") };
    throw e;
  }
}
