// What a target must say to be evaluated (lib/targets/evaluate.ts), and the bulk targets of the
// commitments every agency signs with the chairman. Pure functions (no I/O).
import type { IndexSubject, TargetKind } from "@/lib/db/generated/enums";
import type { Issue } from "@/lib/errors";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import viErrors from "@/lib/i18n/messages/vi/errors.json";
import { INDEX_KINDS, TARGET_KINDS_ORDER } from "./kinds";

const t = () => libTranslator("errors.targets.rules");

export { INDEX_KINDS, TARGET_KINDS_ORDER };

const RANK_KINDS: readonly TargetKind[] = ["MAX_RANK", "RANK_IMPROVEMENT"];

/** The unit a kind is stated in when the form leaves it empty, as stored (Target.unit: the catalogue's Vietnamese word). */
export function defaultUnit(kind: TargetKind): string {
  switch (kind) {
    case "MIN_SCORE":
    case "CRITERION_SCORE":
      return viErrors.targets.units.points;
    case "MAX_RANK":
      return viErrors.targets.units.rank;
    case "RANK_IMPROVEMENT":
      return viErrors.targets.units.places;
    case "MIN_PERCENT_OF_MAX":
    case "COMMITMENT_COMPLETION":
      return "%";
  }
}

export type TargetDraft = {
  kind: TargetKind;
  indexCode: string | null;
  year: number;
  value: number;
  valueMax: number | null;
  unit: string | null;
  agencyId: number | null;
  criterionId: number | null;
  note: string | null;
};

export type TargetContext = {
  /** The directive's years: a target is set for one of them. */
  years: readonly number[];
  index: { code: string; shortName: string; subject: IndexSubject; maxScore: number } | null;
  /** The agency, when one is named and belongs to the directive's province. */
  agency: { id: number; name: string } | null;
  /** The criterion, when one is named and belongs to an internal framework of the province. */
  criterion: { id: number; code: string; maxPoints: number } | null;
};

/** Every problem of a target, each naming its field; empty when it can be evaluated. */
export function targetIssues(draft: TargetDraft, context: TargetContext): Issue[] {
  const issues: Issue[] = [];
  const add = (field: string, message: string) => issues.push({ field, message });
  const points = libFormat().points;
  if (!context.years.includes(draft.year)) {
    add("year", t()("yearOutside", { year: String(draft.year), years: context.years.join(", ") }));
  }
  if (draft.agencyId !== null && !context.agency) add("agencyId", t()("chooseAgency"));
  const { index } = context;

  if (INDEX_KINDS.includes(draft.kind)) {
    if (!draft.indexCode) add("indexCode", t()("chooseIndex"));
    else if (!index) add("indexCode", t()("unknownIndex", { index: draft.indexCode }));
    else if (draft.agencyId === null && index.subject !== "PROVINCE") {
      add("indexCode", t()("indexScoresAgencies", { index: index.shortName }));
    } else if (draft.agencyId !== null && index.subject !== "AGENCY") {
      add("indexCode", t()("indexRanksProvinces", { index: index.shortName }));
    }
  } else if (draft.indexCode) {
    add("indexCode", draft.kind === "CRITERION_SCORE" ? t()("criterionNoIndex") : t()("commitmentNoIndex"));
  }

  if (draft.kind === "CRITERION_SCORE") {
    if (draft.agencyId === null) add("agencyId", t()("criterionNeedsAgency"));
    if (draft.criterionId === null) add("criterionId", t()("chooseCriterion"));
    else if (!context.criterion) add("criterionId", t()("criterionOutside"));
  } else if (draft.criterionId !== null) {
    add("criterionId", t()("criterionOnlyForCriterionScore"));
  }

  const v = draft.value;
  switch (draft.kind) {
    case "MIN_SCORE": {
      const max = index?.maxScore ?? 100;
      if (v <= 0 || v > max) add("value", t()("minScoreRange", { max: points(max) }));
      break;
    }
    case "MIN_PERCENT_OF_MAX":
    case "COMMITMENT_COMPLETION":
      if (v <= 0 || v > 100) add("value", t()("percentRange"));
      break;
    case "MAX_RANK":
      if (!Number.isInteger(v) || v < 1) add("value", t()("rankValue"));
      break;
    case "RANK_IMPROVEMENT":
      if (!Number.isInteger(v) || v < 1) add("value", t()("placesValue"));
      break;
    case "CRITERION_SCORE":
      if (context.criterion && (v <= 0 || v > context.criterion.maxPoints)) {
        add("value", t()("criterionScoreRange", { code: context.criterion.code, max: points(context.criterion.maxPoints) }));
      }
      break;
  }
  if (draft.valueMax !== null) {
    if (draft.kind !== "RANK_IMPROVEMENT") add("valueMax", t()("valueMaxOnlyPlaces"));
    else if (!Number.isInteger(draft.valueMax) || draft.valueMax <= v) add("valueMax", t()("valueMaxAbove", { min: points(v) }));
  }
  if (RANK_KINDS.includes(draft.kind) && draft.unit === "%") add("unit", t()("rankNoPercent"));
  return issues;
}

export type BulkTargetSpec = {
  kind: "COMMITMENT_COMPLETION" | "CRITERION_SCORE";
  year: number;
  value: number;
  criterionId: number | null;
  note: string | null;
};

/**
 * One target per selected agency. An agency that already has the same target (same kind, year
 * and criterion) in this directive is refused, so that a second submission does not double it.
 */
export function buildBulkTargets(
  spec: BulkTargetSpec,
  agencies: readonly { id: number; name: string }[],
  existing: readonly { kind: TargetKind; year: number; agencyId: number | null; criterionId: number | null }[],
): { drafts: TargetDraft[]; issues: Issue[] } {
  const issues: Issue[] = [];
  const criterionId = spec.kind === "CRITERION_SCORE" ? spec.criterionId : null;
  const drafts = agencies.map((agency) => ({
    kind: spec.kind,
    indexCode: null,
    year: spec.year,
    value: spec.value,
    valueMax: null,
    unit: defaultUnit(spec.kind),
    agencyId: agency.id,
    criterionId,
    note: spec.note,
  }));
  const taken = agencies.filter((agency) =>
    existing.some((t) => t.kind === spec.kind && t.year === spec.year && t.agencyId === agency.id && t.criterionId === criterionId),
  );
  if (taken.length > 0) {
    issues.push({
      field: "agencyIds",
      message: t()("bulkTaken", { year: String(spec.year), agencies: taken.map((a) => a.name).join(", ") }),
    });
  }
  return { drafts, issues };
}
