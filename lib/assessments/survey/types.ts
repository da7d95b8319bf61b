// What the survey import's reads and writes return to pages and the import form.

export type SurveyOverview = {
  periodId: number;
  year: number;
  frameworkName: string;
  published: boolean;
  agencyCount: number;
  /** The framework's survey-based sub-criteria, with how many of the period's agencies have a score in each. */
  criteria: { code: string; name: string; maxPoints: number; scored: number }[];
};

/** The import's answer, in the shape the import form (components/admin/import-form.tsx) shows. */
export type SurveyImportOutcome = {
  dryRun: boolean;
  /** Scores changed (one audit row each). */
  changed: number;
  summary: { new: number; updated: number; unchanged: number };
  rows: { row: number; code: string; name: string; change: "updated" | "unchanged" }[];
};
