// The framework enums, and the Vietnamese names lib's messages and file import use (the import
// accepts these names as well as the codes). Pages name them from the catalogue
// (lib/i18n/messages/*/frameworks.json); a test keeps both equal.
import type { AgencyKind, AssessmentMethod, CriterionLevel, FrameworkStatus } from "@/lib/db/generated/enums";

export const LEVELS = ["FIELD", "CRITERION", "SUB_CRITERION"] as const satisfies readonly CriterionLevel[];
export const METHODS = ["APPRAISAL", "SURVEY", "STATISTICS"] as const satisfies readonly AssessmentMethod[];
export const STATUSES = ["DRAFT", "ACTIVE", "ARCHIVED"] as const satisfies readonly FrameworkStatus[];
/** Internal frameworks score departments or communes (districts were abolished in 2025). */
export const FRAMEWORK_AGENCY_KINDS = ["DEPARTMENT", "COMMUNE"] as const satisfies readonly AgencyKind[];

export const LEVEL_LABELS: Record<CriterionLevel, string> = {
  FIELD: "Lĩnh vực",
  CRITERION: "Tiêu chí",
  SUB_CRITERION: "Tiêu chí thành phần",
};

export const METHOD_LABELS: Record<AssessmentMethod, string> = {
  APPRAISAL: "Thẩm định",
  SURVEY: "Điều tra xã hội học",
  STATISTICS: "Số liệu thống kê",
};
