// Where a province's public profile lives. Codes are reused across periods (91 was Kiên Giang
// until 30/06/2025 and is An Giang since 01/07/2025), so the code alone names the unit in force
// today and `?ngay=` the unit in force on a date: /tinh/91 is An Giang, /tinh/91?ngay=2025-06-30
// Kiên Giang. Links name an old unit by its last day, which stays true whatever comes after.
import { isValidOn, type DatedUnit } from "./lineage";

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

export function provinceProfilePath(unit: { code: string; validTo: Date | null }): string {
  return unit.validTo ? `/tinh/${unit.code}?ngay=${isoDate(unit.validTo)}` : `/tinh/${unit.code}`;
}

/**
 * The unit a profile address names: the one with that code in force on `date`; without a date,
 * the one in force today, else (a code no longer used, e.g. 89 An Giang before 2025) the latest.
 */
export function profileUnit<T extends DatedUnit>(units: readonly T[], code: string, date: Date | null, today: Date): T | undefined {
  const withCode = units.filter((unit) => unit.code === code);
  if (date) return withCode.find((unit) => isValidOn(unit, date));
  return withCode.find((unit) => isValidOn(unit, today)) ?? [...withCode].sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime())[0];
}
