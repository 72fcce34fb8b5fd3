import "server-only";
import { db } from "@/lib/db";

export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

export type RateLimitOutcome = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Prisma stores DateTime as UTC in `timestamp` columns, so "now" is written the same way here.
 *
 * Counts one attempt under `key` and says whether it is within `limit` per window. One statement,
 * so concurrent attempts cannot both take the last slot; a window that has passed starts over.
 */
export async function consumeAttempt(key: string, rule: RateLimitRule): Promise<RateLimitOutcome> {
  const windowSeconds = rule.windowMs / 1000;
  const [row] = await db.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "windowStart", "count")
    VALUES (${key}, (now() AT TIME ZONE 'UTC'), 1)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${windowSeconds})
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" < (now() AT TIME ZONE 'UTC') - make_interval(secs => ${windowSeconds})
                           THEN (now() AT TIME ZONE 'UTC') ELSE "RateLimit"."windowStart" END
    RETURNING "count", "windowStart"`;
  if (!row || row.count <= rule.limit) return { allowed: true };
  return { allowed: false, retryAfterMs: Math.max(0, row.windowStart.getTime() + rule.windowMs - Date.now()) };
}

/** Forgets the attempts under `key` (after a successful sign-in, say). */
export async function clearAttempts(key: string): Promise<void> {
  await db.rateLimit.deleteMany({ where: { key } });
}

/** Takes back one counted attempt (one that turned out fine), so a limit counts only failures. */
export async function refundAttempt(key: string): Promise<void> {
  await db.rateLimit.updateMany({ where: { key, count: { gt: 0 } }, data: { count: { decrement: 1 } } });
}
