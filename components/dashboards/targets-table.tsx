// A year's targets from the directives with their evaluation: the leader dashboard's (for the
// province and its agencies, with the unit each is set for) and an agency's own.
import { useTranslations } from "next-intl";
import type { EvaluatedTarget } from "@/lib/targets/types";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { TargetStatusBadge } from "./badges";

export function TargetsTable({ targets, testId, showUnit }: { targets: EvaluatedTarget[]; testId: string; showUnit: boolean }) {
  const t = useTranslations("dashboards.targets");
  return (
    <DataTable framed={false} stacked data-testid={testId}>
      <THead>
        <Th>{t("directive")}</Th>
        <Th>{t("target")}</Th>
        <Th>{t("actual")}</Th>
        <Th>{t("status")}</Th>
        <Th>{t("explanation")}</Th>
      </THead>
      <TBody>
        {targets.map((target) => (
          <tr key={target.id} data-target={target.id}>
            <Td className="whitespace-nowrap" title={target.directive.title} label={t("directive")}>
              {target.directive.number}
            </Td>
            <Td label={t("target")}>
              {showUnit ? (
                <>
                  <span className="font-medium">{target.evaluation.targetText}</span>
                  <span className="cell-note">{target.unitLabel}</span>
                </>
              ) : (
                target.evaluation.targetText
              )}
            </Td>
            <Td className="tabular-nums" label={t("actual")}>
              {target.evaluation.actualText}
            </Td>
            <Td label={t("status")}>
              <TargetStatusBadge status={target.evaluation.status} />
            </Td>
            <Td className="text-xs text-slate-700" label={t("explanation")}>
              {target.evaluation.explanation}
            </Td>
          </tr>
        ))}
      </TBody>
    </DataTable>
  );
}
