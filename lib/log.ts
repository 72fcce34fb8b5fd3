import "server-only";
import pino from "pino";

import { env } from "@/lib/env";

/**
 * The server's structured log: one JSON object per line on stdout, for the platform to collect.
 * Request, generation and job ids ride along through `log.child({ … })` or the logged object.
 * Prompts are other people's words and keys are secrets: both are redacted wherever they appear
 * in a logged object, so only the ids say which generation a line is about.
 */
const REDACT = [
  "prompt",
  "*.prompt",
  "apiKey",
  "*.apiKey",
  "authorization",
  "*.authorization",
  "*.headers.authorization",
  "*.headers.cookie",
  "password",
  "*.password",
  "token",
  "*.token",
];

// Synchronous writes: a worker that logs and then exits must not lose the line.
export function createLogger(destination: pino.DestinationStream = pino.destination({ dest: 1, sync: true })) {
  return pino(
    {
      level: env.LOG_LEVEL,
      base: { service: "atelier", pid: process.pid },
      redact: { paths: REDACT, censor: "[redacted]" },
      // Errors as { type, message, stack } under `err`.
      serializers: { err: pino.stdSerializers.err },
    },
    destination,
  );
}

export const log = createLogger();
