// Scores as a file, in the layout staff already use: one row per sub-criterion with code, name,
// maximum, self score, appraised score and comment (and, for a whole year, the agency). Pure
// validation here; reading the database and writing are in ./periods (queries.ts, mutations.ts).
import type { Issue } from "@/lib/errors";
import type { AssessmentStatus } from "@/lib/db/generated/enums";
import { LOCALES, type Locale } from "@/lib/i18n/config";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { messageLocale } from "@/lib/i18n/message-locale";
import { translator } from "@/lib/i18n/translator";
import { columnKeys, rowsByKey } from "@/lib/io/headings";
import type { TableRow } from "@/lib/io/table-file";
import { appraisalRound, scoreProblem } from "./workflow";

export const SCORE_COLUMNS = ["agency_code", "agency_name", "code", "name", "max_points", "self_score", "appraised_score", "comment"] as const;
const REQUIRED = ["agency_code", "code", "self_score", "appraised_score"] as const;
type ScoreColumn = (typeof SCORE_COLUMNS)[number];

/**
 * The file's headings for people in `locale` ("Điểm tự chấm" for self_score). The export writes
 * them; the import reads these in either language as well as the column names.
 */
export function scoreHeadings(locale: Locale): Record<ScoreColumn, string> {
  const t = libTranslator("errors.scoresFile", locale);
  return Object.fromEntries(SCORE_COLUMNS.map((column) => [column, t(`columns.${column}`)])) as Record<ScoreColumn, string>;
}

/** What the file may change of one sub-criterion, given the state of its assessment. */
export type ScoreTarget = {
  criterionScoreId: number;
  assessmentId: number;
  agencyCode: string;
  version: number;
  code: string;
  maxPoints: number;
  selfScorable: boolean; // appraisal-based (survey criteria are never self-scored)
  notApplicable: boolean; // marked not applicable to the agency: never scored
  status: AssessmentStatus;
  selfScoringOpen: boolean; // DRAFT and before the deadline
  selfScore: number | null;
  selfComment: string | null;
  round1Score: number | null;
  round1Comment: string | null;
  round2Score: number | null;
  round2Comment: string | null;
};

export type ScoreChange = {
  target: ScoreTarget;
  row: number;
  kind: "self" | "round1" | "round2";
  score: number | null;
  comment: string | null;
};

/** The comment column carries the comment of whoever scores at this stage of the workflow. */
export function exportedComment(t: Pick<ScoreTarget, "status" | "selfComment" | "round1Comment" | "round2Comment">): string | null {
  const round = appraisalRound(t.status);
  if (round === 2) return t.round2Comment;
  if (round === 1) return t.round1Comment;
  return t.status === "DRAFT" ? t.selfComment : (t.round2Comment ?? t.round1Comment ?? t.selfComment);
}

export function exportedAppraised(t: Pick<ScoreTarget, "status" | "round1Score" | "round2Score">): number | null {
  return appraisalRound(t.status) === 1 ? t.round1Score : (t.round2Score ?? t.round1Score);
}

function parsePoints(text: string): number | null | "invalid" {
  if (text === "") return null;
  const normalized = text.replace(",", ".");
  return /^-?\d+(\.\d+)?$/.test(normalized) ? Number(normalized) : "invalid";
}

/**
 * Checks every row against the targets and returns the changes, or every problem found. A row
 * whose values equal what is stored changes nothing; the whole file is refused on any problem.
 */
export function planScoreImport(
  headings: readonly string[],
  rowsAsRead: readonly TableRow[],
  targetOf: (agencyCode: string, code: string) => ScoreTarget | "unknown-agency" | "unknown-code",
  mayScore: (agencyCode: string, kind: "self" | "appraisal") => boolean,
): { issues: Issue[]; changes: ScoreChange[]; unchanged: number } {
  const t = libTranslator("errors.scores");
  const columns = columnKeys(headings, LOCALES.map(scoreHeadings));
  const rows = rowsByKey(headings, columns, rowsAsRead);
  const missing = REQUIRED.filter((column) => !columns.includes(column));
  if (missing.length > 0) {
    return {
      issues: [
        {
          row: 1,
          column: missing.join(","),
          message: t("headerMissing", { columns: missing.join(", "), expected: SCORE_COLUMNS.join(", ") }),
        },
      ],
      changes: [],
      unchanged: 0,
    };
  }
  if (rows.length === 0) return { issues: [{ row: 2, message: t("noRows") }], changes: [], unchanged: 0 };
  const issues: Issue[] = [];
  const changes: ScoreChange[] = [];
  const seen = new Map<string, number>();
  let unchanged = 0;
  for (const { row, values } of rows) {
    const agencyCode = values.agency_code ?? "";
    const code = values.code ?? "";
    const key = `${agencyCode}\u0000${code}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push({ row, column: "code", message: t("duplicate", { row: String(row), code, agency: agencyCode, first: String(first) }) });
      continue;
    }
    seen.set(key, row);
    const target = targetOf(agencyCode, code);
    if (target === "unknown-agency") {
      issues.push({ row, column: "agency_code", message: t("unknownAgency", { row: String(row), agency: agencyCode }) });
      continue;
    }
    if (target === "unknown-code") {
      issues.push({ row, column: "code", message: t("unknownCode", { row: String(row), code }) });
      continue;
    }
    const self = parsePoints(values.self_score ?? "");
    const appraised = parsePoints(values.appraised_score ?? "");
    const comment = (values.comment ?? "") || null;
    if (comment && comment.length > 4000) issues.push({ row, column: "comment", message: t("commentTooLong", { row: String(row) }) });
    for (const [column, value] of [
      ["self_score", self],
      ["appraised_score", appraised],
    ] as const) {
      if (value === "invalid") issues.push({ row, column, message: t("notAScore", { row: String(row), value: values[column] ?? "" }) });
      else if (value !== null) {
        const problem = scoreProblem(value, target.maxPoints, code);
        if (problem) issues.push({ row, column, message: t("rowProblem", { row: String(row), problem }) });
      }
    }
    if (self === "invalid" || appraised === "invalid") continue;
    if (target.notApplicable && (self !== null || appraised !== null)) {
      issues.push({ row, column: self !== null ? "self_score" : "appraised_score", message: t("notApplicable", { row: String(row), code }) });
      continue;
    }

    const round = appraisalRound(target.status);
    const selfChanged = self !== target.selfScore || (target.status === "DRAFT" && comment !== target.selfComment);
    const appraisedChanged = appraised !== exportedAppraised(target) || (round !== null && comment !== exportedComment(target));
    if (!selfChanged && !appraisedChanged) {
      unchanged++;
      continue;
    }
    if (selfChanged) {
      if (!target.selfScorable && self !== null) {
        issues.push({ row, column: "self_score", message: t("surveyNotSelfScored", { row: String(row), code }) });
      } else if (!target.selfScoringOpen) {
        issues.push({
          row,
          column: "self_score",
          message: t(target.status === "DRAFT" ? "selfLockedDeadline" : "selfLockedSubmitted", { row: String(row), agency: agencyCode }),
        });
      } else if (!mayScore(agencyCode, "self")) {
        issues.push({ row, column: "self_score", message: t("selfForbidden", { row: String(row), agency: agencyCode }) });
      } else {
        changes.push({ target, row, kind: "self", score: self, comment });
      }
    }
    if (appraisedChanged) {
      if (round === null) {
        issues.push({
          row,
          column: "appraised_score",
          message: t("appraisalNotOpen", {
            row: String(row),
            agency: agencyCode,
            status: translator(messageLocale(), "assessments.assessmentStatus")(target.status),
          }),
        });
      } else if (!mayScore(agencyCode, "appraisal")) {
        issues.push({ row, column: "appraised_score", message: t("appraisalForbidden", { row: String(row), agency: agencyCode }) });
      } else {
        changes.push({ target, row, kind: round === 1 ? "round1" : "round2", score: appraised, comment });
      }
    }
  }
  return { issues, changes: issues.length > 0 ? [] : changes, unchanged };
}
