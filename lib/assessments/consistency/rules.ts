// The rules of the consistency analytics, pure and named so that the page states them and the unit
// tests check them by hand (tests/unit/consistency-rules.test.ts).
import { compareVietnamese } from "@/lib/format";
import type { AgencyConsistency, ConsistencyReport, ConsistencyScore, CriterionConsistency, ExplanationTally, Gap, OverReporting } from "./types";

/** Systematic over-reporting: self above the final appraisal in at least MIN_YEARS of the LAST_YEARS … */
export const OVER_REPORTING = { lastYears: 3, minYears: 2, threshold: 1 } as const;

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The appraised score that counts: the final score, else round 2, else round 1. */
export function finalAppraised(row: Pick<ConsistencyScore, "final" | "round1" | "round2">): number | null {
  return row.final ?? row.round2 ?? row.round1;
}

/**
 * Self against appraised points over the scores that have both (the others are left out, not
 * counted as 0). Null when none has both.
 */
export function gapOf(rows: readonly ConsistencyScore[], appraisedOf: (row: ConsistencyScore) => number | null): Gap | null {
  let count = 0;
  let self = 0;
  let appraised = 0;
  for (const row of rows) {
    const a = appraisedOf(row);
    if (row.self === null || a === null) continue;
    count += 1;
    self += row.self;
    appraised += a;
  }
  return count === 0 ? null : { count, self: round2(self), appraised: round2(appraised), gap: round2(self - appraised) };
}

/**
 * An agency's verdict from its yearly gaps (self total − final appraised total, in points):
 * - "systematic": in its last `lastYears` years with an appraisal, self above the appraisal in at
 *   least `minYears` of them, and the mean gap over those years at least `threshold` points;
 * - "watch": not systematic, but its latest year's gap is at least `threshold` points;
 * - "none" otherwise.
 */
export function overReporting(yearly: readonly { year: number; gap: number }[], rule = OVER_REPORTING): OverReporting {
  const last = [...yearly].sort((a, b) => b.year - a.year).slice(0, rule.lastYears);
  if (last.length === 0) return "none";
  const above = last.filter((y) => y.gap > 0).length;
  const mean = last.reduce((s, y) => s + y.gap, 0) / last.length;
  if (above >= rule.minYears && mean >= rule.threshold) return "systematic";
  return last[0].gap >= rule.threshold ? "watch" : "none";
}

/** Round 2 reversed round 1: a round-2 score was given and differs from the round-1 score. */
export function reversed(row: Pick<ConsistencyScore, "round1" | "round2">): boolean {
  return row.round1 !== null && row.round2 !== null && row.round2 !== row.round1;
}

/**
 * Explanations accepted: among the scores where an explanation was requested, round 1 was below
 * the self score and a round-2 score was given (decided), those where round 2 is above round 1
 * (accepted: raised back towards the self score), and those where it reaches the self score (fully).
 */
export function explanationTally(rows: readonly ConsistencyScore[]): ExplanationTally {
  const tally = { decided: 0, accepted: 0, fullyAccepted: 0 };
  for (const row of rows) {
    if (!row.explanationRequested || row.self === null || row.round1 === null || row.round2 === null || row.round1 >= row.self) continue;
    tally.decided += 1;
    if (row.round2 > row.round1) tally.accepted += 1;
    if (row.round2 >= row.self) tally.fullyAccepted += 1;
  }
  return tally;
}

/** The whole report from the scores of a province's finished appraisals, for one chosen year. */
export function consistencyReport(provinceId: number, rows: readonly ConsistencyScore[], chosen: number | null, rule = OVER_REPORTING): ConsistencyReport {
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => b - a);
  const year = chosen !== null && years.includes(chosen) ? chosen : (years[0] ?? null);
  const byAgency = groupBy(rows, (r) => r.agencyId);
  const agencies: AgencyConsistency[] = [...byAgency.values()].map((own) => {
    const ofYear = own.filter((r) => r.year === year);
    const yearly = [...groupBy(own, (r) => r.year).entries()]
      .map(([y, list]) => ({ year: y, gap: gapOf(list, finalAppraised)?.gap ?? null }))
      .filter((y): y is { year: number; gap: number } => y.gap !== null)
      .sort((a, b) => a.year - b.year);
    return {
      agencyId: own[0].agencyId,
      agencyCode: own[0].agencyCode,
      agencyName: own[0].agencyName,
      round1: gapOf(ofYear, (r) => r.round1),
      final: gapOf(ofYear, finalAppraised),
      years: yearly,
      verdict: overReporting(yearly, rule),
    };
  });
  agencies.sort((a, b) => (b.final?.gap ?? -Infinity) - (a.final?.gap ?? -Infinity) || compareVietnamese(a.agencyName, b.agencyName));
  const criteria: CriterionConsistency[] = [...groupBy(rows, (r) => r.criterionId).values()].map((own) => {
    const ofYear = own.filter((r) => r.year === year);
    const r1 = gapOf(ofYear, (r) => r.round1);
    const fin = gapOf(ofYear, finalAppraised);
    return {
      criterionId: own[0].criterionId,
      criterionCode: own[0].criterionCode,
      criterionName: own[0].criterionName,
      meanRound1Gap: r1 ? round2(r1.gap / r1.count) : null,
      meanFinalGap: fin ? round2(fin.gap / fin.count) : null,
      agencies: fin?.count ?? 0,
      reviewed: own.filter((r) => r.round1 !== null && r.round2 !== null).length,
      reversed: own.filter(reversed).length,
    };
  });
  criteria.sort(
    (a, b) =>
      b.reversed - a.reversed ||
      (b.meanFinalGap ?? -Infinity) - (a.meanFinalGap ?? -Infinity) ||
      a.criterionCode.localeCompare(b.criterionCode, "vi", { numeric: true }),
  );
  return { provinceId, years, year, agencies, criteria, explanations: explanationTally(rows), rule: { ...rule } };
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}
