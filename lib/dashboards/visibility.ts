// Which scores the dashboards read. Who may see appraised scores is the workflow's rule
// (seesAppraisal in lib/assessments/workflow.ts).
export { seesAppraisal } from "@/lib/assessments/workflow";

/** What the flags and totals of an assessment are read from. */
export type ScoreBasis = "final" | "appraised" | "self";

export const BASIS_LABELS: Record<ScoreBasis, string> = {
  final: "điểm cuối cùng",
  appraised: "điểm thẩm định (chưa chốt)",
  self: "điểm tự chấm (chưa có kết quả thẩm định)",
};
