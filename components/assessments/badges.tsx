import type { AssessmentStatus } from "@/lib/assessments/types";
import { ASSESSMENT_STATUS_LABELS } from "@/lib/assessments/workflow";

export function IllustrativeBadge({ label = "Dữ liệu minh họa" }: { label?: string }) {
  return (
    <span className="ml-1 inline-block rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900" title="Dữ liệu tự đặt cho bản demo, không phải số liệu chính thức">
      {label}
    </span>
  );
}

const STATUS_STYLE: Record<AssessmentStatus, string> = {
  DRAFT: "bg-slate-100 text-slate-800",
  SUBMITTED: "bg-sky-100 text-sky-900",
  ROUND1: "bg-indigo-100 text-indigo-900",
  EXPLANATION_REQUESTED: "bg-amber-100 text-amber-900",
  ROUND2: "bg-violet-100 text-violet-900",
  FINALIZED: "bg-emerald-100 text-emerald-900",
};

export function StatusBadge({ status }: { status: AssessmentStatus }) {
  return <span className={`inline-block rounded px-2 py-0.5 text-xs font-semibold ${STATUS_STYLE[status]}`}>{ASSESSMENT_STATUS_LABELS[status]}</span>;
}
