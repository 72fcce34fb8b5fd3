import { type ChildProcess, spawn } from "node:child_process";
import { cp, mkdir, rm } from "node:fs/promises";
import path from "node:path";

import { startTestS3, type TestS3 } from "../lib/storage/testing/s3-server";
import { root, type Services, startServices } from "./services";

/**
 * The production shape for e2e/multi-process.spec.ts, on its own ports beside the main e2e server:
 * one PostgreSQL, one S3-compatible server (s3rver), two standalone web servers
 * (`node <distDir>/standalone/server.js`, no jobs in them) and separate worker processes, all
 * sharing the one production build the main e2e run made (.next-e2e). Ports derive from E2E_PORT.
 */
const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const DIST_DIR = ".next-e2e";
export const PORTS = {
  webA: E2E_PORT + 30,
  webB: E2E_PORT + 31,
  s3: E2E_PORT + 32,
  standIn: E2E_PORT + 33,
  pg: E2E_PORT + 51261,
};
/** The worker's SIGTERM grace and the stale window, short so the spec is quick. */
export const WINDOWS = { graceSec: 30, staleSec: 3 };
/** Every answer of this stand-in takes this long: a generation is mid-flight long enough to signal. */
export const STAND_IN_LATENCY_MS = 3_000;

export interface Cluster {
  webA: string;
  webB: string;
  databaseUrl: string;
  s3: TestS3;
  /** The STORAGE_DIR every process is given: nothing may ever be written there. */
  localStorageDir: string;
  startWorker(): ChildProcess;
  stop(): Promise<void>;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: the server exited with ${child.exitCode}`);
    const ok = await fetch(url).then(
      (r) => r.status < 500,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

export async function startCluster(): Promise<Cluster> {
  const standalone = path.join(root, DIST_DIR, "standalone");
  // The standalone server leaves static files to a CDN or the image; copy them in, as the Dockerfile does.
  await cp(path.join(root, DIST_DIR, "static"), path.join(standalone, DIST_DIR, "static"), { recursive: true });
  await cp(path.join(root, "public"), path.join(standalone, "public"), { recursive: true });

  const localStorageDir = path.join(root, `.data/e2e-cluster-local-${E2E_PORT}`);
  await rm(localStorageDir, { recursive: true, force: true });
  const s3Dir = path.join(root, `.data/e2e-cluster-s3-${E2E_PORT}`);
  await rm(s3Dir, { recursive: true, force: true });
  await mkdir(s3Dir, { recursive: true });

  const children = new Set<ChildProcess>();
  let services: Services | undefined;
  let s3: TestS3 | undefined;
  const stop = async () => {
    await Promise.all(
      [...children].map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once("exit", () => resolve());
            child.kill("SIGKILL");
          }),
      ),
    );
    await s3?.close().catch(() => undefined);
    await services?.stop();
  };

  try {
    services = await startServices({
      dataDir: `.data/e2e-cluster-postgres-${E2E_PORT}`,
      dbPort: PORTS.pg,
      fresh: true,
      standInPort: PORTS.standIn,
      standInLatencyMs: STAND_IN_LATENCY_MS,
      log: () => undefined,
    });
    s3 = await startTestS3({ port: PORTS.s3, bucket: "atelier-e2e", directory: s3Dir });
    const common: NodeJS.ProcessEnv = {
      ...process.env,
      ...services.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      STORAGE_DIR: localStorageDir,
      S3_BUCKET: s3.options.bucket,
      S3_ENDPOINT: s3.endpoint,
      S3_ACCESS_KEY_ID: "S3RVER",
      S3_SECRET_ACCESS_KEY: "S3RVER",
      S3_FORCE_PATH_STYLE: "true",
      RUN_WORKER_IN_WEB: "false",
      WORKER_SHUTDOWN_GRACE_SEC: String(WINDOWS.graceSec),
      GENERATION_STALE_AFTER_SEC: String(WINDOWS.staleSec),
      RECOVERY_SWEEP_INTERVAL_SEC: "1",
      IMAGE_API_TIMEOUT_MS: "120000",
    };
    const launch = (args: string[], env: Record<string, string>, name: string) => {
      const child: ChildProcess = spawn(process.execPath, args, {
        cwd: root,
        env: { ...common, ...env },
        stdio: ["ignore", "pipe", "pipe"] as const,
      });
      const prefix = (chunk: Buffer) =>
        chunk
          .toString()
          .split("\n")
          .filter(Boolean)
          .map((line) => `[${name}] ${line}\n`)
          .join("");
      child.stdout?.on("data", (c: Buffer) => process.stdout.write(prefix(c)));
      child.stderr?.on("data", (c: Buffer) => process.stderr.write(prefix(c)));
      children.add(child);
      child.once("exit", () => children.delete(child));
      return child;
    };

    const web = async (port: number, name: string) => {
      const url = `http://localhost:${port}`;
      const child = launch([path.join(standalone, "server.js")], { PORT: String(port), HOSTNAME: "127.0.0.1", APP_URL: url }, name);
      await waitForHttp(`${url}/`, child);
      return url;
    };
    const [webA, webB] = await Promise.all([web(PORTS.webA, "web-a"), web(PORTS.webB, "web-b")]);

    let workers = 0;
    // `node --import tsx` rather than the tsx CLI: one process, so a signal reaches the worker itself.
    const startWorker = () =>
      launch(["--import", "tsx", "--conditions=react-server", path.join(root, "scripts/worker.ts")], {}, `worker-${++workers}`);

    return { webA, webB, databaseUrl: services.env.DATABASE_URL!, s3, localStorageDir, startWorker, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
