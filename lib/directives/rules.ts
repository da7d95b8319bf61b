// The rules of directives as pure functions (no I/O): which reports a directive requires in a
// year, who has not reported, and the overall status a directive is filtered by (its tasks' timing
// is lib/tasks/rules.ts).
import { isOverdue, OPEN_TASK_STATUSES, type TaskTiming } from "@/lib/tasks/rules";
import { compareVietnamese } from "@/lib/format";
import { libTranslator } from "@/lib/i18n/lib-translator";
import type { TargetStatus } from "@/lib/targets/evaluate";
import { REPORTING_KINDS, type ReportingKind } from "./labels";

export type DirectiveProgress = "no_tasks" | "overdue" | "in_progress" | "done";

/** Overdue as soon as one task is; done when every task is done or cancelled. */
export function directiveProgress(tasks: readonly TaskTiming[], today: string): DirectiveProgress {
  if (tasks.length === 0) return "no_tasks";
  if (tasks.some((task) => isOverdue(task, today))) return "overdue";
  if (tasks.every((task) => !OPEN_TASK_STATUSES.includes(task.status))) return "done";
  return "in_progress";
}

export type TargetsOverall = "none" | "missed" | "at_risk" | "pending" | "met";

/** The worst status wins: missed, then at risk, then not yet known; met only when all are. */
export function targetsOverall(statuses: readonly TargetStatus[]): TargetsOverall {
  if (statuses.length === 0) return "none";
  if (statuses.includes("missed")) return "missed";
  if (statuses.includes("at_risk")) return "at_risk";
  if (statuses.includes("not_yet_known")) return "pending";
  return "met";
}

/** The values of the list's status filter: a task side and a target side. */
export const STATUS_FILTERS = ["overdue", "in_progress", "done", "targets_missed", "targets_at_risk", "targets_pending", "targets_met"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export function matchesStatus(filter: StatusFilter, progress: DirectiveProgress, targets: TargetsOverall): boolean {
  switch (filter) {
    case "overdue":
    case "in_progress":
    case "done":
      return progress === filter;
    case "targets_missed":
      return targets === "missed";
    case "targets_at_risk":
      return targets === "at_risk";
    case "targets_pending":
      return targets === "pending";
    case "targets_met":
      return targets === "met";
  }
}

// ───────────────────────── Reporting periods ─────────────────────────

export type ReportingPeriod = {
  /** As stored in PeriodicReport.period: "2019-Q1", "2019-H1", "2019". */
  key: string;
  label: string;
  year: number;
  start: string;
  end: string;
};

// A period's name, from the catalogue (errors.reports.periods) in the language of the request.
type PeriodName = "Q1" | "Q2" | "Q3" | "Q4" | "H1" | "H2" | "year";
type Slot = { kind: ReportingKind; suffix: string; label: PeriodName; start: string };

/**
 * One report per period end (31/3, 30/6, 30/9, 31/12): the longest period the directive requires
 * that ends there. "Hằng quý, 6 tháng, năm" is thus quý I, 6 tháng, quý III and năm, as reporting
 * regimes are run in practice (the 6-month report covers quý II, the annual one quý IV).
 */
const PERIOD_ENDS: { end: string; slots: Slot[] }[] = [
  { end: "03-31", slots: [{ kind: "QUARTERLY", suffix: "-Q1", label: "Q1", start: "01-01" }] },
  {
    end: "06-30",
    slots: [
      { kind: "HALF_YEAR", suffix: "-H1", label: "H1", start: "01-01" },
      { kind: "QUARTERLY", suffix: "-Q2", label: "Q2", start: "04-01" },
    ],
  },
  { end: "09-30", slots: [{ kind: "QUARTERLY", suffix: "-Q3", label: "Q3", start: "07-01" }] },
  {
    end: "12-31",
    slots: [
      { kind: "ANNUAL", suffix: "", label: "year", start: "01-01" },
      { kind: "HALF_YEAR", suffix: "-H2", label: "H2", start: "07-01" },
      { kind: "QUARTERLY", suffix: "-Q4", label: "Q4", start: "10-01" },
    ],
  },
];

export function isReportingKind(value: string): value is ReportingKind {
  return (REPORTING_KINDS as readonly string[]).includes(value);
}

/** The reports a directive requires in one year, in calendar order. */
export function reportingPeriods(reporting: readonly string[], year: number): ReportingPeriod[] {
  const required = new Set(reporting.filter(isReportingKind));
  const name = libTranslator("errors.reports.periods");
  return PERIOD_ENDS.flatMap(({ end, slots }) => {
    const slot = slots.find((s) => required.has(s.kind));
    return slot
      ? [{ key: `${year}${slot.suffix}`, label: name(slot.label, { year: String(year) }), year, start: `${year}-${slot.start}`, end: `${year}-${end}` }]
      : [];
  });
}

/** Every report a directive requires over the years it concerns. */
export function directivePeriods(reporting: readonly string[], years: readonly number[]): ReportingPeriod[] {
  return [...new Set(years)].sort((a, b) => a - b).flatMap((year) => reportingPeriods(reporting, year));
}

export type PeriodState = "upcoming" | "open" | "ended";

export function periodState(period: Pick<ReportingPeriod, "start" | "end">, today: string): PeriodState {
  if (today < period.start) return "upcoming";
  return today <= period.end ? "open" : "ended";
}

/**
 * The agencies expected to send periodic reports: those a directive involves through its live tasks
 * (leading or coordinating) and its targets.
 */
export function reportingAgencies(directive: {
  tasks: readonly {
    status: string;
    leadAgency: { id: number; name: string } | null;
    coAgencies: readonly { agency: { id: number; name: string } }[];
  }[];
  targets: readonly { agency: { id: number; name: string } | null }[];
}): { id: number; name: string }[] {
  const agencies = new Map<number, string>();
  for (const task of directive.tasks) {
    if (task.status === "CANCELLED") continue;
    if (task.leadAgency) agencies.set(task.leadAgency.id, task.leadAgency.name);
    for (const co of task.coAgencies) agencies.set(co.agency.id, co.agency.name);
  }
  for (const target of directive.targets) if (target.agency) agencies.set(target.agency.id, target.agency.name);
  return [...agencies].map(([id, name]) => ({ id, name })).sort((a, b) => compareVietnamese(a.name, b.name));
}

export type ReportCellState = "submitted" | "missing" | "open" | "upcoming";

export type ReportMatrix<A> = {
  rows: { agency: A; cells: { period: string; state: ReportCellState; reportId: number | null }[]; submitted: number; missing: number }[];
  columns: { period: ReportingPeriod; submitted: number; missing: number; expected: number }[];
  /** Reports not sent for periods that have ended. */
  missing: number;
};

/**
 * Who has and has not reported: a report is expected from every reporting agency once its period
 * has ended; one sent during the period counts too.
 */
export function reportMatrix<A extends { id: number }>(
  agencies: readonly A[],
  periods: readonly ReportingPeriod[],
  reports: readonly { id: number; agencyId: number; period: string }[],
  today: string,
): ReportMatrix<A> {
  const byKey = new Map(reports.map((r) => [`${r.agencyId}|${r.period}`, r.id]));
  const rows = agencies.map((agency) => {
    const cells = periods.map((period) => {
      const reportId = byKey.get(`${agency.id}|${period.key}`) ?? null;
      const timing = periodState(period, today);
      const state: ReportCellState = reportId !== null ? "submitted" : timing === "ended" ? "missing" : timing;
      return { period: period.key, state, reportId };
    });
    return {
      agency,
      cells,
      submitted: cells.filter((c) => c.state === "submitted").length,
      missing: cells.filter((c) => c.state === "missing").length,
    };
  });
  const columns = periods.map((period, i) => {
    const states = rows.map((row) => row.cells[i].state);
    const submitted = states.filter((s) => s === "submitted").length;
    const missing = states.filter((s) => s === "missing").length;
    return { period, submitted, missing, expected: periodState(period, today) === "ended" ? agencies.length : submitted };
  });
  return { rows, columns, missing: rows.reduce((sum, row) => sum + row.missing, 0) };
}

/** The reports an agency should attend to: periods in progress or ended without its report. */
export function reportsOwed(
  periods: readonly ReportingPeriod[],
  submitted: ReadonlySet<string>,
  today: string,
): { period: ReportingPeriod; state: "missing" | "open" }[] {
  return periods.flatMap((period): { period: ReportingPeriod; state: "missing" | "open" }[] => {
    if (submitted.has(period.key)) return [];
    const state = periodState(period, today);
    if (state === "ended") return [{ period, state: "missing" }];
    if (state === "open") return [{ period, state: "open" }];
    return [];
  });
}

/** The period of a directive with this key ("2019-Q1"), or null when the directive does not require it. */
export function findPeriod(reporting: readonly string[], years: readonly number[], key: string): ReportingPeriod | null {
  return directivePeriods(reporting, years).find((p) => p.key === key) ?? null;
}
