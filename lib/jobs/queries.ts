// The job queue as administrators read it (/quan-tri/tac-vu), straight from pg-boss's tables:
// queues, schedules, counts by state and the failed jobs (kept a week, see queue.ts).
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { authorizeOwnProvince } from "@/lib/auth/reach";
import { db } from "@/lib/db/client";
import { JOB_SCHEMA, QUEUES } from "./queues";
import type { FailedJob, JobState, JobsOverview } from "./types";

export const FAILED_JOBS_SHOWN = 100;
const PORTAL_QUEUES: string[] = Object.values(QUEUES);

/** The message of a failed job's output (pg-boss stores the thrown error, serialized). */
export function jobError(output: unknown): string {
  if (output && typeof output === "object") {
    const { message, value } = output as { message?: unknown; value?: unknown };
    if (typeof message === "string" && message) return message;
    if (value !== undefined) return String(value);
  }
  return output === null || output === undefined ? "" : JSON.stringify(output);
}

export async function jobsOverview(actor: Actor | null): Promise<JobsOverview> {
  authorizeOwnProvince(actor, "jobs.manage");
  const [{ ready }] = await db.$queryRawUnsafe<{ ready: boolean }[]>(`SELECT to_regclass('${JOB_SCHEMA}.job') IS NOT NULL AS ready`);
  if (!ready) return { ready: false, queues: [], failed: [] };
  const [queues, schedules, counts, failed] = await Promise.all([
    db.$queryRawUnsafe<{ name: string; retry_limit: number; retry_delay: number; retry_backoff: boolean }[]>(
      `SELECT name, retry_limit, retry_delay, retry_backoff FROM ${JOB_SCHEMA}.queue WHERE name = ANY($1::text[]) ORDER BY name`,
      PORTAL_QUEUES,
    ),
    db.$queryRawUnsafe<{ name: string; cron: string; timezone: string | null }[]>(`SELECT name, cron, timezone FROM ${JOB_SCHEMA}.schedule`),
    db.$queryRawUnsafe<{ name: string; state: JobState; size: number }[]>(
      `SELECT name, state::text AS state, count(*)::int AS size FROM ${JOB_SCHEMA}.job WHERE name = ANY($1::text[]) GROUP BY name, state`,
      PORTAL_QUEUES,
    ),
    db.$queryRawUnsafe<{ id: string; name: string; data: unknown; output: unknown; retry_count: number; created_on: Date; completed_on: Date | null }[]>(
      `SELECT id::text AS id, name, data, output, retry_count, created_on, completed_on FROM ${JOB_SCHEMA}.job
        WHERE name = ANY($1::text[]) AND state = 'failed' ORDER BY completed_on DESC NULLS LAST LIMIT ${FAILED_JOBS_SHOWN}`,
      PORTAL_QUEUES,
    ),
  ]);
  return {
    ready: true,
    queues: queues.map((q) => {
      const schedule = schedules.find((s) => s.name === q.name);
      return {
        name: q.name,
        schedule: schedule ? { cron: schedule.cron, timeZone: schedule.timezone } : null,
        retryLimit: q.retry_limit,
        retryDelaySeconds: q.retry_delay,
        retryBackoff: q.retry_backoff,
        counts: Object.fromEntries(counts.filter((c) => c.name === q.name).map((c) => [c.state, c.size])),
      };
    }),
    failed: failed.map(
      (j): FailedJob => ({
        id: j.id,
        queue: j.name,
        data: j.data && Object.keys(j.data).length > 0 ? JSON.stringify(j.data) : "",
        error: jobError(j.output),
        attempts: j.retry_count + 1,
        createdAt: j.created_on,
        failedAt: j.completed_on,
      }),
    ),
  };
}
