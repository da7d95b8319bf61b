// The shapes of the consistency analytics (self-scoring against appraisal, issue 17 item 6).

/** One appraised sub-criterion of one agency in one year, as the database holds it. */
export type ConsistencyScore = {
  year: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  criterionId: number;
  criterionCode: string;
  criterionName: string;
  self: number | null;
  round1: number | null;
  round2: number | null;
  final: number | null;
  explanationRequested: boolean;
};

/** Self against appraised points over a set of scores (sums, so that a gap is in points). */
export type Gap = {
  /** Sub-criteria with a self score and the appraised score compared. */
  count: number;
  self: number;
  appraised: number;
  /** self − appraised: positive when the agency scored itself higher than the appraisal. */
  gap: number;
};

export type OverReporting = "systematic" | "watch" | "none";

export type AgencyConsistency = {
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  /** The chosen year: self against round 1, and against the final appraised score. */
  round1: Gap | null;
  final: Gap | null;
  /** Every year with a finished appraisal: the gap to the final score, oldest first. */
  years: { year: number; gap: number }[];
  verdict: OverReporting;
};

export type CriterionConsistency = {
  criterionId: number;
  criterionCode: string;
  criterionName: string;
  /** The chosen year, over every agency: mean gap per agency scored, self − round 1 and self − final. */
  meanRound1Gap: number | null;
  meanFinalGap: number | null;
  agencies: number;
  /** Across all years: round-2 scores given, how many changed the round-1 score, and the share. */
  reviewed: number;
  reversed: number;
};

export type ExplanationTally = {
  /** Explanations requested on a score below the self score, with a round-2 score given. */
  decided: number;
  /** Of those, round 2 raised the score back towards the self score. */
  accepted: number;
  /** Of those, round 2 gave the self score back in full. */
  fullyAccepted: number;
};

export type ConsistencyReport = {
  provinceId: number;
  /** The years with a finished appraisal, newest first; the chosen one. */
  years: number[];
  year: number | null;
  agencies: AgencyConsistency[];
  criteria: CriterionConsistency[];
  explanations: ExplanationTally;
  /** The rule's parameters, stated on the page. */
  rule: { lastYears: number; minYears: number; threshold: number };
};
