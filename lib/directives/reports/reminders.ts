// Which periodic reports the deadline scan reminds of (issue 15), without I/O: a report is due at
// the end of its period (the day lib/directives/rules.ts expects it from), so an agency that has not
// sent it is reminded 3 days before and once the period has ended; Home Affairs staff get one
// summary of the agencies missing per directive and period. The notification table's unique
// (user, subject, threshold) makes each one happen once.
import { reminderDue, type Threshold } from "@/lib/notifications/deadline-reminders";
import { OPEN_TASK_STATUSES } from "@/lib/tasks/rules";
import { endOfVietnamDay } from "@/lib/time";
import type { TaskStatus } from "@/lib/db/generated/enums";
import { directivePeriods, type ReportingPeriod, reportingAgencies } from "../rules";

export const REPORT_THRESHOLDS = [3] as const;
/**
 * Overdue reports are reminded of while their period ended less than this many days ago: older
 * debts are on the compiled-report page, not a flood of mail on a portal's first scan (nor after a
 * worker stopped for a month).
 */
export const REPORT_OVERDUE_WINDOW_DAYS = 30;

type Agency = { id: number; name: string };

export type ReportingDirective = {
  reporting: readonly string[];
  years: readonly number[];
  tasks: readonly { status: string; leadAgency: Agency | null; coAgencies: readonly { agency: Agency }[] }[];
  targets: readonly { agency: Agency | null }[];
  reports: readonly { agencyId: number; period: string }[];
};

export type ReportReminder = { agency: Agency; period: ReportingPeriod; deadline: Date; threshold: Threshold };

/** A directive whose tasks are all done or cancelled is closed: nobody reports on it any more. */
export function closedForReporting(tasks: readonly { status: string }[]): boolean {
  return tasks.length > 0 && tasks.every((task) => !OPEN_TASK_STATUSES.includes(task.status as TaskStatus));
}

/** The report a period is due on: the end of its last day in Viet Nam. */
export function reportDeadline(period: Pick<ReportingPeriod, "end">): Date {
  return endOfVietnamDay(period.end);
}

/**
 * The reminders due at `now` for one directive: each reporting agency (lib/directives/rules.ts's
 * `reportingAgencies`: live tasks and targets) without its report for a period ending in 3 days or
 * ended within the window. Nothing for a closed directive.
 */
export function reportReminders(directive: ReportingDirective, now: Date): ReportReminder[] {
  if (closedForReporting(directive.tasks)) return [];
  const sent = new Set(directive.reports.map((r) => `${r.agencyId}|${r.period}`));
  const agencies = reportingAgencies(directive);
  return directivePeriods(directive.reporting, directive.years).flatMap((period) => {
    const deadline = reportDeadline(period);
    const threshold = reminderDue(deadline, now, REPORT_THRESHOLDS);
    if (!threshold) return [];
    if (threshold === "passed" && now.getTime() - deadline.getTime() > REPORT_OVERDUE_WINDOW_DAYS * 86_400_000) return [];
    return agencies.filter((agency) => !sent.has(`${agency.id}|${period.key}`)).map((agency) => ({ agency, period, deadline, threshold }));
  });
}

/** Home Affairs' summary: per period whose deadline has passed, the agencies still missing, by name. */
export function missingReports(reminders: readonly ReportReminder[]): { period: ReportingPeriod; deadline: Date; agencies: string[] }[] {
  const byPeriod = new Map<string, { period: ReportingPeriod; deadline: Date; agencies: string[] }>();
  for (const r of reminders) {
    if (r.threshold !== "passed") continue;
    const entry = byPeriod.get(r.period.key) ?? { period: r.period, deadline: r.deadline, agencies: [] };
    entry.agencies.push(r.agency.name);
    byPeriod.set(r.period.key, entry);
  }
  return [...byPeriod.values()];
}
