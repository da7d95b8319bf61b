// Small status marks of directives, targets, tasks and reports. Each says its status in words,
// not only by colour.
import type { TaskStatus } from "@/lib/directives/types";
import { TASK_STATUS_LABELS } from "@/lib/tasks/labels";
import { PROGRESS_LABELS, REPORT_CELL_LABELS, TARGETS_OVERALL_LABELS, type DirectiveProgress, type ReportCellState, type TargetsOverall } from "@/lib/directives/rules";
import { TARGET_STATUS_LABELS, type TargetStatus } from "@/lib/targets/evaluate";

const base = "inline-block whitespace-nowrap rounded px-2 py-0.5 text-xs font-semibold";

const TARGET_STYLE: Record<TargetStatus, string> = {
  met: "bg-emerald-100 text-emerald-900",
  missed: "bg-red-100 text-red-900",
  at_risk: "bg-amber-100 text-amber-900",
  not_yet_known: "bg-slate-100 text-slate-700",
};

export function TargetStatusBadge({ status }: { status: TargetStatus }) {
  return (
    <span className={`${base} ${TARGET_STYLE[status]}`} data-target-status={status}>
      {TARGET_STATUS_LABELS[status]}
    </span>
  );
}

const OVERALL_STYLE: Record<TargetsOverall, string> = {
  none: "bg-white text-slate-500 border border-slate-200",
  met: TARGET_STYLE.met,
  missed: TARGET_STYLE.missed,
  at_risk: TARGET_STYLE.at_risk,
  pending: TARGET_STYLE.not_yet_known,
};

export function TargetsOverallBadge({ overall }: { overall: TargetsOverall }) {
  return <span className={`${base} ${OVERALL_STYLE[overall]}`}>{TARGETS_OVERALL_LABELS[overall]}</span>;
}

const TASK_STYLE: Record<TaskStatus, string> = {
  NOT_STARTED: "bg-slate-100 text-slate-800",
  IN_PROGRESS: "bg-sky-100 text-sky-900",
  DONE: "bg-emerald-100 text-emerald-900",
  CANCELLED: "bg-slate-200 text-slate-600 line-through",
};

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  return <span className={`${base} ${TASK_STYLE[status]}`}>{TASK_STATUS_LABELS[status]}</span>;
}

export function OverdueBadge({ days }: { days: number }) {
  return (
    <span className={`${base} bg-red-600 text-white`} data-overdue="true">
      Quá hạn {days} ngày
    </span>
  );
}

const PROGRESS_STYLE: Record<DirectiveProgress, string> = {
  no_tasks: "bg-white text-slate-500 border border-slate-200",
  overdue: "bg-red-100 text-red-900",
  in_progress: "bg-sky-100 text-sky-900",
  done: "bg-emerald-100 text-emerald-900",
};

export function ProgressBadge({ progress }: { progress: DirectiveProgress }) {
  return <span className={`${base} ${PROGRESS_STYLE[progress]}`}>{PROGRESS_LABELS[progress]}</span>;
}

const CELL_STYLE: Record<ReportCellState, string> = {
  submitted: "bg-emerald-100 text-emerald-900",
  missing: "bg-red-100 text-red-900",
  open: "bg-sky-50 text-sky-900",
  upcoming: "bg-white text-slate-500",
};

export function ReportCellBadge({ state }: { state: ReportCellState }) {
  return (
    <span className={`${base} ${CELL_STYLE[state]}`} data-report-state={state}>
      {REPORT_CELL_LABELS[state]}
    </span>
  );
}
