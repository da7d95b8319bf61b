// What the framework queries return (plain data), for the pages and the client components.
import type { AgencyKind, FrameworkStatus, IndexSubject } from "@/lib/db/generated/enums";

export type { FrameworkStatus };
import type { GradeBand } from "./grades";
import type { NormalRow, TreeIssue } from "./tree";

export type FrameworkSummary = {
  id: number;
  key: string;
  version: number;
  name: string;
  decision: string | null;
  validFromYear: number;
  validToYear: number | null;
  status: FrameworkStatus;
  isIllustrative: boolean;
  isDemo: boolean;
  ownerProvinceName: string | null;
  agencyKind: AgencyKind | null;
  maxScore: number;
  criteriaCount: number;
  inUse: boolean;
};

export type FrameworkGroup = {
  index: { code: string; shortName: string; nameVi: string; subject: IndexSubject };
  frameworks: FrameworkSummary[];
};

export type CriterionView = NormalRow & { id: number; parentId: number | null; isIllustrative: boolean; isLeaf: boolean };

export type FrameworkDetail = Omit<FrameworkSummary, "criteriaCount"> & {
  index: FrameworkGroup["index"];
  ownerProvinceId: number | null;
  bonusCap: number;
  penaltyCap: number;
  componentsAreAdditive: boolean;
  note: string | null;
  revision: number;
  createdAt: Date;
  previousVersion: { id: number; version: number } | null;
  versions: { id: number; version: number; status: FrameworkStatus; validFromYear: number; validToYear: number | null }[];
  /** How many assessments past the draft stage use it (each makes it "in use"). */
  usedByAssessments: number;
  components: { code: string; nameVi: string; maxPoints: number }[];
  gradeBands: { label: string; minScore: number }[];
  criteria: CriterionView[];
  /** What the tree still lacks (a draft being built), in the words of the save checks. */
  issues: TreeIssue[];
  canEdit: boolean;
};

export type FrameworkFormOptions = {
  indices: { code: string; shortName: string; nameVi: string; subject: IndexSubject }[];
  provinces: { id: number; code: string; nameVi: string }[];
};

/** The national framework of an index in force for a year: what the results pages show of it. */
export type NationalFramework = {
  id: number;
  name: string;
  decision: string | null;
  isIllustrative: boolean;
  componentsAreAdditive: boolean;
  components: { code: string; nameVi: string; maxPoints: number }[];
  gradeBands: GradeBand[];
  fields: { id: number; code: string; name: string; maxPoints: number; isIllustrative: boolean }[];
};
