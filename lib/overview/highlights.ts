// What the home page picks out of a year's ranking: the top and bottom of the table, the biggest
// movers since the year before, the national average's trend and where the data came from. Pure:
// the ranking is computed in lib/results, from the published rows only.
import type { RankingItem } from "@/lib/results/types";

/** Best first: by rank where known, else by the best rank the known rows allow, then by score. */
function byStanding(a: RankingItem, b: RankingItem): number {
  return (a.rank ?? a.rankMin) - (b.rank ?? b.rankMin) || (b.score ?? 0) - (a.score ?? 0);
}

/**
 * The first and last `count` units of the table. When no more than twice `count` units are known
 * they are all listed once, as the top: the "bottom" of a few known rows is not the table's bottom.
 */
export function topAndBottom(items: readonly RankingItem[], count: number): { top: RankingItem[]; bottom: RankingItem[] } {
  const sorted = [...items].sort(byStanding);
  if (sorted.length <= 2 * count) return { top: sorted, bottom: [] };
  return { top: sorted.slice(0, count), bottom: sorted.slice(-count) };
}

/** The units that rose and fell most in rank since the year before (only units ranked both years). */
export function biggestMovers(items: readonly RankingItem[], count: number): { up: RankingItem[]; down: RankingItem[] } {
  const moved = items.filter((item) => item.change !== null && item.change !== 0);
  return {
    up: moved
      .filter((item) => item.change! > 0)
      .sort((a, b) => b.change! - a.change!)
      .slice(0, count),
    down: moved
      .filter((item) => item.change! < 0)
      .sort((a, b) => a.change! - b.change!)
      .slice(0, count),
  };
}

export type AveragePoint = { year: number; value: number; source: string };

/** The average of a year and its change from the latest earlier year on record, if any. */
export function averageTrend(
  points: readonly AveragePoint[],
  year: number,
): { current: AveragePoint | null; previous: AveragePoint | null; change: number | null } {
  const sorted = [...points].sort((a, b) => a.year - b.year);
  const current = sorted.find((point) => point.year === year) ?? null;
  const previous = [...sorted].reverse().find((point) => point.year < year) ?? null;
  return { current, previous, change: current && previous ? Math.round((current.value - previous.value) * 100) / 100 : null };
}

/** The publishers a year's rows were taken from: a source's site ("vietnam.vn"), each once, as first met. */
export function sourceSites(sources: readonly string[]): string[] {
  return [...new Set(sources.map((source) => source.trim().split(/[\s/]/)[0]).filter((site) => site.length > 0))];
}
