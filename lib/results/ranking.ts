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

/** A published rank without a score (the source printed a list in order, or only "ranked 10th"). */
export type RankOnlyInput = { key: string; officialRank: number };

/**
 * Ranks the rows of one index and year. `unitCount` is the number of units that were ranked
 * that year (63 or 34); when fewer rows are known, the table is partial. `rankOnly` are units
 * known by their rank alone: they take no place in the score order (their score is never
 * guessed) but narrow the others' bounds — a unit ranked 3rd is above every row that cannot
 * rank better than 4th, and below every row that cannot rank worse than 2nd.
 * Returns the scored rows in display order: by score descending, then by unit key.
 */
export function rankTable(rows: readonly RankInput[], unitCount: number, rankOnly: readonly RankOnlyInput[] = []): RankedRow[] {
  const ordered = [...rows].sort((a, b) => b.score - a.score || a.key.localeCompare(b.key));
  const total = Math.max(unitCount, ordered.length + rankOnly.length);
  const complete = ordered.length >= unitCount;

  // Rows with equal scores share one rank, so bounds are worked out per score.
  const scores = [...new Set(ordered.map((row) => row.score))];
  const rowsAt = (score: number) => ordered.filter((row) => row.score === score);
  const officialAt = (score: number) => rowsAt(score).find((row) => row.officialRank !== null)?.officialRank ?? null;

  // Which rank-only units are known to be above (below) each score: found from the bounds, which
  // they then tighten, so the two are worked out together until nothing changes.
  const above = new Map(scores.map((score) => [score, new Set<RankOnlyInput>()]));
  const below = new Map(scores.map((score) => [score, new Set<RankOnlyInput>()]));
  let lower = new Map<number, number>();
  let upper = new Map<number, number>();
  for (let changed = true; changed; ) {
    [lower, upper] = boundsOf(scores, rowsAt, officialAt, total, above, below);
    changed = false;
    for (const score of scores) {
      for (const unit of rankOnly) {
        if (above.get(score)!.has(unit) || below.get(score)!.has(unit)) continue;
        // A published rank of the score's rows places the unit exactly; else the bounds do.
        const [min, max] = [officialAt(score) ?? lower.get(score)!, officialAt(score) ?? upper.get(score)!];
        const side = unit.officialRank < min ? above : unit.officialRank > max ? below : null;
        if (side) {
          side.get(score)!.add(unit);
          changed = true;
        }
      }
    }
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

/** A row of a published table: a score, a rank, or both. */
export type PublishedRow = { key: string; score: number | null; officialRank: number | null };
export type PublishedRankedRow = Omit<RankedRow, "score"> & { score: number | null };

/**
 * A published table as pages show it: the scored rows ranked (bounds narrowed by the ranks
 * published alone), and each rank-only row at its rank, before the first scored row that cannot
 * rank above it. A row with neither score nor rank cannot be stored (the database refuses it).
 */
export function rankPublished(rows: readonly PublishedRow[], unitCount: number): PublishedRankedRow[] {
  const scored = rows.filter((row): row is RankInput => row.score !== null);
  const rankOnly = rows
    .filter((row) => row.score === null && row.officialRank !== null)
    .map((row) => ({ key: row.key, officialRank: row.officialRank! }))
    .sort((a, b) => a.officialRank - b.officialRank || a.key.localeCompare(b.key));
  const shown: PublishedRankedRow[] = [];
  let next = 0;
  const placeRankOnlyBefore = (rank: number) => {
    for (; next < rankOnly.length && rankOnly[next].officialRank < rank; next++) {
      const { key, officialRank } = rankOnly[next];
      shown.push({ key, score: null, officialRank, rank: officialRank, rankMin: officialRank, rankMax: officialRank, officialRankDisagrees: false });
    }
  };
  for (const row of rankTable(scored, unitCount, rankOnly)) {
    placeRankOnlyBefore(row.rank ?? row.rankMin);
    shown.push(row);
  }
  placeRankOnlyBefore(Number.POSITIVE_INFINITY);
  return shown;
}

/** Lower and upper rank bound of each score, given the rank-only units known above and below it. */
function boundsOf(
  scores: readonly number[],
  rowsAt: (score: number) => readonly RankInput[],
  officialAt: (score: number) => number | null,
  total: number,
  above: ReadonlyMap<number, ReadonlySet<RankOnlyInput>>,
  below: ReadonlyMap<number, ReadonlySet<RankOnlyInput>>,
): [Map<number, number>, Map<number, number>] {
  // rank = 1 + number of units with a higher score. Known higher units give a lower bound,
  // and so does every higher row's own rank (official, else its lower bound) and every
  // rank-only unit above.
  const lower = new Map<number, number>();
  let higherCount = 0;
  for (const score of scores) {
    const ranksAbove = [...above.get(score)!].map((unit) => unit.officialRank);
    let min = higherCount + ranksAbove.length + 1;
    for (const rank of ranksAbove) min = Math.max(min, rank + 1);
    for (const [better, betterMin] of lower) {
      if (better > score) min = Math.max(min, (officialAt(better) ?? betterMin) + 1);
    }
    lower.set(score, min);
    higherCount += rowsAt(score).length;
  }
  // A lower unit ranked k means at least k − 1 units score higher than it, this row and its ties
  // among them; and at least as many units as known ones score this much or less.
  const upper = new Map<number, number>();
  let notHigherCount = 0;
  for (const score of [...scores].reverse()) {
    const tiedCount = rowsAt(score).length;
    const ranksBelow = [...below.get(score)!].map((unit) => unit.officialRank);
    notHigherCount += tiedCount;
    let max = total + 1 - notHigherCount - ranksBelow.length;
    for (const rank of ranksBelow) max = Math.min(max, rank - tiedCount);
    for (const [worse, worseMax] of upper) {
      if (worse < score) max = Math.min(max, (officialAt(worse) ?? worseMax) - tiedCount);
    }
    upper.set(score, max);
  }
  return [lower, upper];
}

/** Places gained since the previous year (positive = moved up), when both ranks are known. */
export function rankChange(previousRank: number | null, currentRank: number | null): number | null {
  if (previousRank === null || currentRank === null) return null;
  return previousRank - currentRank;
}
