// Which province-level units a year's results belong to, how new units relate to old ones, and
// how a unit is named so that it cannot be mistaken for another across the 2025 merger. Pure
// functions; the data (validity dates, lineage) comes from the database (./queries.ts).
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import { type DatedUnit, isValidOn, resultReferenceDate } from "./validity";

export { type DatedUnit, isValidOn, resultReferenceDate };

/** The unit with this code in force for a year's results, if any (codes are reused). */
export function unitForYear<T extends DatedUnit>(units: readonly T[], code: string, year: number): T | undefined {
  const date = resultReferenceDate(year);
  return units.find((unit) => unit.code === code && isValidOn(unit, date));
}

/**
 * A merged unit belongs to a socio-economic region only when all the units it was formed from
 * did; otherwise (e.g. Lâm Đồng from Tây Nguyên and Duyên hải units) none is invented.
 */
export function inheritedRegion(predecessorRegions: readonly (string | null)[]): string | null {
  const distinct = new Set(predecessorRegions);
  if (distinct.size !== 1) return null;
  return predecessorRegions[0] ?? null;
}

export type LineageLink = { predecessorId: number; successorId: number };

/**
 * A unit and every unit it went into (transitively). The staff of a new province keep the records
 * of the old units it was formed from, so a permission on the new unit reaches their results.
 */
export function unitAndSuccessors(unitId: number, links: readonly LineageLink[]): number[] {
  const found = [unitId];
  for (let i = 0; i < found.length; i++) {
    for (const link of links) if (link.predecessorId === found[i] && !found.includes(link.successorId)) found.push(link.successorId);
  }
  return found;
}

/** A unit and every unit it was formed from (transitively): the history shown for it. */
export function unitAndPredecessors(unitId: number, links: readonly LineageLink[]): number[] {
  const found = [unitId];
  for (let i = 0; i < found.length; i++) {
    for (const link of links) if (link.successorId === found[i] && !found.includes(link.predecessorId)) found.push(link.predecessorId);
  }
  return found;
}

/** "An Giang (đến 30/06/2025)", "An Giang (từ 01/07/2025)": a name alone is ambiguous across the 2025 merger. */
export function unitLabel(unit: { nameVi: string; validFrom: Date; validTo: Date | null }): string {
  const format = libFormat();
  if (unit.validTo) return libTranslator("errors.units")("until", { name: unit.nameVi, day: format.calendarDate(unit.validTo) });
  return libTranslator("errors.units")("since", { name: unit.nameVi, day: format.calendarDate(unit.validFrom) });
}
