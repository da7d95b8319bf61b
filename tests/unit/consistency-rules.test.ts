// The consistency analytics' rules (issue 17, item 6), on hand-checked cases.
import { describe, expect, it } from "vitest";
import { consistencyReport, explanationTally, finalAppraised, gapOf, overReporting, reversed } from "@/lib/assessments/consistency/rules";
import type { ConsistencyScore } from "@/lib/assessments/consistency/types";

function score(over: Partial<ConsistencyScore>): ConsistencyScore {
  return {
    year: 2025,
    agencyId: 1,
    agencyCode: "STP",
    agencyName: "Sở Tư pháp",
    criterionId: 10,
    criterionCode: "1.1",
    criterionName: "Ban hành kế hoạch",
    self: null,
    round1: null,
    round2: null,
    final: null,
    explanationRequested: false,
    ...over,
  };
}

describe("the gap between self and appraised points", () => {
  it("sums self and appraised over the scores that have both, in points, self − appraised", () => {
    // 2 + 1.5 + 0.25 = 3.75 self; 1 + 1.5 + 0 = 2.5 appraised; the row without a self score is left out.
    const rows = [score({ self: 2, final: 1 }), score({ self: 1.5, final: 1.5 }), score({ self: 0.25, final: 0 }), score({ self: null, final: 3 })];
    expect(gapOf(rows, finalAppraised)).toEqual({ count: 3, self: 3.75, appraised: 2.5, gap: 1.25 });
    expect(gapOf([score({ self: 1 })], finalAppraised)).toBeNull();
  });

  it("takes the final score, else round 2, else round 1, as the appraisal that counts", () => {
    expect(finalAppraised({ final: 1, round2: 2, round1: 3 })).toBe(1);
    expect(finalAppraised({ final: null, round2: 2, round1: 3 })).toBe(2);
    expect(finalAppraised({ final: null, round2: null, round1: 3 })).toBe(3);
    expect(finalAppraised({ final: null, round2: null, round1: null })).toBeNull();
  });

  it("keeps two decimals without floating-point noise", () => {
    expect(gapOf([score({ self: 0.1, round1: 0 }), score({ self: 0.2, round1: 0 })], (r) => r.round1)?.gap).toBe(0.3);
  });
});

describe("systematic over-reporting (3 last years, 2 of them above, mean gap ≥ 1 point)", () => {
  it("is systematic when self is above in 2 of the last 3 years and the mean gap reaches the threshold", () => {
    // 2023: +2, 2024: −0.5, 2025: +1.5 → 2 years above, mean (2 − 0.5 + 1.5)/3 = 1.
    expect(
      overReporting([
        { year: 2023, gap: 2 },
        { year: 2024, gap: -0.5 },
        { year: 2025, gap: 1.5 },
      ]),
    ).toBe("systematic");
  });

  it("is not when the mean falls below the threshold, but the latest year's gap can still call for watching", () => {
    // mean (0.25 − 1 + 1.5)/3 = 0.25 < 1; latest 1.5 ≥ 1 → watch.
    expect(
      overReporting([
        { year: 2023, gap: 0.25 },
        { year: 2024, gap: -1 },
        { year: 2025, gap: 1.5 },
      ]),
    ).toBe("watch");
    // 2 of 2 years above, mean (3 + 0.5)/2 = 1.75 → systematic although the latest gap is small.
    expect(
      overReporting([
        { year: 2024, gap: 3 },
        { year: 2025, gap: 0.5 },
      ]),
    ).toBe("systematic");
    // 1 year above, mean −1.25, latest 0.5 < 1 → none.
    expect(
      overReporting([
        { year: 2024, gap: -3 },
        { year: 2025, gap: 0.5 },
      ]),
    ).toBe("none");
  });

  it("looks at the last three years only, whatever order they come in", () => {
    // 2021 and 2022 far above, but the last three (2023–2025) have one year above.
    const yearly = [
      { year: 2025, gap: -1 },
      { year: 2021, gap: 9 },
      { year: 2024, gap: 4 },
      { year: 2022, gap: 9 },
      { year: 2023, gap: 0 },
    ];
    expect(overReporting(yearly)).toBe("none");
  });

  it("needs two years to be systematic: one year high is to watch", () => {
    expect(overReporting([{ year: 2025, gap: 5 }])).toBe("watch");
    expect(overReporting([])).toBe("none");
  });
});

describe("round 2 and explanations", () => {
  it("counts a reversal only when a round-2 score differs from round 1", () => {
    expect(reversed({ round1: 1, round2: 2 })).toBe(true);
    expect(reversed({ round1: 2, round2: 1 })).toBe(true);
    expect(reversed({ round1: 1, round2: 1 })).toBe(false);
    expect(reversed({ round1: 1, round2: null })).toBe(false);
  });

  it("counts explanations decided, accepted (raised above round 1) and fully accepted (back to the self score)", () => {
    const rows = [
      score({ explanationRequested: true, self: 2, round1: 1, round2: 2 }), // fully accepted
      score({ explanationRequested: true, self: 2, round1: 1, round2: 1.5 }), // accepted, not fully
      score({ explanationRequested: true, self: 2, round1: 1, round2: 1 }), // refused
      score({ explanationRequested: true, self: 2, round1: 1, round2: null }), // not decided yet
      score({ explanationRequested: true, self: 1, round1: 1, round2: 1 }), // round 1 not below self
      score({ explanationRequested: false, self: 2, round1: 1, round2: 2 }), // no explanation asked
    ];
    expect(explanationTally(rows)).toEqual({ decided: 3, accepted: 2, fullyAccepted: 1 });
  });
});

describe("the report", () => {
  it("chooses the year, sorts agencies by the final gap and criteria by reversals", () => {
    const sở = (agencyId: number, agencyName: string, over: Partial<ConsistencyScore>) =>
      score({ agencyId, agencyCode: String(agencyId), agencyName, ...over });
    const rows = [
      sở(1, "Sở A", { year: 2024, self: 3, round1: 1, final: 1 }),
      sở(1, "Sở A", { year: 2025, self: 3, round1: 1, round2: 2, final: 2, explanationRequested: true }),
      sở(2, "Sở B", { year: 2025, self: 1, round1: 1, final: 1 }),
      sở(2, "Sở B", { year: 2025, criterionId: 11, criterionCode: "1.2", self: 2, round1: 0, final: 0 }),
    ];
    const report = consistencyReport(7, rows, null);
    expect(report.years).toEqual([2025, 2024]);
    expect(report.year).toBe(2025);
    expect(report.agencies.map((a) => [a.agencyName, a.round1?.gap, a.final?.gap, a.verdict])).toEqual([
      ["Sở B", 2, 2, "watch"],
      ["Sở A", 2, 1, "systematic"], // 2024: +2, 2025: +1 → mean 1.5
    ]);
    expect(report.agencies[1].years).toEqual([
      { year: 2024, gap: 2 },
      { year: 2025, gap: 1 },
    ]);
    const first = report.criteria[0];
    expect(first).toMatchObject({ criterionCode: "1.1", reviewed: 1, reversed: 1, agencies: 2, meanRound1Gap: 1, meanFinalGap: 0.5 });
    expect(report.explanations).toEqual({ decided: 1, accepted: 1, fullyAccepted: 0 });
    expect(consistencyReport(7, rows, 2024).year).toBe(2024);
    expect(consistencyReport(7, rows, 1999).year).toBe(2025);
    expect(consistencyReport(7, [], null).year).toBeNull();
  });
});

describe("the rules' edges, by name", () => {
  const row = (over: Partial<ConsistencyScore>) => score({ year: 2025, ...over });

  it("watch: the latest year's gap at exactly the threshold (1 point) is to watch", () => {
    // 1 year above of 2, mean (−3 + 1)/2 = −1 → not systematic; latest gap 1 ≥ 1 → watch.
    expect(
      overReporting([
        { year: 2024, gap: -3 },
        { year: 2025, gap: 1 },
      ]),
    ).toBe("watch");
  });

  it("reversal: a round-2 score without a round-1 score reverses nothing", () => {
    expect(reversed({ round1: null, round2: 1 })).toBe(false);
    expect(reversed({ round1: null, round2: null })).toBe(false);
  });

  it("explanations: only the scores with a self score and a round-1 score are decided", () => {
    const rows = [
      score({ explanationRequested: true, self: null, round1: -1, round2: 0 }), // no self score (round 1 a deduction)
      score({ explanationRequested: true, self: 2, round1: null, round2: 1 }), // no round-1 score
      score({ explanationRequested: true, self: 2, round1: 0, round2: 0.5 }), // decided, accepted, not fully
    ];
    expect(explanationTally(rows)).toEqual({ decided: 1, accepted: 1, fullyAccepted: 0 });
  });

  it("an agency's years: oldest first, a year without a self and a final score left out", () => {
    const rows = [
      row({ year: 2025, self: 1, final: 0 }), // +1
      row({ year: 2022, self: null, final: 1 }), // no gap: left out
      row({ year: 2023, self: 2, final: 0 }), // +2
      row({ year: 2024, self: 0, final: 1 }), // −1
    ];
    const [agency] = consistencyReport(7, rows, 2025).agencies;
    expect(agency.years).toEqual([
      { year: 2023, gap: 2 },
      { year: 2024, gap: -1 },
      { year: 2025, gap: 1 },
    ]);
    // 2 of 3 years above, mean (2 − 1 + 1)/3 ≈ 0.67 < 1 → not systematic; latest +1 → watch.
    expect(agency.verdict).toBe("watch");
  });

  it("agencies: largest final gap first, equal gaps by name, no final gap last", () => {
    const sở = (agencyId: number, agencyName: string, over: Partial<ConsistencyScore>) => row({ agencyId, agencyCode: String(agencyId), agencyName, ...over });
    const xd = [sở(3, "Sở Xây dựng", { self: null, final: 1 }), sở(3, "Sở Xây dựng", { year: 2024, self: 2, final: 1 })]; // no gap in 2025
    const b = sở(4, "Sở B", { self: 1.5, final: 1 }); // +0.5
    const a = sở(1, "Sở A", { self: 2.5, final: 2 }); // +0.5
    const c = sở(2, "Sở C", { self: 3, final: 1 }); // +2
    // The same order whatever order the rows come in.
    for (const rows of [
      [...xd, b, a, c],
      [c, ...xd, a, b],
    ]) {
      expect(consistencyReport(7, rows, 2025).agencies.map((x) => [x.agencyName, x.final?.gap ?? null])).toEqual([
        ["Sở C", 2],
        ["Sở A", 0.5],
        ["Sở B", 0.5],
        ["Sở Xây dựng", null],
      ]);
    }
  });

  it("criteria: most reversals first, then largest mean final gap, then code in numeric order, no gap last", () => {
    const crit = (criterionId: number, criterionCode: string, over: Partial<ConsistencyScore>) =>
      row({ criterionId, criterionCode, criterionName: criterionCode, ...over });
    const c15 = crit(5, "1.5", { self: null, round1: null, round2: 1, final: 1 }); // no gap; round 2 without round 1: not reviewed
    const c110 = crit(10, "1.10", { self: 2, round1: 1, final: 1 }); // mean final gap 1
    const c12 = crit(2, "1.2", { self: 3, round1: 2, final: 2 }); // mean final gap 1
    const c13 = crit(3, "1.3", { self: 3, round1: 1, final: 1 }); // mean final gap 2
    const c21 = crit(21, "2.1", { self: 2, round1: 1, round2: 2, final: 2 }); // reversed once, gap 0
    // The same order whatever order the rows come in.
    for (const rows of [
      [c15, c110, c12, c13, c21],
      [c13, c15, c12, c110, c21],
    ]) {
      expect(consistencyReport(7, rows, null).criteria.map((c) => [c.criterionCode, c.reversed, c.meanFinalGap, c.reviewed])).toEqual([
        ["2.1", 1, 0, 1],
        ["1.3", 0, 2, 0],
        ["1.2", 0, 1, 0],
        ["1.10", 0, 1, 0],
        ["1.5", 0, null, 0],
      ]);
    }
  });

  it("the report states the rule it applied: 3 last years, 2 above, 1 point", () => {
    expect(consistencyReport(7, [], null).rule).toEqual({ lastYears: 3, minYears: 2, threshold: 1 });
  });
});
