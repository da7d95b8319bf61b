// How a choropleth colours provinces: by score in classes of about equal size (quantiles of the
// year's known scores: the scores of a year sit close together, equal intervals would paint almost
// every province alike), or by the framework's groups (A, B, C, D). Sequential single-hue blues
// (ColorBrewer "Blues"), which stay distinguishable for every kind of colour blindness; units
// without data are hatched, never coloured, and every colour is repeated in text (legend, the
// focused unit's box, the table).

/** Light to dark: low to high. */
export const PALETTE = ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"] as const;

export type ScoreClass = { min: number; max: number; color: string };

/** The colours of `count` classes, spread over the palette from light to dark. */
export function classColors(count: number): string[] {
  if (count <= 0) return [];
  if (count === 1) return [PALETTE[PALETTE.length - 1]];
  return Array.from({ length: count }, (_, i) => PALETTE[Math.round((i * (PALETTE.length - 1)) / (count - 1))]);
}

/**
 * Up to `wanted` classes of the known scores, each holding about as many units, lowest first.
 * A class never splits equal scores; with no more distinct scores than classes, each has its own.
 */
export function scoreClasses(scores: readonly number[], wanted = PALETTE.length): ScoreClass[] {
  const sorted = [...scores].sort((a, b) => a - b);
  const distinct = [...new Set(sorted)];
  if (distinct.length <= wanted) {
    const colors = classColors(distinct.length);
    return distinct.map((score, i) => ({ min: score, max: score, color: colors[i] }));
  }
  const count = wanted;
  const bounds: { min: number; max: number }[] = [];
  let start = 0;
  for (let i = 1; i <= count && start < sorted.length; i++) {
    let end = Math.max(start, Math.ceil((i * sorted.length) / count) - 1);
    while (end + 1 < sorted.length && sorted[end + 1] === sorted[end]) end++;
    bounds.push({ min: sorted[start], max: sorted[end] });
    start = end + 1;
  }
  const colors = classColors(bounds.length);
  return bounds.map((bound, i) => ({ ...bound, color: colors[i] }));
}

/** The class a score falls in (the first whose maximum it does not exceed), or null for no score. */
export function classOfScore(score: number | null, classes: readonly ScoreClass[]): ScoreClass | null {
  if (score === null || classes.length === 0) return null;
  return classes.find((c) => score <= c.max) ?? classes[classes.length - 1];
}

/** The colours of the groups, best (highest minimum) darkest; the labels come in any order. */
export function groupColors(bands: readonly { label: string; minScore: number }[]): { label: string; color: string }[] {
  const ordered = [...bands].sort((a, b) => a.minScore - b.minScore);
  const colors = classColors(ordered.length);
  return ordered.map((band, i) => ({ label: band.label, color: colors[i] })).reverse();
}
