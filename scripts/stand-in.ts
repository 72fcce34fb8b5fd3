/**
 * The stand-in image endpoint on its own: `npx tsx scripts/stand-in.ts`.
 * Reads only its own STAND_IN_* variables, since it is a dev tool and not part of the app.
 */
import { z } from "zod";
import { startStandIn } from "./stand-in/server";

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const config = z
  .object({
    STAND_IN_PORT: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(65535).default(4010)),
    STAND_IN_HOST: z.preprocess(blankToUndefined, z.string().default("127.0.0.1")),
    STAND_IN_API_KEY: z.preprocess(blankToUndefined, z.string().default("stand-in-key")),
    STAND_IN_LATENCY_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).default(3000)),
    STAND_IN_TTL_MS: z.preprocess(blankToUndefined, z.coerce.number().int().positive().default(10 * 60_000)),
    STAND_IN_MAX_N: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).default(4)),
    STAND_IN_MODELS: z.preprocess(blankToUndefined, z.string().default("")),
    // Comma-separated; "none" for an all-ideal stand-in.
    STAND_IN_FIELD_MODELS: z.preprocess(blankToUndefined, z.string().default("gpt-image-2-all")),
    STAND_IN_FIELD_LATENCY_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).optional()),
  })
  .parse(process.env);

const standIn = await startStandIn({
  port: config.STAND_IN_PORT,
  host: config.STAND_IN_HOST,
  apiKey: config.STAND_IN_API_KEY,
  latencyMs: config.STAND_IN_LATENCY_MS,
  ttlMs: config.STAND_IN_TTL_MS,
  maxN: config.STAND_IN_MAX_N,
  models: list(config.STAND_IN_MODELS),
  fieldModels: config.STAND_IN_FIELD_MODELS === "none" ? [] : list(config.STAND_IN_FIELD_MODELS),
  fieldLatencyMs: config.STAND_IN_FIELD_LATENCY_MS,
});

function list(value: string): string[] {
  return value.split(",").map((m) => m.trim()).filter(Boolean);
}

console.log(`stand-in image endpoint on ${standIn.url} (latency ${config.STAND_IN_LATENCY_MS} ms; field models: ${config.STAND_IN_FIELD_MODELS})`);

let stopping = false;
async function stop(signal: NodeJS.Signals): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`stand-in: ${signal}, closing`);
  await standIn.close();
  process.exit(0);
}
process.on("SIGINT", (signal) => void stop(signal));
process.on("SIGTERM", (signal) => void stop(signal));
