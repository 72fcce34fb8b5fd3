import "server-only";
import { z } from "zod";
import { MAX_IMAGES_PER_GENERATION } from "@/lib/validations/generation";

import { modelProfilesSetting } from "./image-api/profile-config";

/**
 * Every environment variable the app reads, parsed once. Nothing else reads process.env.
 * Defaults are the zero-configuration dev setup (embedded Postgres, local storage, the stand-in
 * image endpoint that scripts/dev.ts starts); see .env.example for each variable.
 */
const emptyToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const optionalString = z.preprocess(emptyToUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyToUndefined, z.url().optional());
const flag = (fallback: boolean) =>
  z.preprocess(emptyToUndefined, z.enum(["true", "false"]).default(fallback ? "true" : "false")).transform((v) => v === "true");

const schema = z
  .object({
    NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
    DATABASE_URL: z.preprocess(
      emptyToUndefined,
      z.string().default("postgresql://postgres:postgres@127.0.0.1:54329/atelier"),
    ),
    // Connections per process: Prisma's pool and the queue's (README "Deploy": the budget).
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(5),
    QUEUE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(2),
    LOG_LEVEL: z.preprocess(emptyToUndefined, z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info")),
    // Bearer token for GET /api/metrics (Prometheus); unset, the route answers 404.
    METRICS_TOKEN: optionalString,
    // A worker serves the same metrics on this port (/metrics, same token) when set.
    WORKER_METRICS_PORT: z.preprocess(emptyToUndefined, z.coerce.number().int().min(1).max(65535).optional()),
    APP_URL: z.preprocess(emptyToUndefined, z.url().default("http://localhost:3000")),
    // How many reverse proxies in front of the app append to X-Forwarded-For (0: none). Decides
    // which entry is the client's address for sign-in rate limits (lib/http/client-address.ts).
    TRUST_PROXY: z.coerce.number().int().min(0).max(10).default(0),
    AUTH_SECRET: optionalString,
    AUTH_GITHUB_ID: optionalString,
    AUTH_GITHUB_SECRET: optionalString,
    AUTH_GOOGLE_ID: optionalString,
    AUTH_GOOGLE_SECRET: optionalString,

    IMAGE_API_BASE_URL: optionalUrl,
    IMAGE_API_KEY: optionalString,
    IMAGE_MODEL: z.preprocess(emptyToUndefined, z.string().default("gpt-image-2-all")),
    IMAGE_MODELS: z.preprocess(emptyToUndefined, z.string().optional()),
    IMAGE_API_TIMEOUT_MS: z.coerce.number().int().positive().default(360_000),
    IMAGE_API_MAX_RETRIES: z.coerce.number().int().min(0).max(5).default(2),
    // A deployment may offer fewer images per generation than the form schema allows, never more.
    IMAGE_MAX_N: z.coerce.number().int().min(1).max(MAX_IMAGES_PER_GENERATION).default(MAX_IMAGES_PER_GENERATION),
    IMAGE_MODEL_PROFILES: modelProfilesSetting,

    STORAGE_DIR: z.preprocess(emptyToUndefined, z.string().default(".data/storage")),
    PUBLIC_ASSET_BASE_URL: optionalUrl,
    UPLOADTHING_TOKEN: optionalString,
    S3_BUCKET: optionalString,
    S3_REGION: z.preprocess(emptyToUndefined, z.string().default("us-east-1")),
    S3_ENDPOINT: optionalUrl,
    S3_PUBLIC_ENDPOINT: optionalUrl,
    S3_ACCESS_KEY_ID: optionalString,
    S3_SECRET_ACCESS_KEY: optionalString,
    S3_FORCE_PATH_STYLE: flag(false),
    S3_PUBLIC_BASE_URL: optionalUrl,

    WORKSPACE_DAILY_QUOTA: z.coerce.number().int().min(1).default(200),
    // Instance administrators (comma-separated emails): /admin, usage of every workspace, suspensions.
    ADMIN_EMAILS: z.preprocess(emptyToUndefined, z.string().optional()),
    // How long POST /api/v1/images/generations holds the connection before answering with an id to poll.
    API_WAIT_MS: z.coerce.number().int().min(0).max(900_000).default(300_000),
    // Generations one worker process runs at once: they mostly wait on the relay, so many fit.
    WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(128),
    // Calls in flight to the relay across every worker (shared through Postgres).
    RELAY_MAX_IN_FLIGHT: z.coerce.number().int().min(1).max(10_000).default(200),
    // Unset: true in development (one process), false in production (run `npm run worker`).
    RUN_WORKER_IN_WEB: z.preprocess(emptyToUndefined, z.enum(["true", "false"]).optional()),
    WORKER_SHUTDOWN_GRACE_SEC: z.coerce.number().int().min(0).default(600),
    GENERATION_STALE_AFTER_SEC: z.coerce.number().int().min(1).default(90),
    RECOVERY_SWEEP_INTERVAL_SEC: z.coerce.number().positive().default(60),
    STORAGE_SWEEP_INTERVAL_SEC: z.coerce.number().positive().default(3600),
    STORAGE_SWEEP_GRACE_SEC: z.coerce.number().int().min(0).default(86_400),
  })
  .transform(({ RUN_WORKER_IN_WEB, ...v }) => ({
    ...v,
    RUN_WORKER_IN_WEB: RUN_WORKER_IN_WEB ? RUN_WORKER_IN_WEB === "true" : v.NODE_ENV !== "production",
  }))
  .superRefine((v, ctx) => {
    if (v.NODE_ENV === "production" && !v.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is required in production" });
    }
    if (Boolean(v.S3_ACCESS_KEY_ID) !== Boolean(v.S3_SECRET_ACCESS_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["S3_SECRET_ACCESS_KEY"],
        message: "S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together",
      });
    }
    if (v.S3_BUCKET && v.UPLOADTHING_TOKEN) {
      ctx.addIssue({ code: "custom", path: ["S3_BUCKET"], message: "set S3_BUCKET or UPLOADTHING_TOKEN, not both" });
    }
    if (Boolean(v.IMAGE_API_BASE_URL) !== Boolean(v.IMAGE_API_KEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["IMAGE_API_KEY"],
        message: "IMAGE_API_BASE_URL and IMAGE_API_KEY must be set together",
      });
    }
  });

export type Env = z.infer<typeof schema>;

function parse(): Env {
  // `next build` evaluates server modules to collect page data; secrets belong to run time only.
  const building = process.env.NEXT_PHASE === "phase-production-build";
  const result = schema.safeParse(building ? { ...process.env, AUTH_SECRET: "build-time-placeholder" } : process.env);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid environment configuration:\n${lines}`);
  }
  return result.data;
}

export const env: Env = parse();

/** Models offered in the Create form: IMAGE_MODELS (comma-separated) or just IMAGE_MODEL. */
export function imageModels(e: Env = env): string[] {
  const list = (e.IMAGE_MODELS ?? "")
    .split(",")
    .map((m) => m.trim())
    .filter(Boolean);
  return list.length > 0 ? Array.from(new Set([e.IMAGE_MODEL, ...list])) : [e.IMAGE_MODEL];
}

/** Instance administrators, lower-cased. */
export function adminEmails(e: Env = env): Set<string> {
  return new Set((e.ADMIN_EMAILS ?? "").split(",").map((m) => m.trim().toLowerCase()).filter(Boolean));
}
