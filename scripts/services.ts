import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDb } from "./db/embedded";
import { applyMigrations } from "./db/schema-engine";
import { startStandIn, type StandIn } from "./stand-in/server";

/**
 * The local stand-ins for everything external, started only for what is not configured:
 * no DATABASE_URL → embedded Postgres; no IMAGE_API_BASE_URL → the stand-in image endpoint;
 * no AUTH_SECRET → one generated once and kept in .data. Used by `npm run dev` and the e2e server.
 */
export const root = path.resolve(import.meta.dirname, "..");

export interface Services {
  env: Record<string, string>;
  standIn: StandIn | null;
  stop(): Promise<void>;
}

export interface ServiceOptions {
  /** Folder under the repo for the embedded database's files. */
  dataDir: string;
  dbPort: number;
  /** A throwaway database, wiped before start (tests). */
  fresh?: boolean;
  standInPort: number;
  standInLatencyMs: number;
  standInTtlMs?: number;
  /** Models the stand-in answers the field way (scripts/stand-in/server.ts). Default ["gpt-image-2-all"]: dev sees the relay as it really is. */
  standInFieldModels?: string[];
  log?: (line: string) => void;
}

async function persistentSecret(file: string): Promise<string> {
  const existing = await readFile(file, "utf8").catch(() => "");
  if (existing.trim()) return existing.trim();
  const secret = randomBytes(32).toString("base64url");
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, secret, { mode: 0o600 });
  return secret;
}

export async function startServices(opts: ServiceOptions): Promise<Services> {
  const log = opts.log ?? ((line: string) => console.log(`[atelier] ${line}`));
  const env: Record<string, string> = {};
  let db: EmbeddedDb | null = null;
  let standIn: StandIn | null = null;

  const stop = async () => {
    await standIn?.close().catch(() => {});
    await db?.stop().catch(() => {});
  };

  try {
    let databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      const dataDir = path.join(root, opts.dataDir);
      if (opts.fresh && existsSync(dataDir)) await rm(dataDir, { recursive: true, force: true });
      const t0 = Date.now();
      db = await startEmbeddedPostgres({ dataDir, port: opts.dbPort, database: "atelier" });
      databaseUrl = db.url;
      log(`embedded PostgreSQL on port ${opts.dbPort} (${opts.dataDir}) in ${Date.now() - t0} ms`);
    } else {
      log("using DATABASE_URL");
    }
    env.DATABASE_URL = databaseUrl;
    const applied = await applyMigrations(databaseUrl);
    log(applied.length ? `migrations applied: ${applied.join(", ")}` : "database schema is up to date");

    if (!process.env.IMAGE_API_BASE_URL) {
      standIn = await startStandIn({
        port: opts.standInPort,
        latencyMs: opts.standInLatencyMs,
        ttlMs: opts.standInTtlMs,
        fieldModels: opts.standInFieldModels ?? ["gpt-image-2-all"],
      });
      env.IMAGE_API_BASE_URL = standIn.url;
      env.IMAGE_API_KEY = standIn.apiKey;
      log(`stand-in image endpoint at ${standIn.url} (latency ${opts.standInLatencyMs} ms; field behaviour for ${opts.standInFieldModels?.join(", ") || "gpt-image-2-all"})`);
    }

    if (!process.env.AUTH_SECRET) {
      env.AUTH_SECRET = await persistentSecret(path.join(root, ".data/auth-secret"));
    }
  } catch (e) {
    await stop();
    throw e;
  }
  return { env, standIn, stop };
}
