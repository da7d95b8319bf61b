// The directive model's values, and the Vietnamese names lib's own messages and exports use
// (pages name them from the catalogue, lib/i18n/messages/*/directives.json; a test keeps both equal).
import type { DirectiveKind } from "@/lib/db/generated/enums";

export const DIRECTIVE_KINDS = ["QUYET_DINH", "KE_HOACH", "CONG_VAN", "CHI_THI", "VAN_BAN", "NGHI_QUYET"] as const satisfies readonly DirectiveKind[];

export const DIRECTIVE_KIND_LABELS: Record<DirectiveKind, string> = {
  QUYET_DINH: "Quyết định",
  KE_HOACH: "Kế hoạch",
  CONG_VAN: "Công văn",
  CHI_THI: "Chỉ thị",
  VAN_BAN: "Văn bản",
  NGHI_QUYET: "Nghị quyết",
};

/** The units a MIN_SCORE target is stated in, as stored (Target.unit): points, or a percentage. */
export const TARGET_UNITS = { points: "điểm", percent: "%" } as const;

/** Reporting regimes a directive can require (stored in Directive.reporting). */
export const REPORTING_KINDS = ["QUARTERLY", "HALF_YEAR", "ANNUAL"] as const;
export type ReportingKind = (typeof REPORTING_KINDS)[number];

/** How a link reads from each end: 1020/UBND-TH "triển khai" 733/UBND-TH, which is "được triển khai bởi" 1020. */
export const LINK_RELATIONS: Record<string, { forward: string; backward: string }> = {
  "Triển khai": { forward: "Triển khai", backward: "Được triển khai bởi" },
  "Căn cứ": { forward: "Căn cứ vào", backward: "Là căn cứ của" },
  "Thay thế": { forward: "Thay thế", backward: "Bị thay thế bởi" },
  "Sửa đổi, bổ sung": { forward: "Sửa đổi, bổ sung", backward: "Được sửa đổi, bổ sung bởi" },
  "Liên quan": { forward: "Liên quan đến", backward: "Liên quan đến" },
};
export const LINK_RELATION_NAMES = Object.keys(LINK_RELATIONS);

export function relationText(relation: string, direction: "from" | "to"): string {
  const known = LINK_RELATIONS[relation];
  if (!known) return relation;
  return direction === "from" ? known.forward : known.backward;
}
