import { describe, expect, it } from "vitest";
import { applicableMaximum, gradedValue, percentOfApplicable } from "@/lib/assessments/applicable";
import { rankWithPeers } from "@/lib/assessments/peer-ranking";
import { canSelfScore, effectiveDeadline, nextStatus, unappraisedCount } from "@/lib/assessments/workflow";
import { classify } from "@/lib/frameworks/grades";

describe("not applicable: the applicable maximum and the percentage", () => {
  // Thanh Hóa 2023 (hand-checked): Ban Dân tộc had 16 of 100 points not applicable and scored 68,32;
  // Sở Công Thương had every criterion and scored 92,83.
  const banDanToc = [
    { maxPoints: 60, notApplicable: false },
    { maxPoints: 24, notApplicable: false },
    { maxPoints: 10, notApplicable: true },
    { maxPoints: 6, notApplicable: true },
  ];
  const soCongThuong = banDanToc.map((row) => ({ ...row, notApplicable: false }));

  it("leaves the points of criteria that do not apply out of the maximum", () => {
    expect(applicableMaximum(banDanToc)).toBe(84);
    expect(applicableMaximum(soCongThuong)).toBe(100);
    expect(
      applicableMaximum([
        { maxPoints: 1.25, notApplicable: false },
        { maxPoints: 2.5, notApplicable: false },
      ]),
    ).toBe(3.75);
  });

  it("compares 68,32 of 84 (81,33 %) with 92,83 of 100 (92,83 %)", () => {
    expect(percentOfApplicable(68.32, 84)).toBe(81.33);
    expect(percentOfApplicable(92.83, 100)).toBe(92.83);
    // 80 of 100 is below 68,32 of 84 once compared by share.
    expect(percentOfApplicable(80, 100)!).toBeLessThan(percentOfApplicable(68.32, 84)!);
  });

  it("has no percentage without a total or when nothing applies", () => {
    expect(percentOfApplicable(null, 84)).toBeNull();
    expect(percentOfApplicable(10, 0)).toBeNull();
  });

  it("grades the percentage where the framework says so, else the points", () => {
    const bands = [
      { label: "Xuất sắc", minScore: 90 },
      { label: "Tốt", minScore: 80 },
      { label: "Khá", minScore: 70 },
    ];
    expect(classify(gradedValue(68.32, 84, true), bands)).toBe("Tốt");
    expect(classify(gradedValue(68.32, 84, false), bands)).toBeNull();
    expect(classify(gradedValue(92.83, 100, true), bands)).toBe("Xuất sắc");
  });
});

describe("peer groups: ranked overall and within the group", () => {
  it("shares ranks on ties in both, and leaves an agency without a group unranked in a group", () => {
    const ranks = rankWithPeers([
      { key: "SCT", group: "Sở có TTHC", value: 92.83 },
      { key: "BDT", group: "Sở không có TTHC", value: 81.33 },
      { key: "STP", group: "Sở có TTHC", value: 81.33 },
      { key: "SYT", group: "Sở có TTHC", value: 75 },
      { key: "VP", group: "Sở không có TTHC", value: 90 },
      { key: "X", group: null, value: 60 },
    ]);
    expect(Object.fromEntries(ranks)).toEqual({
      SCT: { rank: 1, peerRank: 1 },
      VP: { rank: 2, peerRank: 1 },
      BDT: { rank: 3, peerRank: 2 },
      STP: { rank: 3, peerRank: 2 },
      SYT: { rank: 5, peerRank: 3 },
      X: { rank: 6, peerRank: null },
    });
  });
});

describe("the control board's workflow rules", () => {
  const period = new Date("2026-03-31T16:59:59Z");
  const extended = new Date("2026-04-10T16:59:59Z");

  it("judges an agency against its own extension, else the period's deadline", () => {
    expect(effectiveDeadline(period, null)).toBe(period);
    expect(effectiveDeadline(period, extended)).toBe(extended);
    const after = new Date("2026-04-05T00:00:00Z");
    expect(canSelfScore("DRAFT", effectiveDeadline(period, null), after)).toBe(false);
    expect(canSelfScore("DRAFT", effectiveDeadline(period, extended), after)).toBe(true);
  });

  it("returns a submitted sheet for correction and lets the agency withdraw it only before appraisal starts", () => {
    expect(nextStatus("returnForCorrection", "SUBMITTED")).toBe("DRAFT");
    expect(nextStatus("withdraw", "SUBMITTED")).toBe("DRAFT");
    for (const status of ["DRAFT", "ROUND1", "EXPLANATION_REQUESTED", "ROUND2", "FINALIZED"] as const) {
      expect(nextStatus("returnForCorrection", status)).toBeNull();
      expect(nextStatus("withdraw", status)).toBeNull();
    }
  });

  it("does not count a not-applicable sub-criterion as missing an appraisal", () => {
    const row = { maxPoints: 2, method: "APPRAISAL" as const, selfScore: null, round1Score: null, round2Score: null };
    expect(unappraisedCount([row, { ...row, notApplicable: true }, { ...row, round1Score: 1 }])).toBe(1);
  });
});
