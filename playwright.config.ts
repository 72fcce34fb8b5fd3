import { defineConfig } from "@playwright/test";

const port = Number(process.env.E2E_PORT ?? 3100);
// The e2e build has its own directory (listed in tsconfig.json so Next leaves that file alone).
const distDir = ".next-e2e";

// Debian's Chromium: Playwright's own browser download is unreachable from these machines.
const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  // One retry in CI absorbs a machine hiccup; a test that fails twice is a real failure.
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: process.env.CI ? [["list"]] : [["list"], ["html", { open: "never" }]],
  use: {
    baseURL: `http://localhost:${port}`,
    browserName: "chromium",
    headless: true,
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: chromiumArgs },
    trace: "retain-on-failure",
  },
  webServer: {
    // E2E_REUSE_BUILD=1 skips the build when only tests changed since the last one (local reruns).
    command: `${process.env.E2E_REUSE_BUILD ? `test -f ${distDir}/BUILD_ID || ` : ""}npm run build && tsx scripts/e2e-server.ts`,
    env: { NEXT_DIST_DIR: distDir, E2E_PORT: String(port) },
    url: `http://localhost:${port}/`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
  },
});
