// What the assessment queries return (plain data), for the pages and the client components.
import type { AgencyKind, AssessmentMethod, AssessmentStatus, PeriodStatus } from "@/lib/db/generated/enums";

export type { AssessmentStatus };

export type PeriodSummary = {
  id: number;
  year: number;
  provinceName: string;
  frameworkName: string;
  /** The peer group the period was opened for, with its own framework (null: none). */
  peerGroupName: string | null;
  frameworkIllustrative: boolean;
  deadline: Date;
  status: PeriodStatus;
  isDemo: boolean;
  agencyCount: number;
  finalizedCount: number;
};

export type AssessmentRow = {
  id: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  agencyKind: AgencyKind;
  status: AssessmentStatus;
  /** Every explanation asked for has its answer: staff can move on to round 2. */
  explained: boolean;
  /** Sub-criteria self-scored, of those the agency scores (survey criteria are not self-scored). */
  selfScored: number;
  selfScorable: number;
  selfTotal: number;
  appraisedTotal: number | null;
  finalTotal: number | null;
  /** The points the agency can earn (sub-criteria not applicable to it left out). */
  applicableMax: number;
  notApplicableCount: number;
  /** The final total as a percentage of the applicable maximum: how agencies are compared. */
  finalPercent: number | null;
  peerGroup: string | null;
  rank: number | null;
  /** Rank within its peer group. */
  peerRank: number | null;
  classification: string | null;
  version: number;
};

export type SheetCriterion = {
  id: number;
  parentId: number | null;
  level: "FIELD" | "CRITERION" | "SUB_CRITERION";
  code: string;
  name: string;
  maxPoints: number;
  method: AssessmentMethod;
  guidance: string | null;
  requiredEvidence: string | null;
  score: null | {
    id: number;
    version: number;
    selfScore: number | null;
    selfComment: string | null;
    round1Score: number | null;
    round1Comment: string | null;
    explanationRequest: string | null;
    explanationResponse: string | null;
    round2Score: number | null;
    round2Comment: string | null;
    finalScore: number | null;
    notApplicable: boolean;
    notApplicableReason: string | null;
    /** The actor may appraise this row (Home Affairs: every row; a council member: their assigned ones). */
    appraisable: boolean;
    evidence: { id: number; fileName: string; sizeBytes: number; uploadedAt: Date }[];
  };
};

/** One agency's line on the period control board (and in the progress API). */
export type AgencyProgress = {
  assessmentId: number;
  agencyId: number;
  agencyCode: string;
  agencyName: string;
  peerGroup: string | null;
  status: AssessmentStatus;
  /** Sub-criteria the agency self-scores (not applicable and survey ones left out), and how many it scored. */
  scored: number;
  total: number;
  evidenceCount: number;
  /** Its own deadline: an extension, else the period's. */
  deadline: Date;
  extended: boolean;
  extensionReason: string | null;
  /** Still self-scoring after its deadline. */
  late: boolean;
  version: number;
};

export type PeriodProgress = {
  periodId: number;
  year: number;
  provinceId: number;
  status: PeriodStatus;
  deadline: Date;
  canManage: boolean;
  agencies: AgencyProgress[];
};

/** A row of a sheet save refused because someone saved it since it was read: what it holds now. */
export type SheetConflict = { criterionScoreId: number; code: string; message: string; version: number };
export type SheetSaveResult = { saved: number; conflicts: SheetConflict[] };

/** One member of a period's appraisal council, their assignments and progress (council/queries.ts). */
export type CouncilMember = {
  userId: number;
  name: string;
  email: string;
  agencyName: string | null;
  assignments: { id: number; criterionId: number; code: string; name: string; level: "FIELD" | "CRITERION" | "SUB_CRITERION" }[];
  progress: { total: number; round1: number; requested: number; round2: number };
};

export type PeriodCouncil = {
  periodId: number;
  year: number;
  status: PeriodStatus;
  frameworkName: string;
  /** Home Affairs' view (every member, the forms); else the signed-in member's own. */
  canManage: boolean;
  members: CouncilMember[];
  /** Fields and criteria of the framework to assign (and sub-criteria), in order. */
  nodes: { id: number; code: string; name: string; level: "FIELD" | "CRITERION" | "SUB_CRITERION" }[];
  /** Accounts of the province that can be named (the table's "council" reach of assessment.appraise). */
  candidates: { id: number; name: string; email: string; agencyName: string | null }[];
  /** For a member: the sheets they appraise (every agency of the period but their own). */
  sheets: { assessmentId: number; agencyName: string; status: AssessmentStatus; total: number; round1: number; round2: number }[];
};
