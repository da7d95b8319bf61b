// "What to fix": which criteria an agency should recover to reach a target total, and what that
// total would mean for its rank among the agencies of the same published period. Pure functions.
//
// The rule, precisely: criteria that miss points are taken in ascending order of points missing
// (cheapest first; ties by code) until the points recovered cover the gap to the target. Then any
// criterion taken that turns out not to be needed is dropped, trying the largest first, so the
// list is minimal (no criterion can be left out) and asks for as few points as this rule finds.
// When even recovering every criterion cannot reach the target, the plan says so.
import type { GradeBand } from "@/lib/frameworks/grades";
import { competitionRanks } from "@/lib/results/ranking";
import { compareCodes } from "@/lib/format";
import { cents } from "@/lib/numbers";
import { libTranslator } from "@/lib/i18n/lib-translator";

export type FixCandidate = { code: string; name: string; maxPoints: number; score: number | null };
export type FixPick = FixCandidate & { missing: number };

export type FixPlan = {
  target: number;
  current: number;
  /** Points still needed (0 when the target is already reached). */
  gap: number;
  status: "reached" | "reachable" | "impossible";
  /** Cheapest first. For an impossible target: every criterion that misses points. */
  picks: FixPick[];
  /** Points the picks recover. */
  recovered: number;
  /** The total after recovering the picks (capped at the framework maximum). */
  newTotal: number;
  /** For an impossible target: the points still missing after recovering everything. */
  shortfall: number;
  /** The target is above the framework maximum. */
  aboveMaximum: boolean;
};

const EPSILON = 1e-9;
const byCode = (a: { code: string }, b: { code: string }) => compareCodes(a.code, b.code);

export function planFixes(input: { criteria: readonly FixCandidate[]; currentTotal: number; targetTotal: number; maxTotal: number }): FixPlan {
  const { currentTotal: current, targetTotal: target, maxTotal } = input;
  const gap = cents(Math.max(0, target - current));
  const candidates = input.criteria
    .map((c) => ({ ...c, missing: cents(Math.max(0, c.maxPoints - (c.score ?? 0))) }))
    .filter((c) => c.missing > EPSILON)
    .sort((a, b) => a.missing - b.missing || byCode(a, b));
  const base = { target, current, gap, shortfall: 0, aboveMaximum: target > maxTotal + EPSILON };
  if (gap <= EPSILON) return { ...base, gap: 0, status: "reached", picks: [], recovered: 0, newTotal: current };

  const everything = cents(candidates.reduce((sum, c) => sum + c.missing, 0));
  const best = cents(Math.min(maxTotal, current + everything));
  if (best + EPSILON < target) {
    return { ...base, status: "impossible", picks: candidates, recovered: everything, newTotal: best, shortfall: cents(target - best) };
  }

  const picks: FixPick[] = [];
  let recovered = 0;
  for (const candidate of candidates) {
    if (recovered + EPSILON >= gap) break;
    picks.push(candidate);
    recovered = cents(recovered + candidate.missing);
  }
  for (const pick of [...picks].sort((a, b) => b.missing - a.missing || byCode(b, a))) {
    if (cents(recovered - pick.missing) + EPSILON >= gap) {
      picks.splice(picks.indexOf(pick), 1);
      recovered = cents(recovered - pick.missing);
    }
  }
  return { ...base, status: "reachable", picks, recovered, newTotal: cents(Math.min(maxTotal, current + recovered)) };
}

export type PeerTotal = { key: string; total: number };

/** The rank a total would have among the peers (the agency's own row replaced); ties share a rank. */
export function rankAmongPeers(total: number, peers: readonly PeerTotal[], ownKey: string): { rank: number; of: number } {
  const others = peers.filter((peer) => peer.key !== ownKey).map((peer) => cents(peer.total));
  return { rank: competitionRanks([cents(total), ...others])[0], of: others.length + 1 };
}

export type DefaultTarget = { value: number; source: "agency_target" | "next_band" | "maximum"; label: string };

/**
 * The target total "what to fix" starts from: the agency's own target for the year, else the
 * threshold of the next classification band, else the framework maximum; null at the maximum.
 */
export function defaultTarget(current: number, agencyTarget: number | null, bands: readonly GradeBand[], maxTotal: number): DefaultTarget | null {
  if (agencyTarget !== null) return { value: agencyTarget, source: "agency_target", label: libTranslator("errors.dashboards")("targetAgency") };
  const next = [...bands].filter((band) => band.minScore > current + EPSILON).sort((a, b) => a.minScore - b.minScore)[0];
  if (next) return { value: next.minScore, source: "next_band", label: libTranslator("errors.dashboards")("targetNextBand", { band: next.label }) };
  if (current + EPSILON < maxTotal) return { value: maxTotal, source: "maximum", label: libTranslator("errors.dashboards")("targetMaximum") };
  return null;
}
