// The directive's targets with their status (met / missed / not yet known / at risk), the actual
// value and the gap, as lib/targets evaluates them; staff add, edit, delete, and set targets for
// many agencies at once.
import type { TargetKind } from "@/lib/directives/types";
import { deleteTargetAction } from "@/lib/directives/actions";
import type { DirectiveDetail, TargetItem } from "@/lib/directives/types";
import { formatPoints } from "@/lib/format";
import { ActionForm } from "@/components/forms/form-kit";
import { TargetStatusBadge } from "./badges";
import { BulkTargetsForm } from "./bulk-targets-form";
import { Fold } from "./fold";
import { TargetForm, type TargetChoices } from "./target-form";

function gapUnit(kind: TargetKind, unit: string | null): string {
  switch (kind) {
    case "MIN_PERCENT_OF_MAX":
    case "COMMITMENT_COMPLETION":
      return "%";
    case "MAX_RANK":
      return " hạng";
    case "RANK_IMPROVEMENT":
      return " bậc";
    default:
      return unit === "%" ? "%" : " điểm";
  }
}

function gapText(target: TargetItem): string {
  const gap = target.evaluation?.gap;
  if (gap === null || gap === undefined || gap === 0) return "—";
  return `${formatPoints(gap)}${gapUnit(target.kind, target.unit)}`;
}

export function TargetsSection({ directive }: { directive: DirectiveDetail }) {
  const choices: TargetChoices = {
    years: directive.years,
    indices: directive.choices.indices,
    agencies: directive.choices.agencies,
    criteria: directive.choices.criteria.filter((g) => g.internal),
  };
  const columns = 7;
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm" aria-labelledby="targets-heading">
      <h2 id="targets-heading" className="text-lg font-semibold">
        Chỉ tiêu
      </h2>
      <p className="mt-1 text-sm text-slate-600">
        Tự động đánh giá khi có kết quả công bố của năm (PAR INDEX, SIPAS) hoặc điểm đánh giá nội bộ; trong năm, &quot;có nguy cơ&quot; dựa trên điểm tạm tính hoặc kết quả năm trước.
      </p>
      {directive.targets.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">Văn bản chưa đặt chỉ tiêu.</p>
      ) : (
        <div className="mt-3 overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="targets-table">
            <thead className="bg-slate-100 text-left text-slate-700">
              <tr>
                <th scope="col" className="px-3 py-2">Chỉ tiêu</th>
                <th scope="col" className="px-3 py-2">Năm</th>
                <th scope="col" className="px-3 py-2">Áp dụng cho</th>
                <th scope="col" className="px-3 py-2">Tình trạng</th>
                <th scope="col" className="px-3 py-2">Thực tế</th>
                <th scope="col" className="px-3 py-2">Còn thiếu</th>
                <th scope="col" className="px-3 py-2">Giải thích</th>
              </tr>
            </thead>
            {directive.targets.map((t) => (
              <tbody key={t.id} className="border-t border-slate-100" data-target-id={t.id} data-target-kind={t.kind}>
                <tr className="align-top">
                  <td className="px-3 py-2 font-medium">
                    {t.text}
                    {t.note ? <div className="text-xs font-normal text-slate-500">{t.note}</div> : null}
                  </td>
                  <td className="px-3 py-2 tabular-nums">{t.year}</td>
                  <td className="px-3 py-2">{t.agency?.name ?? directive.province?.label ?? "—"}</td>
                  <td className="px-3 py-2">{t.evaluation ? <TargetStatusBadge status={t.evaluation.status} /> : <span className="text-xs text-slate-500">Sở Nội vụ theo dõi</span>}</td>
                  <td className="px-3 py-2 tabular-nums" data-cell="actual">
                    {t.evaluation?.actualText ?? "—"}
                  </td>
                  <td className="px-3 py-2 tabular-nums" data-cell="gap">
                    {gapText(t)}
                  </td>
                  <td className="max-w-sm px-3 py-2 text-xs text-slate-600">{t.evaluation?.explanation ?? ""}</td>
                </tr>
                {directive.canWrite ? (
                  <tr className="no-print">
                    <td colSpan={columns} className="px-3 pb-2">
                      <details>
                        <summary className="cursor-pointer text-xs text-brand-700">Sửa hoặc xóa chỉ tiêu</summary>
                        <div className="mt-2 space-y-3 rounded-md border border-slate-200 p-3">
                          <TargetForm directiveId={directive.id} values={t} choices={choices} testId={`target-edit-${t.id}`} />
                          <ActionForm action={deleteTargetAction} submitLabel="Xóa chỉ tiêu" testId={`target-delete-${t.id}`} buttonClassName="rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50">
                            <input type="hidden" name="id" value={t.id} />
                            <input type="hidden" name="version" value={t.version} />
                          </ActionForm>
                        </div>
                      </details>
                    </td>
                  </tr>
                ) : null}
              </tbody>
            ))}
          </table>
        </div>
      )}
      {directive.canWrite && directive.years.length === 0 ? (
        <p className="no-print mt-4 text-sm text-amber-800">Văn bản chưa có năm áp dụng: sửa thông tin văn bản để thêm năm trước khi đặt chỉ tiêu.</p>
      ) : null}
      {directive.canWrite && directive.years.length > 0 ? (
        <div className="no-print mt-4 grid gap-4 lg:grid-cols-2">
          <Fold className="rounded-md border border-slate-200 p-3" summary="Thêm chỉ tiêu" initiallyOpen={directive.targets.length === 0}>
            <div className="mt-3">
              <TargetForm directiveId={directive.id} choices={choices} testId="target-add" />
            </div>
          </Fold>
          <details className="rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium text-brand-700">Giao chỉ tiêu cho nhiều cơ quan (cam kết với Chủ tịch UBND)</summary>
            <div className="mt-3">
              {choices.agencies.length === 0 ? (
                <p className="text-sm text-slate-600">Tỉnh chưa có danh sách cơ quan, đơn vị.</p>
              ) : (
                <BulkTargetsForm directiveId={directive.id} choices={choices} />
              )}
            </div>
          </details>
        </div>
      ) : null}
    </section>
  );
}
