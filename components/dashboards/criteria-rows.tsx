"use client";
// The rows of an agency's criteria table. A client component on purpose: the page's RSC payload then
// carries the rows' data (about 300 bytes a criterion) instead of every cell as a React element
// (about 1.3 kB), which made rendering a 90-criterion agency the slowest part of the page.
// Its messages: dashboards.criteriaRows, dashboards.flags, directives.taskStatus (see agency-view.tsx).
import { useTranslations } from "next-intl";
import type { AgencyCriterionRow } from "@/lib/dashboards/types";
import type { SortOrder } from "@/lib/dashboards/flags";
import { useFormat } from "@/lib/i18n/client";
import { Th, THead } from "@/components/ui/data-table";
import { FlagBadge, FullMarksBadge, PointsChange } from "./badges";

export function CriteriaRows({
  agencyName,
  year,
  sort,
  previousYear,
  rows,
}: {
  agencyName: string;
  year: number;
  sort: SortOrder;
  previousYear: number | null;
  rows: AgencyCriterionRow[];
}) {
  const t = useTranslations("dashboards.criteriaRows");
  const taskStatus = useTranslations("directives.taskStatus");
  const format = useFormat();
  return (
    <table className="min-w-full text-sm print:text-xs" data-testid="criteria-table">
      <caption className="sr-only">{t(sort === "lost" ? "captionLost" : "captionCode", { agency: agencyName, year })}</caption>
      <THead>
        <Th>{t("code")}</Th>
        <Th>{t("criterion")}</Th>
        <Th numeric>{t("max")}</Th>
        <Th numeric>{t("self")}</Th>
        <Th numeric>{t("appraised")}</Th>
        <Th numeric>{t("final")}</Th>
        <Th numeric>{t("lost")}</Th>
        <Th numeric>{previousYear ? t("comparedWith", { year: previousYear }) : t("comparedWithLastYear")}</Th>
        <Th>{t("flags")}</Th>
        <Th>{t("tasks")}</Th>
      </THead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.criterionId} data-code={row.code} data-flags={row.flags.join(" ")} className="row-keep">
            <td className="cell tabular-nums">{row.code}</td>
            <td className="cell min-w-36">
              {row.name}
              {row.field ? <span className="cell-note">{row.field}</span> : null}
            </td>
            <td className="cell-num">{format.points(row.maxPoints)}</td>
            <td className="cell-num">{format.points(row.selfScore)}</td>
            <td className="cell-num">{format.points(row.appraisedScore)}</td>
            <td className="cell-num font-semibold">{format.points(row.finalScore)}</td>
            <td className="cell-num font-semibold" data-testid="lost">
              {row.lost > 0 ? format.points(row.lost) : "0"}
            </td>
            <td className="cell-num">
              {row.yoy.isNew ? (
                <span className="text-xs text-slate-500">{t("newCriterion")}</span>
              ) : (
                <>
                  <PointsChange change={row.yoy.change} />
                  {row.yoy.maxChanged ? (
                    <span className="block text-xs text-slate-500" title={t("maxChangedHelp")}>
                      {t("maxChanged")}
                    </span>
                  ) : null}
                </>
              )}
            </td>
            <td className="cell">
              <div className="flex flex-col items-start gap-1">
                {row.flags.length > 0 ? (
                  row.flags.map((flag) => <FlagBadge key={flag} flag={flag} />)
                ) : row.score !== null && row.lost === 0 ? (
                  <FullMarksBadge />
                ) : (
                  <span className="text-xs text-slate-500">{t("survey")}</span>
                )}
                {row.target !== null ? <span className="text-xs text-slate-600">{t("target", { target: format.points(row.target) })}</span> : null}
              </div>
            </td>
            <td className="cell text-xs">
              {row.tasks.length > 0 ? (
                <ul className="space-y-1" data-testid="tasks">
                  {row.tasks.map((task) => (
                    <li key={task.id}>
                      <span className="font-medium">{task.title}</span>
                      <span className="block text-slate-500">
                        {task.directiveNumber}
                        {task.leadAgency ? t("lead", { agency: task.leadAgency }) : ""}
                        {task.dueOn ? t("due", { date: format.calendarDate(task.dueOn) }) : ""} ·{" "}
                        {t("taskStatus", { status: taskStatus(task.status), percent: task.progressPercent })}
                        {task.overdue ? <strong className="text-red-700">{t("overdue")}</strong> : null}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : row.flags.length > 0 ? (
                <span className="text-slate-500">{t("noTask")}</span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
