// What the jobs page (/quan-tri/tac-vu) shows: the portal's queues with their schedules and
// retry settings, how many jobs each holds by state, and the failed jobs with their error.
export type JobState = "created" | "retry" | "active" | "completed" | "cancelled" | "failed";

export type QueueView = {
  name: string;
  /** Cron expression and its time zone, when the queue runs on a schedule. */
  schedule: { cron: string; timeZone: string | null } | null;
  retryLimit: number;
  retryDelaySeconds: number;
  retryBackoff: boolean;
  counts: Partial<Record<JobState, number>>;
};

export type FailedJob = {
  id: string;
  queue: string;
  /** The job's parameters as sent (e.g. the scan's "as of" moment). */
  data: string;
  error: string;
  /** Runs so far: the first and each retry. */
  attempts: number;
  createdAt: Date;
  failedAt: Date | null;
};

export type JobsOverview = {
  /** False until a worker has started once against this database (it creates the queue's tables). */
  ready: boolean;
  queues: QueueView[];
  failed: FailedJob[];
};
