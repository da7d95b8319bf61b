// The facts a target is judged on (lib/targets/evaluate.ts), built for the unit tests of its rules
// and of its explanations: a SIPAS ≥ 85% target by default, nothing measured yet.
import type { Measure, TargetFacts, TargetSpec } from "@/lib/targets/evaluate";

export const spec = (over: Partial<TargetSpec>): TargetSpec => ({
  kind: "MIN_SCORE",
  year: 2024,
  value: 85,
  valueMax: null,
  unit: "%",
  subject: "SIPAS",
  ...over,
});
export const facts = (over: Partial<TargetFacts>): TargetFacts => ({
  maxScore: 100,
  current: null,
  previous: null,
  provisional: null,
  tasks: null,
  ...over,
});
export const measure = (year: number, score: number, rank: Measure["rank"] = null): Measure => ({ year, score, rank });
/** A rank known exactly, or only within bounds (ties, unpublished ranks), out of `of` provinces. */
export const exact = (value: number, of = 63) => ({ value, min: value, max: value, of });
export const bounds = (min: number, max: number, of = 63) => ({ value: null, min, max, of });
