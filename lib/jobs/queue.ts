// The job queue: pg-boss in the portal's PostgreSQL (schema "pgboss"), so several portal
// instances share one queue and one set of schedules, and a restart loses nothing. Schedules
// live in the database (pg-boss's cron table): whichever worker is up creates each run once.
import "server-only";
import PgBoss from "pg-boss";
import { JOB_SCHEMA, QUEUES, SCHEDULE_TIME_ZONE, SCHEDULES } from "./queues";

export { JOB_SCHEMA, QUEUES, SCHEDULE_TIME_ZONE, SCHEDULES };

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
    // A failed job stays in the queue a week, where administrators see it and retry it (/quan-tri/tac-vu).
    archiveFailedAfterSeconds: FAILED_KEPT_SECONDS,
  });
}

export const FAILED_KEPT_SECONDS = 7 * 86_400;

type SqlRunner = { $queryRawUnsafe: <T = unknown>(query: string, ...values: unknown[]) => Promise<T> };

/**
 * pg-boss acting through a Prisma transaction (pg-boss's own `db` option), so that a job sent or
 * retried from the portal commits or rolls back with its audit row. Never started: it only runs
 * commands, the workers do the rest.
 */
export function bossIn(tx: SqlRunner): { boss: PgBoss; db: PgBoss.Db } {
  const db: PgBoss.Db = { executeSql: async (text, values) => ({ rows: await tx.$queryRawUnsafe<unknown[]>(text, ...(values ?? [])) }) };
  return { boss: new PgBoss({ db, schema: JOB_SCHEMA }), db };
}

/** Creates the queues and schedules (idempotent: every worker does it at start). */
export async function prepareQueues(boss: PgBoss): Promise<void> {
  for (const name of Object.values(QUEUES)) {
    if (!(await boss.getQueue(name))) await boss.createQueue(name, { name, ...RETRY });
  }
  for (const { queue, cron } of SCHEDULES) await boss.schedule(queue, cron, {}, { tz: SCHEDULE_TIME_ZONE });
}
