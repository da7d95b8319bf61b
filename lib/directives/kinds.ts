// The kinds of directive and of reporting regime, as stored. Apart from labels.ts (which names
// them through the message catalogue) so that client forms can list them without bringing the
// catalogue into the browser.
import type { DirectiveKind } from "@/lib/db/generated/enums";

export const DIRECTIVE_KINDS = ["QUYET_DINH", "KE_HOACH", "CONG_VAN", "CHI_THI", "VAN_BAN", "NGHI_QUYET"] as const satisfies readonly DirectiveKind[];

/** Reporting regimes a directive can require (stored in Directive.reporting). */
export const REPORTING_KINDS = ["QUARTERLY", "HALF_YEAR", "ANNUAL"] as const;
export type ReportingKind = (typeof REPORTING_KINDS)[number];
