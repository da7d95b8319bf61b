// The PAR INDEX nowcast as the page reads it (issue 17, item 7). An estimate: nothing of it is
// published; every number says where it comes from.
import type { AssessmentStatus } from "@/lib/db/generated/enums";

export type NowcastComponent = {
  code: string;
  nameVi: string;
  maxPoints: number;
  /** Points: the self-assessment's for the appraised part, the last published for the others. */
  value: number | null;
  /** Where the value comes from: the self-assessment, a published result of that year, or nothing. */
  source: { kind: "self"; year: number } | { kind: "published"; year: number } | { kind: "none" };
};

export type NowcastGap = {
  year: number;
  self: number;
  appraised: number;
  /** appraised − self. */
  gap: number;
};

export type Nowcast = {
  provinceName: string;
  /** Null when the province has no self-assessment yet. */
  selfAssessment: {
    year: number;
    indexCode: string;
    frameworkName: string;
    illustrative: boolean;
    status: AssessmentStatus;
    assessmentId: number;
    scored: number;
    toScore: number;
  } | null;
  /** False when the framework has no component matching the appraisal criteria's maximum. */
  appraisalComponentFound: boolean;
  components: NowcastComponent[];
  /** Null when a component is not published: `missing` says which. */
  expected: number | null;
  missing: string[];
  /** Last known self-vs-appraised gap (an earlier year with both), or null. */
  gap: NowcastGap | null;
  range: { low: number; high: number } | null;
  /** The last published table of totals the band is read from. */
  distribution: { year: number; published: number; unitCount: number } | null;
  band: { best: number; worst: number } | null;
};
