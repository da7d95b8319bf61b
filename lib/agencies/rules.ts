// Rules of a province's agencies and communes (pure): the kinds, how a kind is read from a file,
// when an agency may be deleted rather than ended, and what a merge or a split must say. Lineage is
// kept as provinces keep theirs (lib/units/lineage.ts): the units that end, the day the new one
// starts, and the legal act; an agency's history is that of the units it was formed from.
import type { AgencyKind } from "@/lib/db/generated/enums";
import type { Issue } from "@/lib/errors";
import { codeLookup, foldText } from "@/lib/io/cells";
import { addDays, calendarDay } from "@/lib/time";
import { libTranslator } from "@/lib/i18n/lib-translator";

const t = () => libTranslator("errors.agencies");
import enCommon from "@/lib/i18n/messages/en/common.json";
import viCommon from "@/lib/i18n/messages/vi/common.json";
import { messageLocale } from "@/lib/i18n/message-locale";

/** The kinds a province registers today (districts were abolished on 01/07/2025). */
export const AGENCY_KINDS = ["DEPARTMENT", "COMMUNE", "WARD", "SPECIAL_ZONE", "OTHER"] as const satisfies readonly AgencyKind[];

/**
 * The kinds' Vietnamese names as the template's drop-down list offers them and the import reads
 * them (a file's words, like its column names); pages name kinds from the catalogue
 * (common.agencyKinds), which tests/unit/admin-catalogue.test.ts keeps equal to these.
 */
export const AGENCY_KIND_NAMES: Record<AgencyKind, string> = viCommon.agencyKinds;
/** The kinds' names in the request's language: the template's drop-down list. */
export const agencyKindNames = (): Record<AgencyKind, string> => (messageLocale() === "en" ? enCommon.agencyKinds : viCommon.agencyKinds);

const KINDS_BY_TEXT = new Map([...codeLookup<AgencyKind>(AGENCY_KINDS, viCommon.agencyKinds), ...codeLookup<AgencyKind>(AGENCY_KINDS, enCommon.agencyKinds)]);

/** A kind from a cell: its code (COMMUNE) or its name with or without marks ("UBND xã", "ubnd xa"). */
export function kindFromText(text: string): AgencyKind | null {
  return KINDS_BY_TEXT.get(foldText(text)) ?? null;
}

/** What refers to an agency: one with assessments, tasks, reports, targets or accounts is ended, never deleted. */
export type AgencyUsage = { assessments: number; tasks: number; reports: number; targets: number; accounts: number; lineage: number };
export function mayDeleteAgency(usage: AgencyUsage): boolean {
  return Object.values(usage).every((count) => count === 0);
}

type Dated = { id: number; name: string; provinceId: number; validFrom: Date; validTo: Date | null };

/**
 * Units that end the day before `effectiveOn` to form others: each must belong to the province and
 * be in force on that eve (started before it, not ended before it).
 */
export function endingIssues(units: readonly Dated[], provinceId: number, effectiveOn: Date, field: string): Issue[] {
  const eve = addDays(calendarDay(effectiveOn), -1);
  const issues: Issue[] = [];
  for (const unit of units) {
    if (unit.provinceId !== provinceId) issues.push({ field, message: t()("otherProvince", { name: unit.name }) });
    else if (calendarDay(unit.validFrom) > eve) issues.push({ field, message: t()("startsAfter", { name: unit.name, day: calendarDay(unit.validFrom) }) });
    else if (unit.validTo && calendarDay(unit.validTo) < eve) issues.push({ field, message: t()("ended", { name: unit.name }) });
  }
  return issues;
}

/** The day before a merge or split takes effect: the last day of the units that end. */
export const lastDayBefore = (effectiveOn: Date) => new Date(`${addDays(calendarDay(effectiveOn), -1)}T00:00:00Z`);
