import { spawn } from "node:child_process";
import path from "node:path";
import { root, startServices } from "./services";

/**
 * The app as Playwright sees it: a production build (`next start`) on a throwaway embedded
 * database, with the stand-in endpoint answering at once on a fixed port the specs can reach.
 */
// Everything derives from E2E_PORT so that two runs on one machine (set different E2E_PORTs)
// never share a port, a database directory or a build directory.
export const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_STAND_IN_PORT = E2E_PORT + 1010;
const E2E_PG_PORT = E2E_PORT + 51231;

async function main() {
  const services = await startServices({
    dataDir: `.data/e2e-postgres-${E2E_PORT}`,
    dbPort: E2E_PG_PORT,
    fresh: !process.env.DATABASE_URL,
    standInPort: E2E_STAND_IN_PORT,
    standInLatencyMs: 300,
    standInTtlMs: 5_000,
    // Today's specs expect the ideal contract from the default model; the field profile's specs
    // switch this (see scripts/stand-in/server.ts).
    standInFieldModels: [],
  });
  const next = spawn(path.join(root, "node_modules/.bin/next"), ["start", "-p", String(E2E_PORT)], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      ...services.env,
      APP_URL: `http://localhost:${E2E_PORT}`,
      STORAGE_DIR: path.join(root, `.data/e2e-storage-${E2E_PORT}`),
      NEXT_TELEMETRY_DISABLED: "1",
      // One process, as in dev: `next start` is production, where the worker otherwise runs apart.
      RUN_WORKER_IN_WEB: "true",
      // Short enough that the stand-in's `hang` fault is cut off within a test.
      IMAGE_API_TIMEOUT_MS: "4000",
      // A price, so Create shows money in its estimate (e2e/usage.spec.ts), and instance administrators.
      IMAGE_MODEL_PROFILES: JSON.stringify({ "gpt-image-2-all": { price: { amount: 0.03, currency: "USD", per: "image" } } }),
      // One address per attempt (e2e/usage.spec.ts signs up instance-admin-<retry>), so a retried
      // test never meets the account its first attempt made.
      ADMIN_EMAILS: [0, 1, 2].map((attempt) => `instance-admin-${attempt}@example.test`).join(","),
    },
  });
  const shutdown = () => {
    if (next.exitCode === null) next.kill("SIGTERM");
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  const code = await new Promise<number>((resolve) => next.on("exit", (c) => resolve(c ?? 0)));
  await services.stop();
  process.exit(code);
}

main().catch((e: unknown) => {
  console.error("[e2e] could not start:", e);
  process.exit(1);
});
