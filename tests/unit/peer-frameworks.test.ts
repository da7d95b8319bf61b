// A framework per peer group (lib/assessments/peer-frameworks.ts): who may join a group's period,
// and the year's ranking across periods of different frameworks, by hand-checked percentages.
import { describe, expect, it } from "vitest";
import { openingProblems, yearRanking, type YearRow } from "@/lib/assessments/peer-frameworks";

describe("opening a period for a peer group", () => {
  const agencies = [
    { id: 1, name: "UBND xã A", peerGroupId: 7 },
    { id: 2, name: "Sở Tư pháp", peerGroupId: 8 },
    { id: 3, name: "UBND xã B", peerGroupId: 7 },
  ];
  it("takes the group's agencies only", () => {
    expect(openingProblems(agencies, 7, new Map())).toEqual([{ agencyId: 2, agency: "Sở Tư pháp", reason: "outsideGroup" }]);
  });
  it("takes any group when opened for no group", () => {
    expect(openingProblems(agencies, null, new Map())).toEqual([]);
  });
  it("refuses an agency already scored by another period of the year, naming its framework", () => {
    expect(openingProblems(agencies, 7, new Map([[3, "Bộ chỉ số cấp xã"]]))).toEqual([
      { agencyId: 2, agency: "Sở Tư pháp", reason: "outsideGroup" },
      { agencyId: 3, agency: "UBND xã B", reason: "otherPeriod", framework: "Bộ chỉ số cấp xã" },
    ]);
  });
});

describe("the year's ranking across frameworks", () => {
  const row = (assessmentId: number, agencyName: string, group: string, finalTotal: number, applicableMax: number): YearRow => ({
    assessmentId,
    agencyName,
    group,
    framework: group === "Xã" ? "Cấp xã (90 điểm)" : "Sở (100 điểm)",
    finalTotal,
    applicableMax,
  });
  it("compares percentages of the applicable maximum, overall and within each group; ties share a rank", () => {
    // Thanh Hóa 2023: 68,32 of an applicable 84 = 81,33 %, above 80 of 100; 72 of 90 = 80 %, tied with 80 of 100.
    const ranked = yearRanking([
      row(1, "Sở Công Thương", "Sở", 80, 100),
      row(2, "Ban Dân tộc", "Sở", 68.32, 84),
      row(3, "UBND xã A", "Xã", 72, 90),
      row(4, "UBND xã B", "Xã", 85.5, 90),
    ]);
    expect(ranked.map((r) => [r.agencyName, r.percent, r.rank, r.peerRank])).toEqual([
      ["UBND xã B", 95, 1, 1],
      ["Ban Dân tộc", 81.33, 2, 1],
      ["Sở Công Thương", 80, 3, 2],
      ["UBND xã A", 80, 3, 2],
    ]);
  });
});
