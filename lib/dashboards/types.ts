// What the dashboards return (plain data), for the pages and the client components.
import type { AgencyKind, AssessmentMethod, AssessmentStatus, PeriodStatus, TaskStatus } from "@/lib/db/generated/enums";
import type { ScoreBasis } from "@/lib/assessments/workflow";
import type { GradeBand } from "@/lib/frameworks/grades";
import type { EvaluatedTarget } from "@/lib/targets/types";
import type { CriterionFlag, SortOrder } from "./flags";
import type { DefaultTarget, FixPlan } from "./what-to-fix";
import type { YearChange } from "./yoy";

export type UnitResult = {
  year: number;
  /** Null when only the rank was published. */
  score: number | null;
  rank: number | null;
  rankMin: number;
  rankMax: number;
  unitCount: number;
  officialRankDisagrees: boolean;
  /** Places gained since the year before (same unit), when both ranks are known. */
  change: number | null;
  group: string | null;
  source: string;
};

/** profilePath: the unit's public profile page. */
export type UnitHistory = { unitId: number; label: string; profilePath: string; isSelf: boolean; rows: UnitResult[] };

export type ComponentComparison = {
  unitLabel: string;
  year: number;
  /** The province ranked first that year, with its components when known. */
  leader: { label: string; score: number } | null;
  items: {
    code: string;
    nameVi: string;
    maxPoints: number | null;
    value: number;
    nationalAverage: number | null;
    leaderValue: number | null;
  }[];
};

export type IndexSection = {
  code: string;
  shortName: string;
  /** The latest year of this index published for any province. */
  latestYear: number | null;
  /** The province itself (not only the old units it was formed from) has a published result. */
  selfHasResult: boolean;
  /** Per unit: its latest result and the one of the year before. */
  summary: { unitId: number; label: string; profilePath: string; isSelf: boolean; latest: UnitResult; previous: UnitResult | null }[];
  history: UnitHistory[];
  nationalAverages: { year: number; value: number }[];
  components: ComponentComparison[];
};

export type AgencyStanding = {
  agencyId: number;
  code: string;
  name: string;
  kind: AgencyKind;
  isDemo: boolean;
  rank: number | null;
  finalTotal: number;
  classification: string | null;
};

export type LostCriterion = {
  code: string;
  name: string;
  maxPoints: number;
  assessed: number;
  belowMax: number;
  notScored: number;
  lost: number;
};

export type PeriodSection = {
  id: number;
  year: number;
  status: PeriodStatus;
  frameworkName: string;
  illustrative: boolean;
  maxScore: number;
  gradeBands: GradeBand[];
  agencyCount: number;
  finalizedCount: number;
  /** Ranked agencies once the period is published (finalized ones before that, unranked). */
  standings: AgencyStanding[];
  /** The ten criteria that lost the most points over the finalized agencies. */
  lostCriteria: LostCriterion[];
};

export type LeaderDashboard = {
  /** firstResultYear: results of earlier years belong to the old units it was formed from. */
  province: { id: number; code: string; label: string; name: string; profilePath: string; firstResultYear: number; predecessors: string[] } | null;
  choices: { id: number; label: string }[];
  year: number;
  years: number[];
  indices: IndexSection[];
  targets: EvaluatedTarget[];
  periods: PeriodSection[];
  /** Open tasks of the province's directives past their due date, most overdue first. */
  overdueTasks: OverdueTask[];
};

export type OverdueTask = {
  id: number;
  title: string;
  directive: { id: number; number: string };
  leadAgency: string | null;
  dueOn: string;
  daysOverdue: number;
};

export type LinkedTask = {
  id: number;
  title: string;
  directiveNumber: string;
  leadAgency: string | null;
  dueOn: Date | null;
  status: TaskStatus;
  progressPercent: number;
  overdue: boolean;
};

export type AgencyCriterionRow = {
  criterionId: number;
  code: string;
  name: string;
  field: string | null;
  maxPoints: number;
  method: AssessmentMethod;
  selfScore: number | null;
  appraisedScore: number | null;
  finalScore: number | null;
  /** The score the flags and points lost are read from (see basis). */
  score: number | null;
  lost: number;
  target: number | null;
  flags: CriterionFlag[];
  yoy: YearChange;
  tasks: LinkedTask[];
};

export type AgencyView = {
  agency: { id: number; code: string; name: string; isDemo: boolean; provinceId: number; provinceName: string };
  /** Other agencies of the province the actor may open (none for an agency head). */
  agencies: { id: number; name: string }[];
  /** The agency's assessments, newest first, for the year switch. */
  assessments: { year: number; periodStatus: PeriodStatus; status: AssessmentStatus }[];
  requestedYear: number | null;
  assessment: null | {
    id: number;
    year: number;
    status: AssessmentStatus;
    periodId: number;
    periodStatus: PeriodStatus;
    framework: { name: string; illustrative: boolean; maxScore: number; gradeBands: GradeBand[] };
    basis: ScoreBasis;
    total: number;
    bonus: number | null;
    penalty: number | null;
    rank: { value: number; of: number } | null;
    classification: string | null;
    previousYear: number | null;
    sort: SortOrder;
    rows: AgencyCriterionRow[];
    whatToFix: {
      target: number | null;
      targetSource: DefaultTarget | { source: "entered"; label: string; value: number } | null;
      plan: FixPlan | null;
      /** Criteria losing points the agency cannot recover by its own work (survey, statistics): left out of the plan. */
      notActionable: string[];
      currentRank: { rank: number; of: number } | null;
      newRank: { rank: number; of: number } | null;
      newClassification: string | null;
    };
  };
  targets: EvaluatedTarget[];
};
