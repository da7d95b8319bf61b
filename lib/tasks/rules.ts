// When a task of a directive is open and when it is overdue, judged on the calendar of Viet Nam.
// Pure functions (no I/O), shared by directives, targets ("commitments"), dashboards and "my work".
import type { TaskStatus } from "@/lib/db/generated/enums";
import { calendarDay, daysBetween } from "@/lib/time";

export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ["NOT_STARTED", "IN_PROGRESS"];

export type TaskTiming = { status: TaskStatus; dueOn: Date | string | null };

/** A task not done nor cancelled is overdue from the day after its due date (Viet Nam time). */
export function isOverdue(task: TaskTiming, today: string): boolean {
  return OPEN_TASK_STATUSES.includes(task.status) && task.dueOn !== null && calendarDay(task.dueOn) < today;
}

/** Whole days past the due date (0 when not overdue). */
export function daysOverdue(task: TaskTiming, today: string): number {
  if (!isOverdue(task, today)) return 0;
  return daysBetween(calendarDay(task.dueOn!), today);
}
