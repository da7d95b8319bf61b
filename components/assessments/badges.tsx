import { useTranslations } from "next-intl";
import type { AssessmentStatus } from "@/lib/assessments/types";
import { Badge, type BadgeTone } from "@/components/ui/badge";

/** Marks figures the demo data set made up; `label` names what is illustrative when it is not the data. */
export function IllustrativeBadge({ label }: { label?: string }) {
  const t = useTranslations("common.illustrative");
  return (
    <Badge tone="warn" className="ml-1 font-medium" title={t("title")}>
      {label ?? t("label")}
    </Badge>
  );
}

const STATUS_TONE: Record<AssessmentStatus, BadgeTone> = {
  DRAFT: "neutral",
  SUBMITTED: "info",
  ROUND1: "progress",
  EXPLANATION_REQUESTED: "warn",
  ROUND2: "special",
  FINALIZED: "ok",
};

export function StatusBadge({ status }: { status: AssessmentStatus }) {
  const t = useTranslations("assessments.assessmentStatus");
  return <Badge tone={STATUS_TONE[status]}>{t(status)}</Badge>;
}
