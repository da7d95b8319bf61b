// The province's own PAR INDEX self-assessment as pages read it (issue 17, item 7).
import type { AssessmentStatus } from "@/lib/db/generated/enums";

export type SelfAssessmentYear = {
  periodId: number;
  assessmentId: number;
  year: number;
  indexCode: string;
  frameworkName: string;
  /** The framework's points are illustrative, or the data is the demo's. */
  illustrative: boolean;
  status: AssessmentStatus;
  deadline: Date;
  /** Self-assessed appraisal points (sub-criteria not yet scored count 0) out of maxPoints. */
  selfPoints: number;
  maxPoints: number;
  /** Every self-assessed criterion's maximum, not-applicable ones included: the framework's appraisal part (61.5). */
  appraisalMax: number;
  scored: number;
  toScore: number;
};

export type SelfAssessmentOptions = { id: number; name: string; validFromYear: number; validToYear: number | null }[];
