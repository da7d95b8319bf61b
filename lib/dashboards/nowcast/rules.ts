// The PAR INDEX nowcast (issue 17, item 7) as pure rules: the province's self-assessed appraisal
// points plus the last published survey and impact components give an expected total; the
// Ministry's appraisal has come out below (or above) the self-assessment by last year's gap, so the
// total is a range; the last published table of totals gives the rank band that range would have
// earned (the ranking rule of lib/results/ranking.ts, ties and partial tables included).
// An estimate, never a result: nothing here is stored or published.
import { cents } from "@/lib/numbers";
import { rankTable } from "@/lib/results/ranking";

/** A component of the total with the points the province has (null: not published). */
export type NowcastPart = { code: string; maxPoints: number; value: number | null };

/** The expected total when every part is known; else null, with the parts that are missing. */
export function expectedTotal(parts: readonly NowcastPart[]): { total: number | null; missing: string[] } {
  const missing = parts.filter((p) => p.value === null).map((p) => p.code);
  if (parts.length === 0 || missing.length > 0) return { total: null, missing };
  return { total: cents(parts.reduce((sum, p) => sum + p.value!, 0)), missing };
}

/** appraised − self in points: negative when the Ministry appraised below the self-assessment. */
export function appraisalGap(selfPoints: number | null, appraisedPoints: number | null): number | null {
  return selfPoints === null || appraisedPoints === null ? null : cents(appraisedPoints - selfPoints);
}

/**
 * The range of the total. The rule: the Ministry is taken to appraise as it did last year, so the
 * total moves by last year's gap, and as it may also agree with the self-assessment the range spans
 * both ends: [total + gap, total] when the gap is negative (the usual case), [total, total + gap]
 * when positive. Without a known gap the range is the self-assessed total alone: an upper estimate,
 * since the Ministry usually appraises lower (the page says so).
 */
export function totalRange(total: number, gap: number | null): { low: number; high: number } {
  const moved = cents(total + (gap ?? 0));
  return { low: Math.min(total, moved), high: Math.max(total, moved) };
}

/**
 * The ranks a total range would have earned in a published table: the best rank of its high end,
 * the worst of its low end. `others` are the scores of the other units that year (the province's
 * own row, and those of the units it was formed from, left out: the estimate takes their place);
 * `unitCount` the units of that table counting the province once. Ties share the better rank; in a
 * partial table the unpublished units could be anywhere, so the band widens accordingly.
 */
export function rankBand(range: { low: number; high: number }, others: readonly number[], unitCount: number): { best: number; worst: number } {
  const place = (score: number) => {
    const rows = [...others.map((s, i) => ({ key: `other-${i}`, score: s, officialRank: null })), { key: "estimate", score, officialRank: null }];
    const row = rankTable(rows, Math.max(unitCount, rows.length)).find((r) => r.key === "estimate")!;
    return { min: row.rankMin, max: row.rankMax };
  };
  return { best: place(range.high).min, worst: place(range.low).max };
}
