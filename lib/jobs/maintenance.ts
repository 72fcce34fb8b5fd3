import "server-only";

import { db } from "@/lib/db";

export interface MaintenanceTask {
  name: string;
  intervalMs: number;
  run: () => Promise<unknown>;
}

/**
 * Claims this interval's run of a task for the calling process: true for exactly one caller per
 * interval across every worker, judged by the database's clock (hosts' clocks may disagree).
 */
export async function claimMaintenance(name: string, intervalMs: number): Promise<boolean> {
  const claimed = await db.$queryRawUnsafe<unknown[]>(
    `INSERT INTO "MaintenanceRun" ("name", "lastRunAt") VALUES ($1, now() AT TIME ZONE 'UTC')
     ON CONFLICT ("name") DO UPDATE SET "lastRunAt" = EXCLUDED."lastRunAt"
     WHERE "MaintenanceRun"."lastRunAt" <= EXCLUDED."lastRunAt" - make_interval(secs => $2)
     RETURNING "name"`,
    name,
    // A little short of the interval, so a tick that comes a few ms early still claims its turn.
    Math.max(0, intervalMs * 0.9) / 1000,
  );
  return claimed.length === 1;
}

/**
 * Runs each task once per its interval across all workers: every worker looks four times per
 * interval and the one whose claim succeeds runs it. Resolves a stop function that waits for a
 * run in progress.
 */
export function startMaintenance(tasks: MaintenanceTask[], log: (task: string, error: unknown) => void) {
  const inFlight = new Set<Promise<unknown>>();
  const timers = tasks.map((task) => {
    let busy = false;
    const tick = () => {
      if (busy) return;
      busy = true;
      const run = claimMaintenance(task.name, task.intervalMs)
        .then((mine) => (mine ? task.run() : undefined))
        .catch((error: unknown) => log(task.name, error))
        .finally(() => {
          busy = false;
          inFlight.delete(run);
        });
      inFlight.add(run);
    };
    tick();
    const timer = setInterval(tick, Math.max(50, task.intervalMs / 4));
    timer.unref();
    return timer;
  });
  return async () => {
    timers.forEach(clearInterval);
    await Promise.allSettled(inFlight);
  };
}
