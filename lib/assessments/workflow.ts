// The internal scoring workflow the provinces run, as pure rules (no I/O):
//   the year is opened with a deadline → each agency self-scores every sub-criterion with evidence
//   and submits → staff appraise (round 1), may ask for explanations (giải trình) → the agency
//   answers → round 2 → staff finalize (bonus/penalty, capped) → the year is published: agencies
//   ranked by final score and classified.
import type { AssessmentStatus, PeriodStatus, Role } from "@/lib/db/generated/enums";
import { reachOf } from "@/lib/auth/policy";
import { catalogueRecord, libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import { cents } from "@/lib/numbers";

const STATUSES = ["DRAFT", "SUBMITTED", "ROUND1", "EXPLANATION_REQUESTED", "ROUND2", "FINALIZED"] as const satisfies readonly AssessmentStatus[];

/** An assessment's status in lib's messages, in the request's language (pages: assessments.assessmentStatus). */
export const ASSESSMENT_STATUS_LABELS: Readonly<Record<AssessmentStatus, string>> = catalogueRecord(STATUSES, (status) =>
  libTranslator("errors.scoring.statuses")(status),
);

/**
 * Staff and leaders (who read the whole province in the permission table) see every score; the
 * agency (which reads its own agency only) sees its appraised and final scores once staff release
 * the appraisal, and in any case once the year is published (a published ranking is no secret to
 * the agency it ranks).
 */
export function seesAppraisal(role: Role, appraisalReleasedAt: Date | null, periodStatus: PeriodStatus): boolean {
  return reachOf(role, "province.read") !== "agency" || appraisalReleasedAt !== null || periodStatus === "PUBLISHED";
}

/** The agency's self-scoring deadline: its own extension when Home Affairs granted one, else the period's. */
export function effectiveDeadline(periodDeadline: Date, extendedTo: Date | null): Date {
  return extendedTo ?? periodDeadline;
}

/** Self scores can change while the agency has not submitted and its deadline has not passed. */
export function canSelfScore(status: AssessmentStatus, deadline: Date, now: Date): boolean {
  return status === "DRAFT" && now.getTime() <= deadline.getTime();
}

/** The appraisal round staff are scoring in, or null when appraisal is not open. */
export function appraisalRound(status: AssessmentStatus): 1 | 2 | null {
  if (status === "SUBMITTED" || status === "ROUND1") return 1;
  if (status === "ROUND2") return 2;
  return null;
}

export type WorkflowStep =
  | "submit" // agency: DRAFT → SUBMITTED
  | "requestExplanations" // staff: ROUND1 → EXPLANATION_REQUESTED (releases round 1 to the agency)
  | "startRound2" // staff: EXPLANATION_REQUESTED → ROUND2
  | "finalize" // staff: ROUND1 or ROUND2 → FINALIZED
  | "returnForCorrection" // staff: SUBMITTED → DRAFT, the sheet goes back to the agency to correct
  | "withdraw"; // agency: SUBMITTED → DRAFT, its own submission taken back before appraisal starts

const STEPS: Record<WorkflowStep, { from: AssessmentStatus[]; to: AssessmentStatus }> = {
  submit: { from: ["DRAFT"], to: "SUBMITTED" },
  requestExplanations: { from: ["SUBMITTED", "ROUND1"], to: "EXPLANATION_REQUESTED" },
  startRound2: { from: ["EXPLANATION_REQUESTED"], to: "ROUND2" },
  finalize: { from: ["SUBMITTED", "ROUND1", "ROUND2"], to: "FINALIZED" },
  // Only from SUBMITTED: once an appraised score exists (ROUND1) the sheet is the council's.
  returnForCorrection: { from: ["SUBMITTED"], to: "DRAFT" },
  withdraw: { from: ["SUBMITTED"], to: "DRAFT" },
};

export function nextStatus(step: WorkflowStep, status: AssessmentStatus): AssessmentStatus | null {
  return STEPS[step].from.includes(status) ? STEPS[step].to : null;
}

export type ScoreRow = {
  maxPoints: number;
  method: "APPRAISAL" | "SURVEY" | "STATISTICS";
  selfScore: number | null;
  round1Score: number | null;
  round2Score: number | null;
  /** Marked not applicable to the agency (./applicable.ts): never scored, never missing. */
  notApplicable?: boolean;
};

/** The appraised score of a sub-criterion: round 2 when given, else round 1. */
export function appraisedScore(row: Pick<ScoreRow, "round1Score" | "round2Score">): number | null {
  return row.round2Score ?? row.round1Score;
}

/** What is still missing before staff can finalize: sub-criteria without an appraised score. */
export function unappraisedCount(rows: readonly ScoreRow[]): number {
  return rows.filter((row) => !row.notApplicable && appraisedScore(row) === null).length;
}

/**
 * Final total = appraised scores + bonus − penalty, bonus and penalty each capped by the
 * framework, never below 0 nor above the framework maximum. Unappraised sub-criteria count 0.
 */
export function finalTotal(
  rows: readonly ScoreRow[],
  adjustments: { bonus: number; penalty: number },
  framework: { maxScore: number; bonusCap: number; penaltyCap: number },
): number {
  const appraised = rows.reduce((sum, row) => sum + (appraisedScore(row) ?? 0), 0);
  const bonus = Math.min(adjustments.bonus, framework.bonusCap);
  const penalty = Math.min(adjustments.penalty, framework.penaltyCap);
  return cents(Math.min(framework.maxScore, Math.max(0, appraised + bonus - penalty)));
}

/** Which scores of an assessment count, wherever one is shown: the agency view, targets, "my work". */
export type ScoreBasis = "final" | "appraised" | "self";

export const BASIS_LABELS: Readonly<Record<ScoreBasis, string>> = catalogueRecord(["final", "appraised", "self"], (basis) =>
  libTranslator("errors.scoring.basis")(basis),
);

/**
 * The one rule of which score counts: the final scores once the assessment is finalized, else the
 * appraised ones as soon as one exists, else the self scores. Appraised and final scores count only
 * for someone who sees them (seesAppraisal): until then the agency works from its own self scores.
 */
export function scoreBasis(status: AssessmentStatus, seesAppraisal: boolean, scores: readonly Pick<ScoreRow, "round1Score" | "round2Score">[]): ScoreBasis {
  if (!seesAppraisal) return "self";
  if (status === "FINALIZED") return "final";
  return scores.some((score) => appraisedScore(score) !== null) ? "appraised" : "self";
}

/** A sub-criterion's score on that basis (null: it has none). */
export function countedScore(
  score: Pick<ScoreRow, "selfScore" | "round1Score" | "round2Score"> & { finalScore: number | null },
  basis: ScoreBasis,
): number | null {
  switch (basis) {
    case "final":
      return score.finalScore ?? appraisedScore(score);
    case "appraised":
      return appraisedScore(score);
    case "self":
      return score.selfScore;
  }
}

/** Sum of the self scores (survey criteria are never self-scored). */
export function selfTotal(rows: readonly ScoreRow[]): number {
  return cents(rows.reduce((sum, row) => sum + (row.selfScore ?? 0), 0));
}

/** Why a score is not acceptable for a sub-criterion, or null. */
export function scoreProblem(score: number, maxPoints: number, code: string): string | null {
  const t = libTranslator("errors.scores");
  const points = libFormat().points;
  if (!Number.isFinite(score)) return t("scoreNotANumber", { code });
  if (score < 0) return t("scoreNegative", { code, max: points(maxPoints) });
  if (score > maxPoints + 1e-9) return t("scoreAboveMax", { code, score: points(score), max: points(maxPoints) });
  if (Math.abs(score * 100 - Math.round(score * 100)) > 1e-6) return t("scoreDecimals", { code });
  return null;
}
