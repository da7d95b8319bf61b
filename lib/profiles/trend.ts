// The data of a profile's trend charts: one series per unit (the unit and each old unit it was
// formed from), never a combined figure. Pure (no I/O); the table beside each chart shows the same.

export type TrendRow = { year: number; unit: { id: number }; score: number | null; rank: number | null; officialRankDisagrees: boolean };
export type TrendSeries = { key: string; label: string };
export type TrendPoint = { year: number } & Record<string, number | null>;

export const AVERAGE_KEY = "average";

/**
 * Points for every calendar year from the first to the last one with data, so that a line is
 * drawn only between consecutive years and a missing year leaves a gap. Scores, with the
 * published national average; or ranks, where the rank is definite and not contradicted.
 */
export function trendPoints(
  rows: readonly TrendRow[],
  lines: readonly { id: number; label: string }[],
  metric: "score" | "rank",
  averages: readonly { year: number; value: number }[] = [],
): { points: TrendPoint[]; series: TrendSeries[] } {
  const value = (row: TrendRow) => (metric === "score" ? row.score : row.officialRankDisagrees ? null : row.rank);
  const shown = rows.filter((row) => value(row) !== null);
  const useAverages = metric === "score" && shown.length > 0 ? averages : [];
  const years = [...shown.map((row) => row.year), ...useAverages.map((a) => a.year)];
  if (years.length === 0) return { points: [], series: [] };
  const first = Math.min(...years);
  const last = Math.max(...years);
  const series = lines.filter((line) => shown.some((row) => row.unit.id === line.id)).map((line) => ({ key: `u${line.id}`, label: line.label }));
  const points: TrendPoint[] = [];
  for (let year = first; year <= last; year++) {
    const point: TrendPoint = { year };
    for (const line of lines) {
      if (!series.some((s) => s.key === `u${line.id}`)) continue;
      const row = shown.find((r) => r.year === year && r.unit.id === line.id);
      point[`u${line.id}`] = row ? value(row) : null;
    }
    if (useAverages.length > 0) point[AVERAGE_KEY] = useAverages.find((a) => a.year === year)?.value ?? null;
    points.push(point);
  }
  return { points, series };
}
