// Whether a directive's target is met, as a pure rule (no I/O). The caller gathers the facts of the
// target's year: the published (or final internal) result with its rank, the year before, a
// provisional value while the year is not final, and the tasks for commitment targets.
// Tables are often partial: a rank may only be known within bounds, and then a target is met or
// missed only when the whole range of possible ranks says so.
import type { TargetKind } from "@/lib/db/generated/enums";
import { formatPoints, formatScore } from "@/lib/format";
import { cents } from "@/lib/numbers";

export type TargetStatus = "met" | "missed" | "at_risk" | "not_yet_known";

export const TARGET_KIND_LABELS: Record<TargetKind, string> = {
  MIN_SCORE: "Điểm tối thiểu",
  MIN_PERCENT_OF_MAX: "Tỷ lệ điểm tối thiểu",
  MAX_RANK: "Thứ hạng",
  RANK_IMPROVEMENT: "Tăng bậc xếp hạng",
  CRITERION_SCORE: "Điểm tiêu chí",
  COMMITMENT_COMPLETION: "Hoàn thành cam kết",
};

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

function scoreUnit(unit: string | null): string {
  return unit === "%" ? "%" : ` ${unit ?? "điểm"}`;
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
  if (target.kind === "CRITERION_SCORE") return `${target.agency?.name ?? "Cơ quan"} – tiêu chí ${target.criterion?.code ?? "?"}`;
  if (target.kind === "COMMITMENT_COMPLETION") return target.agency?.name ?? "Các cơ quan, đơn vị";
  if (target.agency) return target.agency.name;
  return target.index?.shortName ?? target.indexCode ?? "Chỉ tiêu";
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
  const v = formatPoints(spec.value);
  switch (spec.kind) {
    case "MIN_SCORE":
    case "CRITERION_SCORE":
      return `${spec.subject} ≥ ${v}${scoreUnit(spec.unit)}`;
    case "MIN_PERCENT_OF_MAX":
      return `${spec.subject} ≥ ${v}% điểm tối đa`;
    case "MAX_RANK":
      return `${spec.subject}: xếp hạng từ 1 đến ${v}`;
    case "RANK_IMPROVEMENT":
      return spec.valueMax !== null && spec.valueMax > spec.value
        ? `${spec.subject}: tăng ${v}–${formatPoints(spec.valueMax)} bậc`
        : `${spec.subject}: tăng ít nhất ${v} bậc`;
    case "COMMITMENT_COMPLETION":
      return `${spec.subject}: hoàn thành ≥ ${v}% nhiệm vụ, cam kết`;
  }
}

function rankText(rank: RankFacts): string {
  if (rank.value !== null) return `hạng ${rank.value}/${rank.of}`;
  return rank.max >= rank.of ? `hạng từ ${rank.min} trở xuống (trên ${rank.of})` : `hạng ${rank.min}–${rank.max} (trên ${rank.of})`;
}

function gainText(gain: number): string {
  if (gain > 0) return `tăng ${gain} bậc`;
  if (gain < 0) return `giảm ${-gain} bậc`;
  return "giữ nguyên thứ hạng";
}

const PARTIAL = "bảng xếp hạng công bố chưa đầy đủ nên thứ hạng chỉ biết trong một khoảng";

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
          explanation: `Đạt: ${spec.subject} năm ${spec.year} là ${text(actual)}, chỉ tiêu ${text(need)}.`,
        }
      : {
          status: "missed",
          actual,
          actualText: text(actual),
          gap,
          targetText: target,
          explanation: `Không đạt: ${spec.subject} năm ${spec.year} là ${text(actual)}, thấp hơn chỉ tiêu ${text(need)} (thiếu ${text(gap)}).`,
        };
  }
  // Not final yet: the provisional value of the year, else last year's result, tells whether it is at risk.
  const estimate = facts.provisional ?? (facts.previous?.score != null ? { score: facts.previous.score, label: `kết quả năm ${facts.previous.year}` } : null);
  if (!estimate) {
    return {
      status: "not_yet_known",
      actual: null,
      actualText: "—",
      gap: null,
      targetText: target,
      explanation: `Chưa có kết quả ${spec.subject} năm ${spec.year}.`,
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
      explanation: `Có nguy cơ không đạt: chưa có kết quả năm ${spec.year}; ${estimate.label} là ${text(actual)}, còn thiếu ${text(gap)} so với chỉ tiêu ${text(need)}.`,
    };
  }
  return {
    status: "not_yet_known",
    actual: null,
    actualText: "—",
    gap: null,
    targetText: target,
    explanation: `Chưa có kết quả năm ${spec.year}; ${estimate.label} là ${text(actual)}, đang ở mức chỉ tiêu ${text(need)}.`,
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
        explanation: `Có nguy cơ không đạt: chưa có kết quả năm ${spec.year}; năm ${facts.previous!.year} ${spec.subject} ở ${rankText(before)}, chỉ tiêu từ 1 đến ${formatPoints(limit)}.`,
      };
    }
    return {
      status: "not_yet_known",
      actual: null,
      actualText: "—",
      gap: null,
      targetText: target,
      explanation: `Chưa có thứ hạng ${spec.subject} năm ${spec.year}.`,
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
      explanation: `Đạt: ${spec.subject} năm ${spec.year} ở ${text}, chỉ tiêu từ 1 đến ${formatPoints(limit)}.`,
    };
  }
  if (rank.min > limit) {
    return {
      status: "missed",
      actual: rank.value,
      actualText: text,
      gap: rank.min - limit,
      targetText: target,
      explanation: `Không đạt: ${spec.subject} năm ${spec.year} ở ${text}, chỉ tiêu từ 1 đến ${formatPoints(limit)}.`,
    };
  }
  return {
    status: "not_yet_known",
    actual: null,
    actualText: text,
    gap: null,
    targetText: target,
    explanation: `Chưa xác định: ${PARTIAL} (${text}), chưa biết có trong ${formatPoints(limit)} hạng đầu hay không.`,
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
    const later = !before && facts.noPreviousReason ? `; khi có cũng không so sánh được với năm ${spec.year - 1}: ${facts.noPreviousReason}` : "";
    return unknown(`Chưa có thứ hạng ${spec.subject} năm ${spec.year}${later}.`);
  }
  if (!facts.previous || !before) {
    return unknown(`Không so sánh được: ${facts.noPreviousReason ?? `không có thứ hạng năm ${spec.year - 1} của cùng đơn vị`}.`, rankText(now));
  }
  if (before.of !== now.of) {
    return unknown(`Không so sánh được: năm ${facts.previous.year} xếp hạng ${before.of} đơn vị, năm ${spec.year} xếp hạng ${now.of} đơn vị.`, rankText(now));
  }
  // Places gained = previous rank − current rank; with partial tables, its possible range.
  const gainMin = before.min - now.max;
  const gainMax = before.max - now.min;
  const exact = gainMin === gainMax;
  const actualText = exact ? gainText(gainMin) : `từ ${gainText(gainMin)} đến ${gainText(gainMax)}`;
  const range =
    spec.valueMax !== null && spec.valueMax > spec.value
      ? ` (chỉ tiêu ${formatPoints(spec.value)}–${formatPoints(spec.valueMax)} bậc)`
      : ` (chỉ tiêu tăng ít nhất ${formatPoints(spec.value)} bậc)`;
  const ranks = `${rankText(before)} năm ${facts.previous.year} → ${rankText(now)} năm ${spec.year}`;
  if (gainMin >= spec.value) {
    const beyond = spec.valueMax !== null && exact && gainMin > spec.valueMax ? ", vượt mức trên của chỉ tiêu" : "";
    return {
      status: "met",
      actual: exact ? gainMin : null,
      actualText,
      gap: 0,
      targetText: target,
      explanation: `Đạt: ${ranks}, ${actualText}${beyond}${range}.`,
    };
  }
  if (gainMax < spec.value) {
    return {
      status: "missed",
      actual: exact ? gainMin : null,
      actualText,
      gap: spec.value - gainMax,
      targetText: target,
      explanation: `Không đạt: ${ranks}, ${actualText}${range}.`,
    };
  }
  return unknown(`Chưa xác định: ${PARTIAL}; ${ranks}, ${actualText}${range}.`, actualText);
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
      explanation: "Chưa có nhiệm vụ, cam kết nào để tính tỷ lệ hoàn thành.",
    };
  }
  const percent = Math.round((tasks.done / tasks.total) * 1000) / 10;
  const actualText = `${formatPoints(percent)}% (${tasks.done}/${tasks.total})`;
  const gap = Math.round(Math.max(0, spec.value - percent) * 10) / 10;
  if (percent + EPSILON >= spec.value) {
    return {
      status: "met",
      actual: percent,
      actualText,
      gap: 0,
      targetText: target,
      explanation: `Đạt: đã hoàn thành ${tasks.done}/${tasks.total} nhiệm vụ (${formatPoints(percent)}%).`,
    };
  }
  if (tasks.yearEnded) {
    return {
      status: "missed",
      actual: percent,
      actualText,
      gap,
      targetText: target,
      explanation: `Không đạt: hết năm ${spec.year}, mới hoàn thành ${tasks.done}/${tasks.total} nhiệm vụ (${formatPoints(percent)}%).`,
    };
  }
  if (tasks.overdue > 0) {
    return {
      status: "at_risk",
      actual: percent,
      actualText,
      gap,
      targetText: target,
      explanation: `Có nguy cơ không đạt: ${tasks.overdue} nhiệm vụ đã quá hạn mà chưa hoàn thành; đã hoàn thành ${tasks.done}/${tasks.total}.`,
    };
  }
  return {
    status: "not_yet_known",
    actual: percent,
    actualText,
    gap,
    targetText: target,
    explanation: `Đang thực hiện: đã hoàn thành ${tasks.done}/${tasks.total} nhiệm vụ, chưa có nhiệm vụ quá hạn.`,
  };
}

export function evaluateTarget(spec: TargetSpec, facts: TargetFacts): TargetEvaluation {
  const target = targetText(spec);
  switch (spec.kind) {
    case "MIN_SCORE":
    case "CRITERION_SCORE": {
      const unit = scoreUnit(spec.unit);
      return evaluateMinimum(spec, facts, (score) => ({ actual: score, need: spec.value, text: (n) => `${formatScore(n)}${unit}` }), target);
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
          explanation: "Không biết điểm tối đa của chỉ số để tính tỷ lệ.",
        };
      return evaluateMinimum(spec, facts, (score) => ({ actual: cents((score / max) * 100), need: spec.value, text: (n) => `${formatScore(n)}%` }), target);
    }
    case "MAX_RANK":
      return evaluateMaxRank(spec, facts, target);
    case "RANK_IMPROVEMENT":
      return evaluateRankImprovement(spec, facts, target);
    case "COMMITMENT_COMPLETION":
      return evaluateCompletion(spec, facts, target);
  }
}
