"use client";
// Maximum points of the whole tree in one save: the leaves are typed, every parent shows the sum
// of its children as it will be saved, and the total is compared with the framework's maximum.
// Its messages: frameworks.pointsEditor.
import { useMemo, useState } from "react";
import { useTranslations } from "next-intl";
import { setMaxPointsAction } from "@/lib/frameworks/actions";
import type { CriterionView } from "@/lib/frameworks/types";
import { parseDecimal, SUM_TOLERANCE } from "@/lib/frameworks/points";
import { useFormat } from "@/lib/i18n/client";
import { cents } from "@/lib/numbers";
import { Feedback, SubmitButton, useFormAction } from "@/components/forms/form-kit";
import { DataTable, TBody, Th, THead } from "@/components/ui/data-table";

type Props = { frameworkId: number; revision: number; criteria: CriterionView[]; maxScore: number; requireTotal: boolean };

export function PointsEditor({ frameworkId, revision, criteria, maxScore, requireTotal }: Props) {
  const t = useTranslations("frameworks.pointsEditor");
  const format = useFormat();
  const { state, pending, onSubmit } = useFormAction(setMaxPointsAction);
  const [values, setValues] = useState<Record<number, string>>(() =>
    Object.fromEntries(criteria.filter((c) => c.isLeaf).map((c) => [c.id, format.decimal(c.maxPoints)])),
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
    <form onSubmit={onSubmit} className="space-y-4" aria-label={t("label")}>
      <input type="hidden" name="frameworkId" value={frameworkId} />
      <input type="hidden" name="revision" value={revision} />
      <DataTable>
        <THead>
          <Th>{t("code")}</Th>
          <Th>{t("name")}</Th>
          <Th numeric>{t("maxPoints")}</Th>
        </THead>
        <TBody>
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
                      aria-label={t("pointsOf", { code: c.code })}
                      aria-invalid={Number.isNaN(sum) ? true : undefined}
                      className="w-24 rounded-md border border-slate-300 px-2 py-1 text-right tabular-nums aria-[invalid]:border-red-500"
                    />
                  ) : (
                    <span className="tabular-nums" title={t("childrenSum")}>
                      = {Number.isNaN(sum) ? "?" : format.points(sum)}
                    </span>
                  )}
                </td>
              </tr>
            );
          })}
        </TBody>
        <tfoot>
          <tr className="bg-slate-50 font-semibold">
            <td className="px-3 py-2" colSpan={2}>
              {t("total", { max: format.points(maxScore) })}
            </td>
            <td className={`px-3 py-2 text-right tabular-nums ${matches ? "text-emerald-700" : "text-red-700"}`} data-testid="points-total">
              {Number.isNaN(grandTotal) ? "?" : format.points(grandTotal)} {matches ? "✓" : "≠"}
            </td>
          </tr>
        </tfoot>
      </DataTable>
      {!matches && requireTotal ? <p className="text-sm text-red-700">{t("mustMatch", { max: format.points(maxScore) })}</p> : null}
      <Feedback state={state} />
      <SubmitButton pending={pending} size="md" label={t("save")} />
    </form>
  );
}
