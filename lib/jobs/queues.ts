// The portal's queues and their schedules, as names (no I/O: the jobs page's schema and labels read them).
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

/** "06:00" for a daily cron ("0 6 * * *"); null for any other pattern (the page shows it as written). */
export function dailyTime(cron: string): string | null {
  const match = /^(\d{1,2}) (\d{1,2}) \* \* \*$/.exec(cron.trim());
  if (!match || Number(match[1]) > 59 || Number(match[2]) > 23) return null;
  return `${match[2].padStart(2, "0")}:${match[1].padStart(2, "0")}`;
}
