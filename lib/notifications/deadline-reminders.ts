// Which reminder a deadline is due for: the rule of the deadline scanner, without I/O.
// Days are counted on Viet Nam's calendar (lib/time.ts). A scan that runs late (a stopped worker,
// a holiday) sends only the most urgent reminder reached, never a burst of the ones it missed;
// the notification table's unique (user, subject, threshold) makes each one happen once.
import { daysBetween, vietnamToday } from "@/lib/time";

export type Threshold = "d7" | "d3" | "d1" | "passed";

/** Self-scoring: 7, 3 and 1 days before, then passed. Tasks: 3 days before, then overdue. */
export const SELF_SCORING_THRESHOLDS = [7, 3, 1] as const;
export const TASK_THRESHOLDS = [3] as const;

/**
 * The reminder `deadline` is due for at `now`, or null when none is (too early).
 * `deadline` is an instant (self-scoring: the end of its day in Viet Nam); `daysBefore` lists the
 * reminders before it, largest first.
 */
export function reminderDue(deadline: Date, now: Date, daysBefore: readonly number[]): Threshold | null {
  if (now.getTime() > deadline.getTime()) return "passed";
  const daysLeft = daysBetween(vietnamToday(now), vietnamToday(deadline));
  let due: Threshold | null = null;
  for (const days of daysBefore) if (daysLeft <= days) due = `d${days}` as Threshold;
  return due;
}

/** A self-scoring reminder concerns an assessment still being scored in a period still open for it. */
export function awaitsSelfScoring(periodStatus: string, assessmentStatus: string): boolean {
  return periodStatus === "SELF_SCORING" && assessmentStatus === "DRAFT";
}

/** A task reminder concerns a task not done and not cancelled. */
export function taskIsOpen(status: string): boolean {
  return status === "NOT_STARTED" || status === "IN_PROGRESS";
}
