// Classification of a score into the bands a framework defines (PAR INDEX groups A/B/C/D,
// internal grades Xuất sắc…Yếu). The bands are data; this is the one rule that reads them.

export type GradeBand = { label: string; minScore: number };

/** The band of the highest minimum the score reaches, or null when no band applies. */
export function classify(score: number, bands: readonly GradeBand[]): string | null {
  const best = [...bands].sort((a, b) => b.minScore - a.minScore).find((band) => score >= band.minScore);
  return best?.label ?? null;
}
