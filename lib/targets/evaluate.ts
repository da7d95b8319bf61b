// Whether a directive's target is met, as a pure rule (no I/O). The caller gathers the facts of the
// target's year: the published (or final internal) result with its rank, the year before, a
// provisional value while the year is not final, and the tasks for commitment targets.
// Tables are often partial: a rank may only be known within bounds, and then a target is met or
// missed only when the whole range of possible ranks says so.
import type { TargetKind } from "@/lib/db/generated/enums";
import { catalogueRecord, libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import viErrors from "@/lib/i18n/messages/vi/errors.json";
import { cents } from "@/lib/numbers";
import { TARGET_KINDS_ORDER } from "./kinds";

export type TargetStatus = "met" | "missed" | "at_risk" | "not_yet_known";

/** A kind's name in the request's language (errors.targets.kinds, equal to the pages' directives.targetKinds). */
export const TARGET_KIND_LABELS: Readonly<Record<TargetKind, string>> = catalogueRecord(TARGET_KINDS_ORDER, (kind) =>
  libTranslator("errors.targets.kinds")(kind),
);

type Wording = Parameters<ReturnType<typeof libTranslator<"errors.targets.evaluation">>>[0];
/** A target's wording (errors.targets.evaluation) in the language of the request; every value is text already formatted. */
const say = (key: Wording, values: Record<string, string> = {}) => libTranslator("errors.targets.evaluation")(key, values as never);
const points = (value: number) => libFormat().points(value);

export type TargetSpec = {
  kind: TargetKind;
  year: number;
  value: number;
  /** Upper end of a range ("up 10–15 places"). */
  valueMax: number | null;
  unit: string | null;
  /** What is measured, as sentences name it: "PAR INDEX", "Sở Tư pháp", "tiêu chí 3.1.2". */
  subject: string;
};

/** A rank, exact (value) or only known within bounds when the published table is partial. */
export type RankFacts = { value: number | null; min: number; max: number; of: number };

/** score is null when only the rank was published: a score target then stays unknown. */
export type Measure = { year: number; score: number | null; rank: RankFacts | null };

export type TargetFacts = {
  /** Maximum of the measured score (index or framework), for percentage targets. */
  maxScore: number | null;
  /** The final result of the target's year, or null while it is not published / not final. */
  current: Measure | null;
  /** The same unit's result of the year before, or null. */
  previous: Measure | null;
  /** Why there is no previous result to compare with (e.g. a unit formed in 2025). */
  noPreviousReason?: string;
  /** While the year is not final: the value the measure has so far (self or appraised score). */
  provisional: { score: number; label: string } | null;
  /** For commitment targets: the tasks of the directive. */
  tasks: { done: number; total: number; overdue: number; yearEnded: boolean } | null;
};

export type TargetEvaluation = {
  status: TargetStatus;
  /** The measured value in the target's terms (score, percent, rank, places gained), or null. */
  actual: number | null;
  actualText: string;
  /** What is still missing to reach the target, in its terms (0 when met), or null when unknown. */
  gap: number | null;
  explanation: string;
  targetText: string;
};

const EPSILON = 1e-9;

/** The unit after a score: "%", or " điểm" / " points" (stored in Vietnamese: the catalogue's word), or the unit stored. */
function scoreUnit(unit: string | null): string {
  if (unit === "%") return "%";
  return ` ${unit === null || unit === viErrors.targets.units.points ? libTranslator("errors.targets.units")("points") : unit}`;
}

/** A target as stored: its kind and values, and what it is set for. */
export type StoredTarget = {
  kind: TargetKind;
  year: number;
  value: { toString(): string } | number;
  valueMax: { toString(): string } | number | null;
  unit: string | null;
  indexCode: string | null;
  index: { shortName: string } | null;
  agency: { name: string } | null;
  criterion: { code: string } | null;
};

/** What a target measures, as sentences name it: "Sở Tư pháp – tiêu chí 3.1.2", "PAR INDEX". */
export function targetSubject(target: Omit<StoredTarget, "year" | "value" | "valueMax" | "unit">): string {
  if (target.kind === "CRITERION_SCORE")
    return say("subjectCriterion", { agency: target.agency?.name ?? say("anAgency"), code: target.criterion?.code ?? "?" });
  if (target.kind === "COMMITMENT_COMPLETION") return target.agency?.name ?? say("allAgencies");
  if (target.agency) return target.agency.name;
  return target.index?.shortName ?? target.indexCode ?? say("aTarget");
}

/** A stored target as the evaluation reads it. */
export function targetSpec(target: StoredTarget): TargetSpec {
  return {
    kind: target.kind,
    year: target.year,
    value: Number(target.value),
    valueMax: target.valueMax === null ? null : Number(target.valueMax),
    unit: target.unit,
    subject: targetSubject(target),
  };
}

/** The target as a short phrase: "SIPAS ≥ 85%", "PAR INDEX: tăng 10–15 bậc". */
export function targetText(spec: TargetSpec): string {
  const v = points(spec.value);
  const subject = spec.subject;
  switch (spec.kind) {
    case "MIN_SCORE":
    case "CRITERION_SCORE":
      return `${subject} ≥ ${v}${scoreUnit(spec.unit)}`;
    case "MIN_PERCENT_OF_MAX":
      return say("percentOfMax", { subject, value: v });
    case "MAX_RANK":
      return say("topRanks", { subject, value: v });
    case "RANK_IMPROVEMENT":
      return spec.valueMax !== null && spec.valueMax > spec.value
        ? say("placesRange", { subject, value: v, max: points(spec.valueMax) })
        : say("placesAtLeast", { subject, value: v });
    case "COMMITMENT_COMPLETION":
      return say("completion", { subject, value: v });
  }
}

function rankText(rank: RankFacts): string {
  const of = String(rank.of);
  if (rank.value !== null) return say("rankExact", { rank: String(rank.value), of });
  return rank.max >= rank.of ? say("rankFrom", { min: String(rank.min), of }) : say("rankBetween", { min: String(rank.min), max: String(rank.max), of });
}

function gainText(gain: number): string {
  if (gain > 0) return say("gainUp", { places: String(gain) });
  if (gain < 0) return say("gainDown", { places: String(-gain) });
  return say("gainNone");
}

type Scored = { actual: number; text: (n: number) => string; need: number };

/** Score-like targets: a final value against the minimum, else a provisional value for "at risk". */
function evaluateMinimum(spec: TargetSpec, facts: TargetFacts, scored: (score: number) => Scored, target: string): TargetEvaluation {
  if (facts.current && facts.current.score !== null) {
    const { actual, text, need } = scored(facts.current.score);
    const gap = cents(Math.max(0, need - actual));
    return actual + EPSILON >= need
      ? {
          status: "met",
          actual,
          actualText: text(actual),
          gap: 0,
          targetText: target,
          explanation: say("met", { subject: spec.subject, year: String(spec.year), actual: text(actual), need: text(need) }),
        }
      : {
          status: "missed",
          actual,
          actualText: text(actual),
          gap,
          targetText: target,
          explanation: say("missed", { subject: spec.subject, year: String(spec.year), actual: text(actual), need: text(need), gap: text(gap) }),
        };
  }
  // Not final yet: the provisional value of the year, else last year's result, tells whether it is at risk.
  const estimate =
    facts.provisional ??
    (facts.previous?.score != null ? { score: facts.previous.score, label: say("resultOf", { year: String(facts.previous.year) }) } : null);
  if (!estimate) {
    return {
      status: "not_yet_known",
      actual: null,
      actualText: "—",
      gap: null,
      targetText: target,
      explanation: say("noResult", { subject: spec.subject, year: String(spec.year) }),
    };
  }
  const { actual, text, need } = scored(estimate.score);
  if (actual + EPSILON < need) {
    const gap = cents(need - actual);
    return {
      status: "at_risk",
      actual: null,
      actualText: "—",
      gap,
      targetText: target,
      explanation: say("atRisk", { year: String(spec.year), estimate: estimate.label, actual: text(actual), gap: text(gap), need: text(need) }),
    };
  }
  return {
    status: "not_yet_known",
    actual: null,
    actualText: "—",
    gap: null,
    targetText: target,
    explanation: say("onTrack", { year: String(spec.year), estimate: estimate.label, actual: text(actual), need: text(need) }),
  };
}

function evaluateMaxRank(spec: TargetSpec, facts: TargetFacts, target: string): TargetEvaluation {
  const limit = spec.value;
  const rank = facts.current?.rank ?? null;
  if (!facts.current || !rank) {
    const before = facts.previous?.rank;
    if (before && before.min > limit) {
      return {
        status: "at_risk",
        actual: null,
        actualText: "—",
        gap: before.value !== null ? before.value - limit : null,
        targetText: target,
        explanation: say("rankAtRisk", {
          year: String(spec.year),
          previousYear: String(facts.previous!.year),
          subject: spec.subject,
          rank: rankText(before),
          limit: points(limit),
        }),
      };
    }
    return {
      status: "not_yet_known",
      actual: null,
      actualText: "—",
      gap: null,
      targetText: target,
      explanation: say("noRank", { subject: spec.subject, year: String(spec.year) }),
    };
  }
  const text = rankText(rank);
  if (rank.max <= limit) {
    return {
      status: "met",
      actual: rank.value,
      actualText: text,
      gap: 0,
      targetText: target,
      explanation: say("rankMet", { subject: spec.subject, year: String(spec.year), rank: text, limit: points(limit) }),
    };
  }
  if (rank.min > limit) {
    return {
      status: "missed",
      actual: rank.value,
      actualText: text,
      gap: rank.min - limit,
      targetText: target,
      explanation: say("rankMissed", { subject: spec.subject, year: String(spec.year), rank: text, limit: points(limit) }),
    };
  }
  return {
    status: "not_yet_known",
    actual: null,
    actualText: text,
    gap: null,
    targetText: target,
    explanation: say("rankUnknown", { rank: text, limit: points(limit) }),
  };
}

function evaluateRankImprovement(spec: TargetSpec, facts: TargetFacts, target: string): TargetEvaluation {
  const unknown = (explanation: string, actualText = "—"): TargetEvaluation => ({
    status: "not_yet_known",
    actual: null,
    actualText,
    gap: null,
    targetText: target,
    explanation,
  });
  const now = facts.current?.rank;
  const before = facts.previous?.rank;
  if (!facts.current || !now) {
    const year = String(spec.year);
    return unknown(
      !before && facts.noPreviousReason
        ? say("noRankNotComparable", { subject: spec.subject, year, previousYear: String(spec.year - 1), reason: facts.noPreviousReason })
        : say("noRank", { subject: spec.subject, year }),
    );
  }
  if (!facts.previous || !before) {
    const reason = facts.noPreviousReason ?? say("noPreviousRank", { year: String(spec.year - 1) });
    return unknown(say("notComparable", { reason }), rankText(now));
  }
  if (before.of !== now.of) {
    const counts = { previousYear: String(facts.previous.year), before: String(before.of), year: String(spec.year), now: String(now.of) };
    return unknown(say("differentTables", counts), rankText(now));
  }
  // Places gained = previous rank − current rank; with partial tables, its possible range.
  const gainMin = before.min - now.max;
  const gainMax = before.max - now.min;
  const exact = gainMin === gainMax;
  const actualText = exact ? gainText(gainMin) : say("gainRange", { from: gainText(gainMin), to: gainText(gainMax) });
  const range =
    spec.valueMax !== null && spec.valueMax > spec.value
      ? say("targetPlacesRange", { min: points(spec.value), max: points(spec.valueMax) })
      : say("targetPlacesAtLeast", { min: points(spec.value) });
  const ranks = say("ranksChange", { before: rankText(before), previousYear: String(facts.previous.year), now: rankText(now), year: String(spec.year) });
  const wording = { ranks, actual: actualText, target: range };
  if (gainMin >= spec.value) {
    const beyond = spec.valueMax !== null && exact && gainMin > spec.valueMax;
    return {
      status: "met",
      actual: exact ? gainMin : null,
      actualText,
      gap: 0,
      targetText: target,
      explanation: say(beyond ? "improvementMetBeyond" : "improvementMet", wording),
    };
  }
  if (gainMax < spec.value) {
    return {
      status: "missed",
      actual: exact ? gainMin : null,
      actualText,
      gap: spec.value - gainMax,
      targetText: target,
      explanation: say("improvementMissed", wording),
    };
  }
  return unknown(say("improvementUnknown", wording), actualText);
}

function evaluateCompletion(spec: TargetSpec, facts: TargetFacts, target: string): TargetEvaluation {
  const tasks = facts.tasks;
  if (!tasks || tasks.total === 0) {
    return {
      status: "not_yet_known",
      actual: null,
      actualText: "—",
      gap: null,
      targetText: target,
      explanation: say("noTasks"),
    };
  }
  const percent = Math.round((tasks.done / tasks.total) * 1000) / 10;
  const actualText = `${points(percent)}% (${tasks.done}/${tasks.total})`;
  const counts = { done: String(tasks.done), total: String(tasks.total), percent: points(percent) };
  const gap = Math.round(Math.max(0, spec.value - percent) * 10) / 10;
  if (percent + EPSILON >= spec.value) {
    return {
      status: "met",
      actual: percent,
      actualText,
      gap: 0,
      targetText: target,
      explanation: say("completionMet", counts),
    };
  }
  if (tasks.yearEnded) {
    return {
      status: "missed",
      actual: percent,
      actualText,
      gap,
      targetText: target,
      explanation: say("completionMissed", { ...counts, year: String(spec.year) }),
    };
  }
  if (tasks.overdue > 0) {
    return {
      status: "at_risk",
      actual: percent,
      actualText,
      gap,
      targetText: target,
      explanation: say("completionAtRisk", { ...counts, overdue: String(tasks.overdue) }),
    };
  }
  return {
    status: "not_yet_known",
    actual: percent,
    actualText,
    gap,
    targetText: target,
    explanation: say("completionOnTrack", counts),
  };
}

export function evaluateTarget(spec: TargetSpec, facts: TargetFacts): TargetEvaluation {
  const target = targetText(spec);
  switch (spec.kind) {
    case "MIN_SCORE":
    case "CRITERION_SCORE": {
      const unit = scoreUnit(spec.unit);
      return evaluateMinimum(spec, facts, (score) => ({ actual: score, need: spec.value, text: (n) => `${libFormat().score(n)}${unit}` }), target);
    }
    case "MIN_PERCENT_OF_MAX": {
      const max = facts.maxScore;
      if (!max)
        return {
          status: "not_yet_known",
          actual: null,
          actualText: "—",
          gap: null,
          targetText: target,
          explanation: say("noMaximum"),
        };
      return evaluateMinimum(
        spec,
        facts,
        (score) => ({ actual: cents((score / max) * 100), need: spec.value, text: (n) => `${libFormat().score(n)}%` }),
        target,
      );
    }
    case "MAX_RANK":
      return evaluateMaxRank(spec, facts, target);
    case "RANK_IMPROVEMENT":
      return evaluateRankImprovement(spec, facts, target);
    case "COMMITMENT_COMPLETION":
      return evaluateCompletion(spec, facts, target);
  }
}
