// Which boundaries a map draws. The province-level division changed on 01/07/2025 (Nghị quyết
// 202/2025/QH15): a year's results belong to the units in force on 31 December of that year
// (lib/units/lineage.ts), so a year's map draws the boundaries in force on that day: the 63 old
// provinces up to 2024, the 34 new ones from 2025. The files are the simplified TopoJSON of
// ../shared/data/geo (geoBoundaries, CC BY 4.0), copied into public/geo so that a fresh clone and
// CI serve them without ../shared, and the browser fetches (and caches) them after the page.
import { isValidOn, resultReferenceDate } from "@/lib/units/validity";

export type GeometryKey = "63" | "34";

export type Geometry = { key: GeometryKey; path: string; unitCount: number; validFrom: Date; validTo: Date | null };

export const GEOMETRIES: readonly Geometry[] = [
  { key: "63", path: "/geo/vn-provinces-63.topo.json", unitCount: 63, validFrom: new Date(Date.UTC(2008, 7, 1)), validTo: new Date(Date.UTC(2025, 5, 30)) },
  { key: "34", path: "/geo/vn-provinces-34.topo.json", unitCount: 34, validFrom: new Date(Date.UTC(2025, 6, 1)), validTo: null },
];

/** The boundaries in force on a day; before the first (2008) the oldest is the nearest there is. */
export function geometryOn(date: Date): Geometry {
  return GEOMETRIES.find((geometry) => isValidOn(geometry, date)) ?? GEOMETRIES[0];
}

/** The boundaries of the units a year's results belong to. */
export function geometryForYear(year: number): Geometry {
  return geometryOn(resultReferenceDate(year));
}

export function geometryByKey(key: GeometryKey): Geometry {
  return GEOMETRIES.find((geometry) => geometry.key === key)!;
}

/**
 * The years a map offers: those with results, and the latest year whose table is due (a year's
 * results are published in the next year's spring), so that the boundaries in force today are
 * always one choice away even before any of their results is known. Newest first.
 */
export function mapYears(resultYears: readonly number[], currentYear: number): number[] {
  return [...new Set([...resultYears, currentYear - 1])].filter((year) => year < currentYear).sort((a, b) => b - a);
}

/** The year a profile's map shows: the newest year offered whose boundaries are those of the unit's period. */
export function profileMapYear(resultYears: readonly number[], currentYear: number, unit: { validFrom: Date; validTo: Date | null }): number | null {
  const key = geometryOn(unit.validTo ?? unit.validFrom).key;
  return mapYears(resultYears, currentYear).find((year) => geometryForYear(year).key === key) ?? null;
}
