// What the assessment queries return (plain data), for the pages and the client components.
import type { AgencyKind, AssessmentMethod, AssessmentStatus, PeriodStatus } from "@/lib/db/generated/enums";

export type { AssessmentStatus };

export type PeriodSummary = {
  id: number;
  year: number;
  provinceName: string;
  frameworkName: string;
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
  selfTotal: number;
  appraisedTotal: number | null;
  finalTotal: number | null;
  rank: number | null;
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
    evidence: { id: number; fileName: string; sizeBytes: number; uploadedAt: Date }[];
  };
};
