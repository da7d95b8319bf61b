// The survey results of a period as a file (điều tra xã hội học: citizens' satisfaction with each
// agency or commune): one row per agency, named by `agency_code` (or `agency_name` when the code is
// left empty), and one column per survey-based sub-criterion, headed by its code. A cell holds points
// (8,5 of the criterion's maximum) or, written with "%", the survey's percentage, turned into points in
// proportion to the maximum (85 % of 10 points = 8,5). An empty cell leaves the score as it is.
// Pure checks here; reading the database and writing are in ./mutations.ts.
import type { AssessmentStatus } from "@/lib/db/generated/enums";
import type { Issue } from "@/lib/errors";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { foldText } from "@/lib/io/cells";
import type { TableRow } from "@/lib/io/table-file";
import type { Template } from "@/lib/io/template";
import { cents } from "@/lib/numbers";
import { scoreProblem } from "../workflow";

export const AGENCY_COLUMNS = ["agency_code", "agency_name"] as const;

/** An agency of the period, as the file may name it. */
export type SurveyAgency = { assessmentId: number; code: string; name: string; shortName: string | null; status: AssessmentStatus };
/** A survey-based sub-criterion of the period's framework. */
export type SurveyCriterion = { code: string; maxPoints: number };
/** One agency's score of one survey criterion, as read (its version guards the write). */
export type SurveyScore = {
  criterionScoreId: number;
  assessmentId: number;
  version: number;
  notApplicable: boolean;
  round1Score: number | null;
  round2Score: number | null;
};
export type SurveyChange = { row: number; agencyCode: string; code: string; score: number; target: SurveyScore };
export type SurveyRowOutcome = { row: number; code: string; name: string; change: "updated" | "unchanged" };

/** A cell as points of a criterion worth `maxPoints`: null when empty, "invalid" or "percent-range" when no score. */
export function surveyPoints(text: string, maxPoints: number): number | null | "invalid" | "percent-range" {
  const cell = text.trim();
  if (cell === "") return null;
  const percent = /^(-?\d+(?:[.,]\d+)?)\s*%$/.exec(cell);
  const number = (digits: string) => Number(digits.replace(",", "."));
  if (percent) {
    const value = number(percent[1]);
    return value < 0 || value > 100 ? "percent-range" : cents((maxPoints * value) / 100);
  }
  return /^-?\d+(?:[.,]\d+)?$/.test(cell) ? number(cell) : "invalid";
}

/**
 * What the survey result changes: the appraised score of the criterion (round 1, and round 2 where
 * round 2 already scored it, so that the appraised score, round 2 else round 1, is the survey's).
 */
export function isSurveyChange(target: Pick<SurveyScore, "round1Score" | "round2Score">, score: number): boolean {
  return target.round1Score !== score || (target.round2Score !== null && target.round2Score !== score);
}

/**
 * Checks the whole file and returns the changes, or every problem found by row and column (the
 * header is row 1). Nothing is written when any problem is found.
 */
export function planSurveyImport(
  columns: readonly string[],
  rows: readonly TableRow[],
  options: {
    agencies: readonly SurveyAgency[];
    survey: readonly SurveyCriterion[];
    /** Codes of the framework's other sub-criteria: named as not survey-based rather than unknown. */
    otherCodes: readonly string[];
    scoreOf: (assessmentId: number, code: string) => SurveyScore | undefined;
  },
): { issues: Issue[]; changes: SurveyChange[]; rows: SurveyRowOutcome[] } {
  const t = libTranslator("errors.survey");
  const surveyCodes = options.survey.map((c) => c.code).join(", ");
  const issues: Issue[] = [];
  if (!columns.some((column) => (AGENCY_COLUMNS as readonly string[]).includes(column))) {
    issues.push({ row: 1, column: AGENCY_COLUMNS.join(","), message: t("agencyColumnMissing") });
  }
  const criterionOf = new Map(options.survey.map((c) => [c.code.toLowerCase(), c]));
  const others = new Set(options.otherCodes.map((code) => code.toLowerCase()));
  const criterionColumns: { column: string; criterion: SurveyCriterion }[] = [];
  for (const column of columns) {
    if ((AGENCY_COLUMNS as readonly string[]).includes(column)) continue;
    const criterion = criterionOf.get(column);
    if (criterion) criterionColumns.push({ column, criterion });
    else issues.push({ row: 1, column, message: t(others.has(column) ? "notSurveyColumn" : "unknownColumn", { column, codes: surveyCodes }) });
  }
  if (criterionColumns.length === 0 && issues.length === 0) issues.push({ row: 1, message: t("noCriterionColumn", { codes: surveyCodes }) });
  if (issues.length > 0) return { issues, changes: [], rows: [] };
  if (rows.length === 0) return { issues: [{ row: 2, message: t("noRows") }], changes: [], rows: [] };

  const byCode = new Map(options.agencies.map((a) => [foldText(a.code), a]));
  const byName = new Map(options.agencies.flatMap((a) => [[foldText(a.name), a] as const, ...(a.shortName ? [[foldText(a.shortName), a] as const] : [])]));
  const seen = new Map<number, string>();
  const changes: SurveyChange[] = [];
  const outcomes: SurveyRowOutcome[] = [];
  for (const { row: line, values } of rows) {
    const row = String(line);
    const code = (values.agency_code ?? "").trim();
    const named = code === "" ? (values.agency_name ?? "").trim() : code;
    const column = code === "" ? "agency_name" : "agency_code";
    const agency = code === "" ? byName.get(foldText(named)) : byCode.get(foldText(code));
    if (!agency) {
      issues.push({ row: line, column, message: named === "" ? t("agencyMissing", { row }) : t("unknownAgency", { row, agency: named }) });
      continue;
    }
    const first = seen.get(agency.assessmentId);
    if (first !== undefined) {
      issues.push({ row: line, column, message: t("duplicateAgency", { row, agency: agency.name, first }) });
      continue;
    }
    seen.set(agency.assessmentId, row);
    if (agency.status === "FINALIZED") {
      issues.push({ row: line, column, message: t("finalized", { row, agency: agency.name }) });
      continue;
    }
    let changed = false;
    for (const { column: cellColumn, criterion } of criterionColumns) {
      const text = values[cellColumn] ?? "";
      const points = surveyPoints(text, criterion.maxPoints);
      if (points === null) continue;
      if (points === "invalid" || points === "percent-range") {
        issues.push({ row: line, column: cellColumn, message: t(points === "invalid" ? "notAScore" : "percentRange", { row, value: text.trim() }) });
        continue;
      }
      const problem = scoreProblem(points, criterion.maxPoints, criterion.code);
      if (problem) {
        issues.push({ row: line, column: cellColumn, message: t("rowProblem", { row, problem }) });
        continue;
      }
      const target = options.scoreOf(agency.assessmentId, criterion.code);
      if (!target || target.notApplicable) {
        issues.push({ row: line, column: cellColumn, message: t("notApplicable", { row, code: criterion.code, agency: agency.name }) });
        continue;
      }
      if (isSurveyChange(target, points)) {
        changes.push({ row: line, agencyCode: agency.code, code: criterion.code, score: points, target });
        changed = true;
      }
    }
    outcomes.push({ row: line, code: agency.code, name: agency.name, change: changed ? "updated" : "unchanged" });
  }
  return issues.length > 0 ? { issues, changes: [], rows: [] } : { issues, changes, rows: outcomes };
}

/** The template of a period's survey results: its agencies, one column per survey criterion, today's values. */
export function surveyTemplate(
  year: number,
  survey: readonly SurveyCriterion[],
  agencies: readonly Pick<SurveyAgency, "assessmentId" | "code" | "name">[],
  scoreOf: (assessmentId: number, code: string) => SurveyScore | undefined,
): Template {
  const t = libTranslator("errors.survey.template");
  const points = (score: SurveyScore | undefined) => {
    const value = score ? (score.round2Score ?? score.round1Score) : null;
    return value === null ? "" : String(value);
  };
  return {
    sheetName: t("sheet", { year: String(year) }),
    instructions: [t("intro", { year: String(year) }), t("values"), t("empty"), t("allOrNothing")],
    columns: [
      { name: "agency_code", help: t("helpCode"), required: true, width: 14 },
      { name: "agency_name", help: t("helpName"), required: false, width: 40 },
      ...survey.map((c) => ({ name: c.code, help: t("helpCriterion", { code: c.code, max: String(c.maxPoints) }), required: false, width: 12 })),
    ],
    examples: agencies.map((a) => [a.code, a.name, ...survey.map((c) => points(scoreOf(a.assessmentId, c.code)))]),
    rowsWithLists: 0,
  };
}
