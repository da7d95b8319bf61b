// Vietnamese names of the framework enums, shared by messages, pages and file import (which
// accepts these names as well as the codes).
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

export const STATUS_LABELS: Record<FrameworkStatus, string> = {
  DRAFT: "Bản nháp",
  ACTIVE: "Đang áp dụng",
  ARCHIVED: "Lưu trữ",
};

export const AGENCY_KIND_LABELS: Record<AgencyKind, string> = {
  DEPARTMENT: "Sở, ban, ngành",
  DISTRICT: "UBND cấp huyện",
  COMMUNE: "UBND cấp xã",
};
