// The ranking rule of the national indices, as pure functions (no I/O).
// Units are ranked by total score, descending; equal scores share a rank (1, 2, 2, 4).
// Published tables are often partial (the press prints the top five and a few others):
// then a unit's rank is only known within bounds, which we compute from the rows we do have.

export type RankInput = { key: string; score: number; officialRank: number | null };

export type RankedRow = RankInput & {
  /** The rank we can be sure of: the official one, else the computed one when it is definite. */
  rank: number | null;
  /** Bounds of the rank implied by the scores and official ranks known (equal when definite). */
  rankMin: number;
  rankMax: number;
  /** The official rank contradicts the scores (outside the computed bounds). */
  officialRankDisagrees: boolean;
};

/** Competition ranking of a complete table: ties share the best rank. */
export function competitionRanks(scores: readonly number[]): number[] {
  const sorted = [...scores].sort((a, b) => b - a);
  return scores.map((score) => sorted.indexOf(score) + 1);
}

/**
 * Ranks the rows of one index and year. `unitCount` is the number of units that were ranked
 * that year (63 or 34); when fewer rows are known, the table is partial.
 * Returned in display order: by score descending, then by unit key.
 */
export function rankTable(rows: readonly RankInput[], unitCount: number): RankedRow[] {
  const ordered = [...rows].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  const total = Math.max(unitCount, ordered.length);
  const complete = ordered.length >= unitCount;

  // Rows with equal scores share one rank, so bounds are worked out per score.
  const scores = [...new Set(ordered.map((row) => row.score))];
  const rowsAt = (score: number) => ordered.filter((row) => row.score === score);
  const officialAt = (score: number) => rowsAt(score).find((row) => row.officialRank !== null)?.officialRank ?? null;

  // rank = 1 + number of units with a higher score. Known higher rows give a lower bound,
  // and so does every higher row's own rank (official, else its lower bound).
  const lower = new Map<number, number>();
  let higherCount = 0;
  for (const score of scores) {
    let min = higherCount + 1;
    for (const [better, betterMin] of lower) {
      if (better > score) min = Math.max(min, (officialAt(better) ?? betterMin) + 1);
    }
    lower.set(score, min);
    higherCount += rowsAt(score).length;
  }
  // A lower row ranked k means at least k − 1 units score higher than it, this row and its ties
  // among them; and at least as many units as known rows score this much or less.
  const upper = new Map<number, number>();
  let notHigherCount = 0;
  for (const score of [...scores].reverse()) {
    const tiedCount = rowsAt(score).length;
    notHigherCount += tiedCount;
    let max = total + 1 - notHigherCount;
    for (const [worse, worseMax] of upper) {
      if (worse < score) max = Math.min(max, (officialAt(worse) ?? worseMax) - tiedCount);
    }
    upper.set(score, max);
  }

  return ordered.map((row) => {
    let rankMin = lower.get(row.score)!;
    let rankMax = complete ? rankMin : Math.max(rankMin, upper.get(row.score)!);
    const tiedOfficial = rowsAt(row.score).find((other) => other !== row && other.officialRank !== null)?.officialRank;
    if (!complete && typeof tiedOfficial === "number" && tiedOfficial >= rankMin && tiedOfficial <= rankMax) {
      rankMin = rankMax = tiedOfficial;
    }
    const official = row.officialRank;
    return {
      ...row,
      rank: official ?? (rankMin === rankMax ? rankMin : null),
      rankMin,
      rankMax,
      officialRankDisagrees: official !== null && (official < rankMin || official > rankMax),
    };
  });
}

/** Places gained since the previous year (positive = moved up), when both ranks are known. */
export function rankChange(previousRank: number | null, currentRank: number | null): number | null {
  if (previousRank === null || currentRank === null) return null;
  return previousRank - currentRank;
}
