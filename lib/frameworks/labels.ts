// The framework enums, and the Vietnamese names a criteria file may use (the import accepts these
// names as well as the codes): the catalogue's own (lib/i18n/messages/vi/frameworks.json).
import type { AgencyKind, AssessmentMethod, CriterionLevel, FrameworkStatus } from "@/lib/db/generated/enums";
import viFrameworks from "@/lib/i18n/messages/vi/frameworks.json";

export const LEVELS = ["FIELD", "CRITERION", "SUB_CRITERION"] as const satisfies readonly CriterionLevel[];
export const METHODS = ["APPRAISAL", "SURVEY", "STATISTICS"] as const satisfies readonly AssessmentMethod[];
export const STATUSES = ["DRAFT", "ACTIVE", "ARCHIVED"] as const satisfies readonly FrameworkStatus[];
/** Internal frameworks score departments or communes (districts were abolished in 2025). */
export const FRAMEWORK_AGENCY_KINDS = ["DEPARTMENT", "COMMUNE"] as const satisfies readonly AgencyKind[];

export const LEVEL_LABELS: Record<CriterionLevel, string> = viFrameworks.levels;
export const METHOD_LABELS: Record<AssessmentMethod, string> = viFrameworks.methods;
