"use client";
// Maximum points of the whole tree in one save: the leaves are typed, every parent shows the sum
// of its children as it will be saved, and the total is compared with the framework's maximum.
import { useMemo, useState } from "react";
import { setMaxPointsAction } from "@/lib/frameworks/actions";
import type { CriterionView } from "@/lib/frameworks/types";
import { parseDecimal } from "@/lib/frameworks/schema";
import { SUM_TOLERANCE } from "@/lib/frameworks/tree";
import { cents } from "@/lib/numbers";
import { formatPoints } from "@/lib/format";
import { Feedback, useFormAction } from "@/components/forms/form-kit";

type Props = { frameworkId: number; revision: number; criteria: CriterionView[]; maxScore: number; requireTotal: boolean };

export function PointsEditor({ frameworkId, revision, criteria, maxScore, requireTotal }: Props) {
  const { state, pending, onSubmit } = useFormAction(setMaxPointsAction);
  const [values, setValues] = useState<Record<number, string>>(() =>
    Object.fromEntries(criteria.filter((c) => c.isLeaf).map((c) => [c.id, formatPoints(c.maxPoints).replace(/\./g, "")])),
  );
  const sums = useMemo(() => {
    const total = new Map<number, number>();
    const of = (c: CriterionView): number => {
      const value = c.isLeaf ? (parseDecimal(values[c.id] ?? "") ?? Number.NaN) : criteria.filter((k) => k.parentId === c.id).reduce((s, k) => s + of(k), 0);
      total.set(c.id, cents(value));
      return value;
    };
    criteria.filter((c) => c.parentId === null).forEach(of);
    return total;
  }, [criteria, values]);
  const grandTotal = cents(criteria.filter((c) => c.parentId === null).reduce((s, c) => s + (sums.get(c.id) ?? 0), 0));
  const matches = Math.abs(grandTotal - maxScore) <= SUM_TOLERANCE;

  return (
    <form onSubmit={onSubmit} className="space-y-4" aria-label="Sửa điểm tối đa">
      <input type="hidden" name="frameworkId" value={frameworkId} />
      <input type="hidden" name="revision" value={revision} />
      <div className="overflow-x-auto rounded-lg border border-slate-200 bg-white">
        <table className="min-w-full text-sm">
          <thead className="bg-slate-100 text-left text-slate-700">
            <tr>
              <th scope="col" className="px-3 py-2">Mã</th>
              <th scope="col" className="px-3 py-2">Tên</th>
              <th scope="col" className="px-3 py-2 text-right">Điểm tối đa</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {criteria.map((c) => {
              const sum = sums.get(c.id);
              return (
                <tr key={c.id} className={c.level === "FIELD" ? "bg-brand-50/60 font-semibold" : undefined}>
                  <td className="whitespace-nowrap px-3 py-1.5 tabular-nums">{c.code}</td>
                  <td className="px-3 py-1.5">
                    <div style={{ paddingLeft: `${(c.depth - 1) * 1.25}rem` }}>{c.name}</div>
                  </td>
                  <td className="px-3 py-1.5 text-right">
                    {c.isLeaf ? (
                      <input
                        name={`points.${c.id}`}
                        value={values[c.id] ?? ""}
                        onChange={(e) => setValues({ ...values, [c.id]: e.target.value })}
                        inputMode="decimal"
                        aria-label={`Điểm tối đa ${c.code}`}
                        aria-invalid={Number.isNaN(sum) ? true : undefined}
                        className="w-24 rounded-md border border-slate-300 px-2 py-1 text-right tabular-nums aria-[invalid]:border-red-500"
                      />
                    ) : (
                      <span className="tabular-nums" title="Tổng các mục con">
                        = {Number.isNaN(sum) ? "?" : formatPoints(sum)}
                      </span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr className="bg-slate-50 font-semibold">
              <td className="px-3 py-2" colSpan={2}>
                Tổng các lĩnh vực (điểm tối đa của bộ chỉ số: {formatPoints(maxScore)})
              </td>
              <td className={`px-3 py-2 text-right tabular-nums ${matches ? "text-emerald-700" : "text-red-700"}`} data-testid="points-total">
                {Number.isNaN(grandTotal) ? "?" : formatPoints(grandTotal)} {matches ? "✓" : "≠"}
              </td>
            </tr>
          </tfoot>
        </table>
      </div>
      {!matches && requireTotal ? (
        <p className="text-sm text-red-700">
          Bộ chỉ số đang áp dụng: tổng phải bằng {formatPoints(maxScore)} mới lưu được. Chuyển điểm giữa các tiêu chí cho đến khi khớp.
        </p>
      ) : null}
      <Feedback state={state} />
      <button type="submit" disabled={pending} className="rounded-md bg-brand-600 px-4 py-2 font-semibold text-white hover:bg-brand-700 disabled:opacity-60">
        {pending ? "Đang lưu…" : "Lưu điểm tối đa"}
      </button>
    </form>
  );
}
