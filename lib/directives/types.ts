// What the directive queries return (plain data), for the pages and the client components.
import type { AgencyKind, DirectiveKind, TargetKind, TaskStatus } from "@/lib/db/generated/enums";

export type { TargetKind, TaskStatus };
import type { TargetEvaluation } from "@/lib/targets/evaluate";
import type { DirectiveProgress, ReportingPeriod, ReportMatrix, TargetsOverall } from "./rules";

export type DirectiveListItem = {
  id: number;
  number: string;
  kind: DirectiveKind;
  kindLabel: string;
  issuer: string;
  issuedOn: string | null;
  title: string;
  years: number[];
  provinceLabel: string | null;
  taskCount: number;
  doneCount: number;
  overdueCount: number;
  progress: DirectiveProgress;
  targetCount: number;
  targets: TargetsOverall;
  /** The directive asks for periodic reports and the actor may read their compilation (/van-ban/:id/bao-cao). */
  canCompile: boolean;
};

export type DirectiveList = {
  items: DirectiveListItem[];
  /** Values the filters offer, from the directives the actor may read. */
  years: number[];
  issuers: string[];
  canCreate: boolean;
};

export type FileItem = { id: number; fileName: string; sizeBytes: number; uploadedAt: Date };

export type TargetItem = {
  id: number;
  version: number;
  kind: TargetKind;
  kindLabel: string;
  /** The target as a phrase: "PAR INDEX ≥ 80% điểm tối đa", "PAR INDEX: tăng 10–15 bậc". */
  text: string;
  indexCode: string | null;
  indexName: string | null;
  year: number;
  value: number;
  valueMax: number | null;
  unit: string | null;
  agency: { id: number; name: string } | null;
  criterion: { id: number; code: string; name: string } | null;
  note: string | null;
  /** Null when the actor may not see it (an agency head, for a target of the province). */
  evaluation: TargetEvaluation | null;
};

export type TaskItem = {
  id: number;
  version: number;
  sortOrder: number;
  title: string;
  lead: { id: number; name: string } | null;
  coAgencies: { id: number; name: string }[];
  dueOn: string | null;
  status: TaskStatus;
  statusLabel: string;
  progressPercent: number;
  progressNote: string | null;
  overdue: boolean;
  daysOverdue: number;
  criteria: { id: number; code: string; name: string; framework: string }[];
  files: FileItem[];
  /** The actor may update its progress and evidence (the lead agency's head, or staff). */
  canReport: boolean;
};

export type ReportItem = {
  id: number;
  version: number;
  agencyId: number;
  period: string;
  content: string;
  submittedAt: Date;
  submittedBy: string | null;
};

export type AgencyChoice = { id: number; code: string; name: string; kind: AgencyKind };

export type CriterionGroup = {
  framework: string;
  internal: boolean;
  criteria: { id: number; code: string; name: string; level: string }[];
};

export type DirectiveDetail = {
  id: number;
  version: number;
  number: string;
  kind: DirectiveKind;
  kindLabel: string;
  issuer: string;
  signer: string | null;
  issuedOn: string | null;
  title: string;
  summary: string | null;
  years: number[];
  reporting: string[];
  note: string | null;
  sourceNote: string | null;
  province: { id: number; label: string } | null;
  links: {
    otherId: number;
    direction: "from" | "to";
    relation: string;
    relationText: string;
    number: string;
    kindLabel: string;
    title: string;
  }[];
  targets: TargetItem[];
  tasks: TaskItem[];
  files: FileItem[];
  periods: ReportingPeriod[];
  matrix: ReportMatrix<{ id: number; name: string }>;
  reports: ReportItem[];
  /** Agencies the actor may submit periodic reports for. */
  reportAgencyIds: number[];
  today: string;
  progress: DirectiveProgress;
  canWrite: boolean;
  /** The actor may read the compiled reports of every agency (staff and leaders of the province). */
  canCompile: boolean;
  /** Choices of the staff forms (empty for readers). */
  choices: {
    agencies: AgencyChoice[];
    criteria: CriterionGroup[];
    indices: { code: string; shortName: string; subject: string }[];
    linkable: { id: number; number: string; issuer: string; title: string }[];
  };
};

export type CompiledRow = {
  period: ReportingPeriod;
  agency: { id: number; name: string };
  state: "submitted" | "missing" | "open" | "upcoming";
  submittedAt: Date | null;
  submittedBy: string | null;
  content: string | null;
};
