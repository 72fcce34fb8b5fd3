import { defineConfig } from "prisma/config";

// Prisma 7 does not load .env itself, and env("DATABASE_URL") throws when it is unset, even for
// `prisma generate`. The fallback is the embedded database that scripts/dev.ts starts.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres:postgres@127.0.0.1:54329/atelier",
  },
});
