// What "my work" returns (plain data), for its page.
import type { TaskStatus } from "@/lib/db/generated/enums";
import type { ScoreBasis } from "@/lib/assessments/workflow";
import type { ReportingPeriod } from "@/lib/directives/rules";
import type { PendingCard } from "./pending";

export type MyTask = {
  id: number;
  directive: { id: number; number: string; title: string };
  title: string;
  /** The agency leads the task or coordinates it. */
  part: "lead" | "coordinating";
  dueOn: string | null;
  status: TaskStatus;
  statusLabel: string;
  progressPercent: number;
  overdue: boolean;
  daysOverdue: number;
};

export type MyReportDue = {
  directive: { id: number; number: string; title: string };
  agency: { id: number; name: string };
  period: ReportingPeriod;
  state: "missing" | "open";
};

export type WeakCriterion = {
  id: number;
  code: string;
  name: string;
  framework: string;
  maxPoints: number;
  /** The agency's latest score on it (final, else appraised, else self), with the year. */
  score: number | null;
  year: number | null;
  basis: ScoreBasis | null;
  pointsLost: number | null;
  tasks: string[];
};

export type MyWork = {
  /** The work of one agency (its head's), or of the province (staff and leaders). */
  forAgency: boolean;
  agencyName: string | null;
  /** Counts of what waits, for the cards of the home page and "my work". */
  pending: PendingCard[];
  tasks: MyTask[];
  reportsDue: MyReportDue[];
  weakCriteria: WeakCriterion[];
  today: string;
};
