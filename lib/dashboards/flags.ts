// The flags of an agency's criterion, as Quyết định 1020/UBND-TH asks agency heads to find them:
// criteria that did not score, that did not reach the maximum, and (when a target is set for the
// criterion) that are below the target. Pure functions.
import { compareCodes } from "@/lib/format";
import { cents } from "@/lib/numbers";

export type CriterionFlag = "not_scored" | "below_max" | "below_target";

export type FlagInput = {
  maxPoints: number;
  /** The score the flags are read from (final, else appraised, else self), null when not scored. */
  score: number | null;
  /** The target score of the criterion, when a directive sets one. */
  target: number | null;
};

const EPSILON = 1e-9;

/**
 * "Not scored" (no score, or 0 of a positive maximum) and "below maximum" exclude each other;
 * "below target" comes on top of either.
 */
export function criterionFlags({ maxPoints, score, target }: FlagInput): CriterionFlag[] {
  const flags: CriterionFlag[] = [];
  const value = score ?? 0;
  if (score === null || (value <= EPSILON && maxPoints > 0)) flags.push("not_scored");
  else if (value + EPSILON < maxPoints) flags.push("below_max");
  if (target !== null && value + EPSILON < target) flags.push("below_target");
  return flags;
}

/** Points missing to the maximum (never negative), to the cent. */
export function pointsLost(maxPoints: number, score: number | null): number {
  return Math.max(0, cents(maxPoints - (score ?? 0)));
}

export type SortOrder = "lost" | "code";

/** Points lost first (the weakest criterion on top, ties by code), or the framework's code order. */
export function sortCriteria<T extends { code: string; lost: number }>(rows: readonly T[], order: SortOrder): T[] {
  const byCode = (a: T, b: T) => compareCodes(a.code, b.code);
  return [...rows].sort(order === "lost" ? (a, b) => b.lost - a.lost || byCode(a, b) : byCode);
}
