// How a rank is written. Apart from ranking-view.ts (which also words messages, through the
// message catalogue) so that client components (the rank cells of tables) can use it without
// bringing the catalogue into the browser.

export type RankBounds = { rank: number | null; rankMin: number; rankMax: number };

/**
 * "1", or the bounds of an unpublished rank: "6–33", "≥ 6" when nothing below is known; with
 * `ofCount`, out of how many units were ranked: "11/63", "6–33/63".
 */
export function rankLabel(row: RankBounds, unitCount: number, options: { ofCount?: boolean } = {}): string {
  const rank = row.rank !== null ? String(row.rank) : row.rankMax >= unitCount ? `≥ ${row.rankMin}` : `${row.rankMin}–${row.rankMax}`;
  return options.ofCount ? `${rank}/${unitCount}` : rank;
}
