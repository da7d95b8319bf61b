// The job queue: pg-boss in the portal's PostgreSQL (schema "pgboss"), so several portal
// instances share one queue and one set of schedules, and a restart loses nothing. Schedules
// live in the database (pg-boss's cron table): whichever worker is up creates each run once.
import "server-only";
import PgBoss from "pg-boss";

export const JOB_SCHEMA = "pgboss";
export const QUEUES = {
  /** The deadline scan; data `{ at?: ISO instant }` scans as of that moment (tests, "as of"). */
  deadlineScan: "deadline-scan",
  /** The daily digest mail. */
  dailyDigest: "daily-digest",
} as const;

/** 07:00 and 06:00 in Viet Nam: the scan runs before the digest that carries its reminders. */
export const SCHEDULES = [
  { queue: QUEUES.deadlineScan, cron: "0 6 * * *" },
  { queue: QUEUES.dailyDigest, cron: "0 7 * * *" },
] as const;
export const SCHEDULE_TIME_ZONE = "Asia/Ho_Chi_Minh";

/** Retries with backoff (30 s, 1, 2, 4 minutes), then the job is failed and shown to administrators. */
const RETRY = { retryLimit: 4, retryDelay: 30, retryBackoff: true, expireInSeconds: 15 * 60 } as const;

export function createBoss(connectionString: string, options: { worker: boolean }): PgBoss {
  return new PgBoss({
    connectionString,
    schema: JOB_SCHEMA,
    max: options.worker ? 4 : 2,
    // Only workers maintain the queue and run the schedules; a web process only sends and retries jobs.
    supervise: options.worker,
    schedule: options.worker,
    migrate: true,
  });
}

/** Creates the queues and schedules (idempotent: every worker does it at start). */
export async function prepareQueues(boss: PgBoss): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...RETRY });
  }
  for (const { queue, cron } of SCHEDULES) await boss.schedule(queue, cron, {}, { tz: SCHEDULE_TIME_ZONE });
}
