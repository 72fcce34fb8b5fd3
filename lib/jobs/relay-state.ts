import "server-only";

import { db } from "@/lib/db";

// The shared backoff: one RelayState row per relay, read by every worker's permit (calls.ts).
// Times are the database's clock, in UTC without a zone as Prisma writes DateTime columns.

const STRAIN_STREAK = 3;
const BACKOFF_BASE_MS = 5_000;
const BACKOFF_MAX_MS = 120_000;

/**
 * After STRAIN_STREAK rate limits or server errors in a row from the relay, every worker waits
 * (doubling up to two minutes, or the relay's Retry-After when longer); one good answer ends it.
 * One statement each way, so concurrent workers cannot lose a count.
 */
export async function noteRelayOutcome(relay: string, strained: boolean, retryAfterMs?: number): Promise<void> {
  if (!strained) {
    await db.relayState.updateMany({ where: { relay, failStreak: { gt: 0 } }, data: { failStreak: 0, backoffUntil: null } });
    return;
  }
  const hintMs = Math.min(retryAfterMs ?? 0, BACKOFF_MAX_MS);
  await db.$executeRaw`
    INSERT INTO "RelayState" ("relay", "failStreak", "backoffUntil", "updatedAt")
    VALUES (${relay}, 1, NULL, now() AT TIME ZONE 'UTC')
    ON CONFLICT ("relay") DO UPDATE SET
      "failStreak" = "RelayState"."failStreak" + 1,
      "backoffUntil" = CASE WHEN "RelayState"."failStreak" + 1 >= ${STRAIN_STREAK}
        THEN (now() AT TIME ZONE 'UTC') + make_interval(secs => GREATEST(${hintMs}::float8,
          LEAST(${BACKOFF_MAX_MS}::float8, ${BACKOFF_BASE_MS}::float8 * power(2, "RelayState"."failStreak" + 1 - ${STRAIN_STREAK}))) / 1000)
        ELSE "RelayState"."backoffUntil" END,
      "updatedAt" = now() AT TIME ZONE 'UTC'`;
}

/** When the relay's shared backoff ends, or null when calls may go out (by the database's clock). */
export async function relayBackoffUntil(relay: string): Promise<Date | null> {
  const [row] = await db.$queryRaw<{ until: Date }[]>`
    SELECT "backoffUntil" AS until FROM "RelayState"
    WHERE "relay" = ${relay} AND "backoffUntil" > (now() AT TIME ZONE 'UTC')`;
  return row?.until ?? null;
}
