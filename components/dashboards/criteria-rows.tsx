"use client";
// The rows of an agency's criteria table. A client component on purpose: the page's RSC payload then
// carries the rows' data (about 300 bytes a criterion) instead of every cell as a React element
// (about 1.3 kB), which made rendering a 90-criterion agency the slowest part of the page.
import type { AgencyCriterionRow } from "@/lib/dashboards/types";
import type { SortOrder } from "@/lib/dashboards/flags";
import { TASK_STATUS_LABELS } from "@/lib/tasks/labels";
import { formatCalendarDate, formatPoints } from "@/lib/format";
import { FlagBadge, FullMarksBadge, PointsChange } from "./badges";

export function CriteriaRows({ agencyName, year, sort, previousYear, rows }: {
  agencyName: string;
  year: number;
  sort: SortOrder;
  previousYear: number | null;
  rows: AgencyCriterionRow[];
}) {
  return (
    <table className="min-w-full text-sm print:text-xs" data-testid="criteria-table">
      <caption className="sr-only">
        Các tiêu chí thành phần của {agencyName} năm {year}, {sort === "lost" ? "điểm bị mất nhiều trước" : "theo mã tiêu chí"}
      </caption>
      <thead className="bg-slate-100 text-left text-slate-700">
        <tr>
          <th scope="col" className="cell-head">Mã</th>
          <th scope="col" className="cell-head">Tiêu chí</th>
          <th scope="col" className="cell-head text-right">Tối đa</th>
          <th scope="col" className="cell-head text-right">Tự chấm</th>
          <th scope="col" className="cell-head text-right">Thẩm định</th>
          <th scope="col" className="cell-head text-right">Cuối cùng</th>
          <th scope="col" className="cell-head text-right">Điểm bị mất</th>
          <th scope="col" className="cell-head text-right">{previousYear ? `So với ${previousYear}` : "So với năm trước"}</th>
          <th scope="col" className="cell-head">Cảnh báo</th>
          <th scope="col" className="cell-head">Nhiệm vụ liên quan</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {rows.map((row) => (
          <tr key={row.criterionId} data-code={row.code} data-flags={row.flags.join(" ")} className="row-keep">
            <td className="cell tabular-nums">{row.code}</td>
            <td className="cell min-w-36">
              {row.name}
              {row.field ? <span className="cell-note">{row.field}</span> : null}
            </td>
            <td className="cell-num">{formatPoints(row.maxPoints)}</td>
            <td className="cell-num">{formatPoints(row.selfScore)}</td>
            <td className="cell-num">{formatPoints(row.appraisedScore)}</td>
            <td className="cell-num font-semibold">{formatPoints(row.finalScore)}</td>
            <td className="cell-num font-semibold" data-testid="lost">
              {row.lost > 0 ? formatPoints(row.lost) : "0"}
            </td>
            <td className="cell-num">
              {row.yoy.isNew ? (
                <span className="text-xs text-slate-500">tiêu chí mới</span>
              ) : (
                <>
                  <PointsChange change={row.yoy.change} />
                  {row.yoy.maxChanged ? (
                    <span className="block text-xs text-slate-500" title="Điểm tối đa của tiêu chí đã đổi giữa hai phiên bản bộ chỉ số">
                      điểm tối đa đã đổi
                    </span>
                  ) : null}
                </>
              )}
            </td>
            <td className="cell">
              <div className="flex flex-col items-start gap-1">
                {row.flags.length > 0 ? row.flags.map((flag) => <FlagBadge key={flag} flag={flag} />) : row.score !== null && row.lost === 0 ? <FullMarksBadge /> : <span className="text-xs text-slate-500">khảo sát, không tự chấm</span>}
                {row.target !== null ? <span className="text-xs text-slate-600">chỉ tiêu ≥ {formatPoints(row.target)}</span> : null}
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
                        {task.leadAgency ? ` · chủ trì: ${task.leadAgency}` : ""}
                        {task.dueOn ? ` · hạn ${formatCalendarDate(task.dueOn)}` : ""} · {TASK_STATUS_LABELS[task.status]} ({task.progressPercent}%)
                        {task.overdue ? <strong className="text-red-700"> · quá hạn</strong> : null}
                      </span>
                    </li>
                  ))}
                </ul>
              ) : row.flags.length > 0 ? (
                <span className="text-slate-500">Chưa có nhiệm vụ</span>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
