// A framework per peer group: a province may score its groups by different frameworks in one year
// (its communes by the communes' framework, its departments by the departments'). A period opened
// for one peer group holds only that group's agencies; a group has one period a year, and an agency
// is scored by one period a year, so that the year's ranking counts each agency once. That ranking,
// across the year's published periods, compares the final total as a percentage of each agency's
// applicable maximum (./applicable.ts): points of different frameworks are not comparable, shares are.
import { compareVietnamese } from "@/lib/format";
import { percentOfApplicable } from "./applicable";
import { rankWithPeers } from "./peer-ranking";

export type OpeningAgency = { id: number; name: string; peerGroupId: number | null };
export type OpeningProblem =
  | { agencyId: number; agency: string; reason: "outsideGroup" }
  | { agencyId: number; agency: string; reason: "otherPeriod"; framework: string };

/**
 * Why these agencies cannot join a period of the year: outside the period's peer group (when it is
 * opened for one), or already scored by another period of that year (`elsewhere`: agency id → its framework).
 */
export function openingProblems(agencies: readonly OpeningAgency[], groupId: number | null, elsewhere: ReadonlyMap<number, string>): OpeningProblem[] {
  return agencies.flatMap((agency): OpeningProblem[] => {
    if (groupId !== null && agency.peerGroupId !== groupId) return [{ agencyId: agency.id, agency: agency.name, reason: "outsideGroup" }];
    const framework = elsewhere.get(agency.id);
    return framework === undefined ? [] : [{ agencyId: agency.id, agency: agency.name, reason: "otherPeriod", framework }];
  });
}

export type YearRow = {
  assessmentId: number;
  agencyName: string;
  group: string | null;
  framework: string;
  finalTotal: number;
  applicableMax: number;
};
export type RankedYearRow = YearRow & { percent: number; rank: number; peerRank: number | null };

/** The year's ranking of a province's agencies across its periods: by percentage of the applicable maximum, ties share a rank. */
export function yearRanking(rows: readonly YearRow[]): RankedYearRow[] {
  const percents = rows.map((row) => percentOfApplicable(row.finalTotal, row.applicableMax) ?? 0);
  const ranks = rankWithPeers(rows.map((row, i) => ({ key: String(row.assessmentId), group: row.group, value: percents[i] })));
  return rows
    .map((row, i) => ({ ...row, percent: percents[i], ...ranks.get(String(row.assessmentId))! }))
    .sort((a, b) => a.rank - b.rank || compareVietnamese(a.agencyName, b.agencyName));
}
