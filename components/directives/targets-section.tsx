// The directive's targets with their status (met / missed / not yet known / at risk), the actual
// value and the gap, as lib/targets evaluates them; staff add, edit, delete, and set targets for
// many agencies at once.
import { useTranslations } from "next-intl";
import type { TargetKind } from "@/lib/directives/types";
import { deleteTargetAction } from "@/lib/directives/actions";
import type { DirectiveDetail, TargetItem } from "@/lib/directives/types";
import { TARGET_UNITS } from "@/lib/directives/labels";
import { useFormat } from "@/lib/i18n/client";
import { ActionForm } from "@/components/forms/form-kit";
import { Card } from "@/components/ui/card";
import { Th, THead } from "@/components/ui/data-table";
import { TargetStatusBadge } from "./badges";
import { BulkTargetsForm } from "./bulk-targets-form";
import { Fold } from "./fold";
import { TargetForm, type TargetChoices } from "./target-form";

const dangerOutline = "rounded-md border border-red-300 px-3 py-1.5 text-sm text-red-700 hover:bg-red-50";

function gapUnit(kind: TargetKind, unit: string | null): "percent" | "rank" | "places" | "points" {
  switch (kind) {
    case "MIN_PERCENT_OF_MAX":
    case "COMMITMENT_COMPLETION":
      return "percent";
    case "MAX_RANK":
      return "rank";
    case "RANK_IMPROVEMENT":
      return "places";
    default:
      return unit === "%" ? "percent" : "points";
  }
}

export function TargetsSection({ directive }: { directive: DirectiveDetail }) {
  const t = useTranslations("directives.targets");
  const format = useFormat();
  const choices: TargetChoices = {
    years: directive.years,
    indices: directive.choices.indices,
    agencies: directive.choices.agencies,
    criteria: directive.choices.criteria.filter((g) => g.internal),
    units: TARGET_UNITS,
  };
  const gapText = (target: TargetItem) => {
    const gap = target.evaluation?.gap;
    if (gap === null || gap === undefined || gap === 0) return "—";
    return t(`gap.${gapUnit(target.kind, target.unit)}`, { gap: format.points(gap) });
  };
  const columns = 7;
  return (
    <Card as="section" aria-labelledby="targets-heading">
      <h2 id="targets-heading" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mt-1 text-sm text-slate-600">{t("lead")}</p>
      {directive.targets.length === 0 ? (
        <p className="mt-3 text-sm text-slate-600">{t("none")}</p>
      ) : (
        <div className="relative mt-3 overflow-x-auto">
          <table className="min-w-full text-sm" data-testid="targets-table">
            <THead>
              <Th>{t("target")}</Th>
              <Th>{t("year")}</Th>
              <Th>{t("appliesTo")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("actual")}</Th>
              <Th>{t("gapColumn")}</Th>
              <Th>{t("explanation")}</Th>
            </THead>
            {directive.targets.map((target) => (
              <tbody key={target.id} className="border-t border-slate-100" data-target-id={target.id} data-target-kind={target.kind}>
                <tr>
                  <td className="cell font-medium">
                    {target.text}
                    {target.note ? <div className="text-xs font-normal text-slate-500">{target.note}</div> : null}
                  </td>
                  <td className="cell tabular-nums">{target.year}</td>
                  <td className="cell">{target.agency?.name ?? directive.province?.label ?? "—"}</td>
                  <td className="cell">
                    {target.evaluation ? (
                      <TargetStatusBadge status={target.evaluation.status} />
                    ) : (
                      <span className="text-xs text-slate-500">{t("followedByStaff")}</span>
                    )}
                  </td>
                  <td className="cell tabular-nums" data-cell="actual">
                    {target.evaluation?.actualText ?? "—"}
                  </td>
                  <td className="cell tabular-nums" data-cell="gap">
                    {gapText(target)}
                  </td>
                  <td className="cell max-w-sm text-xs text-slate-600">{target.evaluation?.explanation ?? ""}</td>
                </tr>
                {directive.canWrite ? (
                  <tr className="no-print">
                    <td colSpan={columns} className="px-3 pb-2">
                      <details>
                        <summary className="cursor-pointer text-xs text-brand-700">{t("editOrDelete")}</summary>
                        <div className="mt-2 space-y-3 rounded-md border border-slate-200 p-3">
                          <TargetForm directiveId={directive.id} values={target} choices={choices} testId={`target-edit-${target.id}`} />
                          <ActionForm
                            action={deleteTargetAction}
                            submitLabel={t("delete")}
                            testId={`target-delete-${target.id}`}
                            buttonClassName={dangerOutline}
                          >
                            <input type="hidden" name="id" value={target.id} />
                            <input type="hidden" name="version" value={target.version} />
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
      {directive.canWrite && directive.years.length === 0 ? <p className="no-print mt-4 text-sm text-amber-800">{t("noYears")}</p> : null}
      {directive.canWrite && directive.years.length > 0 ? (
        <div className="no-print mt-4 grid grid-cols-1 gap-4 lg:grid-cols-2">
          <Fold className="rounded-md border border-slate-200 p-3" summary={t("add")} initiallyOpen={directive.targets.length === 0}>
            <div className="mt-3">
              <TargetForm directiveId={directive.id} choices={choices} testId="target-add" />
            </div>
          </Fold>
          <details className="rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer font-medium text-brand-700">{t("bulk")}</summary>
            <div className="mt-3">
              {choices.agencies.length === 0 ? (
                <p className="text-sm text-slate-600">{t("noAgencies")}</p>
              ) : (
                <BulkTargetsForm directiveId={directive.id} choices={choices} />
              )}
            </div>
          </details>
        </div>
      ) : null}
    </Card>
  );
}
