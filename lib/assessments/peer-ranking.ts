// Agencies are ranked overall and within their peer group (departments with administrative
// procedures, without, communes, wards…): the national indices' competition ranking (ties share a
// rank, 1, 2, 2, 4) applied to each group on its own.
import { competitionRanks } from "@/lib/results/ranking";

export type PeerRankInput = { key: string; group: string | null; value: number };
export type PeerRanks = { rank: number; peerRank: number | null };

/** Overall and in-group ranks by value, descending; an agency in no group has no group rank. */
export function rankWithPeers(rows: readonly PeerRankInput[]): Map<string, PeerRanks> {
  const overall = competitionRanks(rows.map((row) => row.value));
  const ranks = new Map<string, PeerRanks>(rows.map((row, i) => [row.key, { rank: overall[i], peerRank: null }]));
  const groups = new Set(rows.flatMap((row) => (row.group === null ? [] : [row.group])));
  for (const group of groups) {
    const members = rows.filter((row) => row.group === group);
    const inGroup = competitionRanks(members.map((row) => row.value));
    members.forEach((row, i) => {
      ranks.get(row.key)!.peerRank = inGroup[i];
    });
  }
  return ranks;
}
