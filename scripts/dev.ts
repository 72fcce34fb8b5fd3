import { spawn } from "node:child_process";
import path from "node:path";
import { root, startServices } from "./services";

/**
 * `npm run dev`: the app with nothing configured. Starts what is missing (see services.ts), then
 * `next dev`; Ctrl-C stops Next, the stand-in and the database, in that order.
 */
async function main() {
  const services = await startServices({
    dataDir: ".data/postgres",
    dbPort: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
    standInPort: Number(process.env.STAND_IN_PORT ?? 4010),
    standInLatencyMs: Number(process.env.STAND_IN_LATENCY_MS ?? 4000),
    standInTtlMs: process.env.STAND_IN_TTL_MS ? Number(process.env.STAND_IN_TTL_MS) : undefined,
    standInFieldModels: process.env.STAND_IN_FIELD_MODELS?.split(",").map((m) => m.trim()).filter((m) => m && m !== "none"),
  });

  const next = spawn(path.join(root, "node_modules/.bin/next"), ["dev", ...process.argv.slice(2)], {
    cwd: root,
    stdio: "inherit",
    env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env, ...services.env },
  });

  let stopping = false;
  const shutdown = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    if (next.exitCode === null) next.kill(signal);
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));

  const code = await new Promise<number>((resolve) => next.on("exit", (c) => resolve(c ?? 0)));
  await services.stop();
  console.log("[atelier] stopped");
  process.exit(code);
}

main().catch((e: unknown) => {
  console.error("[atelier] could not start:", e instanceof Error ? e.message : e);
  process.exit(1);
});
