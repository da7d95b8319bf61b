// A year's targets from the directives with their evaluation: the leader dashboard's (for the
// province and its agencies, with the unit each is set for) and an agency's own.
import type { EvaluatedTarget } from "@/lib/targets/types";
import { TargetStatusBadge } from "./badges";

export function TargetsTable({ targets, testId, showUnit }: { targets: EvaluatedTarget[]; testId: string; showUnit: boolean }) {
  return (
    <table className="min-w-full text-sm" data-testid={testId}>
      <thead className="bg-slate-100 text-left text-slate-700">
        <tr>
          <th scope="col" className="cell-head">Văn bản</th>
          <th scope="col" className="cell-head">Chỉ tiêu</th>
          <th scope="col" className="cell-head">Kết quả</th>
          <th scope="col" className="cell-head">Đánh giá</th>
          <th scope="col" className="cell-head">Giải thích</th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {targets.map((t) => (
          <tr key={t.id} data-target={t.id}>
            <td className="cell whitespace-nowrap" title={t.directive.title}>
              {t.directive.number}
            </td>
            <td className="cell">
              {showUnit ? (
                <>
                  <span className="font-medium">{t.evaluation.targetText}</span>
                  <span className="cell-note">{t.unitLabel}</span>
                </>
              ) : (
                t.evaluation.targetText
              )}
            </td>
            <td className="cell tabular-nums">{t.evaluation.actualText}</td>
            <td className="cell">
              <TargetStatusBadge status={t.evaluation.status} />
            </td>
            <td className="cell text-xs text-slate-700">{t.evaluation.explanation}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
