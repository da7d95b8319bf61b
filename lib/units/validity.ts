// Which units are in force on a date, and the date a year's results refer to. Apart from
// lineage.ts (which also names units, through the message catalogue) so that the map, a client
// component, can use them without bringing the catalogue into the browser.

export type DatedUnit = { code: string; validFrom: Date; validTo: Date | null };

/**
 * A year's results belong to the units in force on 31 December of that year: results up to
 * 2024 (published in spring 2025) to the 63 old provinces, later ones to the 34 new ones.
 */
export function resultReferenceDate(year: number): Date {
  return new Date(Date.UTC(year, 11, 31));
}

export function isValidOn(unit: Pick<DatedUnit, "validFrom" | "validTo">, date: Date): boolean {
  return unit.validFrom.getTime() <= date.getTime() && (unit.validTo === null || date.getTime() <= unit.validTo.getTime());
}
