// "Score needed for rank N" from one year's published table, as pure functions (no I/O).
//
// The rule. Ranks are competition ranks (ties share the best rank): a score x reaches rank N
// when at most N − 1 OTHER units scored strictly more than x. So the least score that reaches
// rank N is the N-th highest score among the other units; a score equal to it ties at N or better.
// "Other units" leaves out the province itself: its own score does not compete with itself.
//
// A complete table gives that N-th score exactly. A partial table gives bounds, from what each
// known unit u (score s, rank among the others bounded by [lo, hi]) tells us:
//   - at most hi − 1 others scored more than s. If hi ≤ N, the score s reaches rank N: the score
//     needed is AT MOST s (the smallest such s is kept);
//   - at least lo − 1 others scored more than s, and the known rows tied with u score as much.
//     If (lo − 1) + tied ≥ N, at least N others score s or more: the score needed is AT LEAST s;
//     if lo − 1 ≥ N, N others score strictly more: it is MORE than s, i.e. at least s + 0,01 since
//     scores are published with two decimals (the largest such bound is kept).
// The bounds meet, and the answer is exact, when an official rank pins the N-th score (e.g.
// "Đồng Nai 8th with 90,69" gives rank 8 exactly even in a table of two rows). The known N-th
// score of a partial table is therefore only a lower bound; with fewer than N known scores and no
// official rank at or below N, no lower bound exists and the page says the score is unknown.
// When fewer than N other units were ranked at all, any score reaches rank N.
//
// Official ranks count the province itself. Its own row, when known, is taken out exactly (a unit
// below it has one unit fewer above it among the others). When the province was ranked that year
// but its row is not in the table, it may be above any known unit: lower rank bounds drop by one.
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import { rankTable, type RankInput, type RankOnlyInput } from "./ranking";
import { rankLabel } from "./ranking-view";
import { cents } from "@/lib/numbers";

/** The province's place in the year's table. */
export type SelfInTable =
  /** Its row is in `rows` under this key. */
  | { kind: "row"; key: string }
  /** It was one of the ranked units, but its row is not in the published table we have. */
  | { kind: "unknown" }
  /** It was not a ranked unit that year (e.g. a province formed later): a hypothetical entrant. */
  | { kind: "absent" };

export type ScoreForRankInput = {
  /** The known rows of one index and year (the province's own row included when known). */
  rows: readonly RankInput[];
  /** Number of units ranked that year (63 until 2024, 34 after). */
  unitCount: number;
  self: SelfInTable;
  /** The rank N aimed at (1 = first). */
  target: number;
  /** Other units known by their published rank alone: they narrow the bounds of the rows. */
  rankOnly?: readonly RankOnlyInput[];
};

/** A known unit whose score bounds the answer, with its rank in the year's table ("8", "6–33"). */
export type Anchor = { key: string; score: number; rank: string };

export type ScoreForRank =
  /** Fewer than N other units were ranked: any score reaches rank N. */
  | { kind: "any"; otherUnits: number }
  /** The least score that reaches rank N, known exactly (complete table, or pinned by an official rank). */
  | { kind: "exact"; score: number; anchor: Anchor; complete: boolean }
  /**
   * Partial table: the score needed lies in [atLeast, atMost]. A score of atMost surely reaches
   * rank N; a score below atLeast surely does not. Either bound may be unknown (null).
   */
  | { kind: "bounds"; atLeast: Anchor | null; atMost: Anchor | null };

const STEP = 0.01;
const addStep = (score: number) => cents(score + STEP);

export function scoreForRank({ rows, unitCount, self, target, rankOnly = [] }: ScoreForRankInput): ScoreForRank {
  const selfRow = self.kind === "row" ? rows.find((row) => row.key === self.key) : undefined;
  const otherUnits = self.kind === "absent" ? unitCount : unitCount - 1;
  if (target > otherUnits) return { kind: "any", otherUnits };

  const complete = rows.length >= unitCount;
  const others = rankTable(rows, unitCount, rankOnly)
    .filter((row) => row.key !== selfRow?.key)
    .map((row) => {
      // A published rank is trusted unless the known scores contradict it; then only the bounds are.
      const trusted = row.officialRankDisagrees ? null : row.rank;
      let lo = trusted ?? row.rankMin;
      let hi = trusted ?? row.rankMax;
      if (selfRow && selfRow.score > row.score) {
        lo -= 1;
        hi -= 1;
      } else if (self.kind === "unknown") {
        lo = Math.max(1, lo - 1);
      }
      return { key: row.key, score: row.score, rank: rankLabel(row, unitCount), lo, hi };
    });

  let atMost: Anchor | null = null;
  let atLeast: Anchor | null = null;
  for (const row of others) {
    const tied = others.filter((other) => other.score === row.score).length;
    if (row.hi <= target && (atMost === null || row.score < atMost.score)) atMost = { key: row.key, score: row.score, rank: row.rank };
    const lower = row.lo - 1 >= target ? addStep(row.score) : row.lo - 1 + tied >= target ? row.score : null;
    if (lower !== null && (atLeast === null || lower > atLeast.score)) atLeast = { key: row.key, score: lower, rank: row.rank };
  }
  if (atMost && atLeast && atLeast.score === atMost.score) return { kind: "exact", score: atMost.score, anchor: atMost, complete };
  return { kind: "bounds", atLeast, atMost };
}

/** Default target: ten places up (the Quảng Nam plan of 2019 aimed at +10–15 places), never above 1st. */
export function defaultTargetRank(currentRank: number | null): number {
  return currentRank === null ? 10 : Math.max(1, currentRank - 10);
}

export type ScoreForRankContext = {
  indexName: string;
  year: number;
  target: number;
  unitCount: number;
  knownRows: number;
  /** Display name of a row's unit. */
  nameOf: (key: string) => string;
  /** The province asked about: its own result that year, if known, and whether it was ranked then. */
  province: { name: string; ranked: boolean; own: { score: number; rank: string } | null };
};

/** The answer in one plain paragraph, in the request's language, saying when and why it is not exact. */
export function describeScoreForRank(answer: ScoreForRank, context: ScoreForRankContext): string {
  const { indexName, year, target, unitCount, knownRows, nameOf, province } = context;
  const t = libTranslator("errors.scoreForRank");
  const score = libFormat().score;
  const difference = (a: number, b: number) => score(cents(a - b));
  const table =
    knownRows >= unitCount
      ? t("tableComplete", { index: indexName, year, count: unitCount })
      : t("tablePartial", { index: indexName, year, known: knownRows, count: unitCount });
  const who = !province.ranked
    ? ` ${t("notRanked", { province: province.name, count: unitCount, year, target })}`
    : province.own === null
      ? ` ${t("noOwn", { year, province: province.name })}`
      : "";
  const own = province.own;
  const gap = (needed: number, sure: boolean) => {
    if (!own) return "";
    const base = t("ownBase", { year, province: province.name, score: score(own.score), rank: own.rank });
    if (own.score >= needed) return ` ${t("enough", { base })}`;
    const points = difference(needed, own.score);
    return ` ${sure ? t("needMore", { base, points }) : t("moreForSure", { base, points })}`;
  };
  switch (answer.kind) {
    case "any":
      return t("any", { year, others: answer.otherUnits, target });
    case "exact":
      return answer.complete
        ? `${table}${who} ${t("exact", { target, score: score(answer.score), anchor: nameOf(answer.anchor.key) })}${gap(answer.score, true)}`
        : `${table}${who} ${t("exactFromRanks", { target, score: score(answer.score), anchor: nameOf(answer.anchor.key), rank: answer.anchor.rank })}${gap(answer.score, true)}`;
    case "bounds": {
      const { atLeast, atMost } = answer;
      const sure = atMost ? t("sure", { score: score(atMost.score), target, anchor: nameOf(atMost.key), rank: atMost.rank }) : "";
      if (atLeast && atMost) {
        return `${table}${who} ${t("between", { target, low: score(atLeast.score), high: score(atMost.score), sure })}${gap(atMost.score, false)}`;
      }
      if (atMost) return `${table}${who} ${t("atMost", { sure })}${gap(atMost.score, false)}`;
      if (atLeast) return `${table}${who} ${t("atLeast", { score: score(atLeast.score), target })}`;
      return `${table}${who} ${t("unknown", { target })}`;
    }
  }
}
