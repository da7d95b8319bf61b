// How a year's ranking is shown and downloaded: rank labels, the region filter and the rows of
// the downloadable table. Pure functions (no I/O), shared by the page and the export route.
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import type { Cell } from "@/lib/io/table-file";
import { type RankBounds, rankLabel } from "./rank-label";
import { rankPublished } from "./ranking";
import { libTranslator } from "@/lib/i18n/lib-translator";

/** The filter value for units without a region (2025 provinces formed from units of two regions). */
export const NO_REGION = "none";

export { rankLabel };

/** Why a region filter value cannot be used, or null when it names a region (or no region). */
export function unknownRegionMessage(regions: readonly { code: string }[], region: string | null): string | null {
  if (region === null || region === NO_REGION || regions.some((r) => r.code === region)) return null;
  return libTranslator("errors.results")("noRegion", { region, regions: regions.map((r) => r.code).join(", "), none: NO_REGION });
}

/**
 * The items of one region (ranks stay national), of no region (NO_REGION), or all (null). Units
 * without a region are never silently dropped: `unassigned` lists those a region filter leaves out.
 */
export function filterByRegion<T extends { regionCode: string | null }>(items: readonly T[], region: string | null): { items: T[]; unassigned: T[] } {
  if (region === null) return { items: [...items], unassigned: [] };
  if (region === NO_REGION) return { items: items.filter((item) => item.regionCode === null), unassigned: [] };
  return { items: items.filter((item) => item.regionCode === region), unassigned: items.filter((item) => item.regionCode === null) };
}

export type RankingFileItem = RankBounds & {
  unitCode: string;
  unitName: string;
  regionName: string | null;
  score: number | null;
  group: string | null;
  previous: (RankBounds & { unitCount: number }) | null;
  change: number | null;
  source: string;
  note: string | null;
};

const FILE_COLUMNS = ["rank", "code", "name", "region", "score", "group", "previousRank", "change", "source", "note"] as const;

/** The downloaded table's headings in `locale`: the page's columns. */
export function rankingFileColumns(locale: Locale): string[] {
  const t = translator(locale, "rankings.file");
  return FILE_COLUMNS.map((column) => t(column));
}

/**
 * The displayed table as file rows. Definite ranks and scores are numbers (a spreadsheet sorts
 * them); a rank known only within bounds is the text shown on the page ("6–33").
 */
export function rankingFileRows(items: readonly RankingFileItem[], unitCount: number, locale: Locale = "vi"): Cell[][] {
  const noRegion = translator(locale, "rankings.file")("noRegion");
  const rankCell = (row: RankBounds, count: number): Cell => row.rank ?? rankLabel(row, count);
  return items.map((item) => [
    rankCell(item, unitCount),
    item.unitCode,
    item.unitName,
    item.regionName ?? noRegion,
    item.score,
    item.group,
    item.previous ? rankCell(item.previous, item.previous.unitCount) : null,
    item.change,
    item.source,
    item.note,
  ]);
}

export type ComponentRankedItem<T> = RankBounds & { item: T; value: number };

/**
 * A year's table ranked by one component (a SIPAS element): the units whose component was
 * published, best first, tied values sharing a rank; bounds when fewer units are known than were
 * ranked, as for the total (lib/results/ranking.ts). Units without the component are left out, never
 * counted as zero.
 */
export function rankByComponent<T extends { unitCode: string; components: Record<string, number> }>(
  items: readonly T[],
  code: string,
  unitCount: number,
): ComponentRankedItem<T>[] {
  const known = items.filter((item) => item.components[code] !== undefined);
  const byKey = new Map(known.map((item) => [item.unitCode, item]));
  return rankPublished(
    known.map((item) => ({ key: item.unitCode, score: item.components[code], officialRank: null })),
    unitCount,
  ).map((row) => ({ item: byKey.get(row.key)!, value: row.score!, rank: row.rank, rankMin: row.rankMin, rankMax: row.rankMax }));
}
