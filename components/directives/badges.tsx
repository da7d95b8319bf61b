// Small status marks of directives, targets, tasks and reports. Each says its status in words,
// not only by colour.
import { useTranslations } from "next-intl";
import type { TaskStatus } from "@/lib/directives/types";
import type { DirectiveProgress, ReportCellState, TargetsOverall } from "@/lib/directives/rules";
import { Badge, type BadgeTone } from "@/components/ui/badge";

export { TargetStatusBadge } from "@/components/dashboards/badges";

const OVERALL_TONE: Record<TargetsOverall, BadgeTone> = { none: "muted", met: "ok", missed: "bad", at_risk: "warn", pending: "neutral" };

export function TargetsOverallBadge({ overall }: { overall: TargetsOverall }) {
  const t = useTranslations("directives.targetsOverall");
  return <Badge tone={OVERALL_TONE[overall]}>{t(overall)}</Badge>;
}

const TASK_TONE: Record<TaskStatus, BadgeTone> = { NOT_STARTED: "neutral", IN_PROGRESS: "info", DONE: "ok", CANCELLED: "muted" };

export function TaskStatusBadge({ status }: { status: TaskStatus }) {
  const t = useTranslations("directives.taskStatus");
  return (
    <Badge tone={TASK_TONE[status]} className={status === "CANCELLED" ? "line-through" : undefined}>
      {t(status)}
    </Badge>
  );
}

export function OverdueBadge({ days }: { days: number }) {
  const t = useTranslations("directives.tasks");
  return (
    <Badge tone="strong-bad" data-overdue="true">
      {t("overdueDays", { days })}
    </Badge>
  );
}

const PROGRESS_TONE: Record<DirectiveProgress, BadgeTone> = { no_tasks: "muted", overdue: "bad", in_progress: "info", done: "ok" };

export function ProgressBadge({ progress }: { progress: DirectiveProgress }) {
  const t = useTranslations("directives.progress");
  return <Badge tone={PROGRESS_TONE[progress]}>{t(progress)}</Badge>;
}

const CELL_TONE: Record<ReportCellState, BadgeTone> = { submitted: "ok", missing: "bad", open: "info", upcoming: "muted" };

export function ReportCellBadge({ state }: { state: ReportCellState }) {
  const t = useTranslations("directives.reportCell");
  return (
    <Badge tone={CELL_TONE[state]} data-report-state={state}>
      {t(state)}
    </Badge>
  );
}
