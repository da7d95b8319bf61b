// The agency view's rules (lib/dashboards/flags.ts, what-to-fix.ts, yoy.ts) on hand-worked cases,
// beyond tests/unit/dashboard-logic.test.ts.
import { describe, expect, it } from "vitest";
import { expectInCatalogue } from "../support/catalogue";
import { criterionFlags, pointsLost, sortCriteria } from "@/lib/dashboards/flags";
import { defaultTarget, planFixes, rankAmongPeers } from "@/lib/dashboards/what-to-fix";
import { yearOverYear } from "@/lib/dashboards/yoy";

describe("criterion flags", () => {
  it("are named as Quyết định 1020/UBND-TH names them", () => {
    expectInCatalogue({ not_scored: "Không có điểm", below_max: "Chưa đạt điểm tối đa", below_target: "Dưới chỉ tiêu" });
  });

  it("a criterion worth 0 points scored 0 is not flagged as unscored", () => {
    expect(criterionFlags({ maxPoints: 0, score: 0, target: null })).toEqual([]);
  });

  it("a criterion with a score is not flagged as unscored; a target of 0 is met by 0", () => {
    expect(criterionFlags({ maxPoints: 5, score: 0.01, target: null })).toEqual(["below_max"]);
    expect(criterionFlags({ maxPoints: 0, score: null, target: 0 })).toEqual(["not_scored"]);
  });

  it("points lost are counted to the cent", () => {
    expect(pointsLost(0.3, 0.1)).toBe(0.2);
    expect(pointsLost(2, 3)).toBe(0);
  });

  it("the weakest criterion first, equal losses by code in numeric order; or the framework's order", () => {
    const rows = [
      { code: "1.10", lost: 1 },
      { code: "2.1", lost: 0.5 },
      { code: "1.9", lost: 1 },
      { code: "1.2", lost: 3 },
    ];
    expect(sortCriteria(rows, "lost").map((r) => r.code)).toEqual(["1.2", "1.9", "1.10", "2.1"]);
    expect(sortCriteria(rows, "code").map((r) => r.code)).toEqual(["1.2", "1.9", "1.10", "2.1"].sort((a, b) => a.localeCompare(b, "vi", { numeric: true })));
    expect(rows[0].code).toBe("1.10");
  });

  it("the two orders differ when the weakest criterion is not the first one", () => {
    const rows = [
      { code: "1.1", lost: 0 },
      { code: "1.2", lost: 2 },
      { code: "2.1", lost: 1 },
    ];
    expect(sortCriteria(rows, "lost").map((r) => r.code)).toEqual(["1.2", "2.1", "1.1"]);
    expect(sortCriteria(rows, "code").map((r) => r.code)).toEqual(["1.1", "1.2", "2.1"]);
  });

  it("a score within a billionth of 0, of the maximum or of the target is rounding noise, not a real difference", () => {
    expect(criterionFlags({ maxPoints: 2, score: 1e-9, target: null })).toEqual(["not_scored"]);
    expect(criterionFlags({ maxPoints: 2, score: 2 - 1e-9, target: null })).toEqual([]);
    expect(criterionFlags({ maxPoints: 5, score: 2 - 1e-9, target: 2 })).toEqual(["below_max"]);
  });
});

describe("what to fix", () => {
  const c = (code: string, maxPoints: number, score: number | null) => ({ code, name: `Tiêu chí ${code}`, maxPoints, score });

  it("a target just reached needs nothing", () => {
    expect(planFixes({ criteria: [c("1", 2, 1)], currentTotal: 80, targetTotal: 80, maxTotal: 100 })).toEqual({
      target: 80,
      current: 80,
      gap: 0,
      status: "reached",
      picks: [],
      recovered: 0,
      newTotal: 80,
      shortfall: 0,
      aboveMaximum: false,
    });
  });

  it("criteria at their maximum are never picked, and the plan is complete", () => {
    expect(planFixes({ criteria: [c("1", 2, 2), c("2", 3, 1)], currentTotal: 79, targetTotal: 80, maxTotal: 100 })).toEqual({
      target: 80,
      current: 79,
      gap: 1,
      status: "reachable",
      picks: [{ ...c("2", 3, 1), missing: 2 }],
      recovered: 2,
      newTotal: 81,
      shortfall: 0,
      aboveMaximum: false,
    });
  });

  it("the total after recovering is capped at the framework maximum", () => {
    expect(planFixes({ criteria: [c("1", 5, 0)], currentTotal: 98, targetTotal: 99, maxTotal: 100 })).toMatchObject({
      status: "reachable",
      recovered: 5,
      newTotal: 100,
    });
  });

  it("an impossible plan lists every criterion that misses points, cheapest first", () => {
    expect(planFixes({ criteria: [c("b", 3, 1), c("a", 1, 0.5)], currentTotal: 90, targetTotal: 95, maxTotal: 100 })).toEqual({
      target: 95,
      current: 90,
      gap: 5,
      status: "impossible",
      picks: [
        { ...c("a", 1, 0.5), missing: 0.5 },
        { ...c("b", 3, 1), missing: 2 },
      ],
      recovered: 2.5,
      newTotal: 92.5,
      shortfall: 2.5,
      aboveMaximum: false,
    });
  });

  it("when dropping a pick, equal costs go by code, the last code first", () => {
    // Missing 1 (a), 2 (b), 2 (c), gap 4: 1 + 2 + 2 = 5; dropping c (2) leaves 3, short; b the same; a leaves 4: {b, c}.
    const plan = planFixes({ criteria: [c("c", 2, 0), c("a", 1, 0), c("b", 2, 0)], currentTotal: 0, targetTotal: 4, maxTotal: 100 });
    expect(plan.picks.map((p) => p.code)).toEqual(["b", "c"]);
    // Missing 2 (x), 2 (y), 3 (z), gap 5: 2 + 2 + 3 = 7; z cannot go; of x and y, y (the later code) goes.
    expect(
      planFixes({ criteria: [c("z", 3, 0), c("y", 2, 0), c("x", 2, 0)], currentTotal: 0, targetTotal: 5, maxTotal: 100 }).picks.map((p) => p.code),
    ).toEqual(["x", "z"]);
    // Missing 2 (a), 2 (b), 2 (c), gap 4: the first two cover it.
    expect(
      planFixes({ criteria: [c("c", 2, 0), c("b", 2, 0), c("a", 2, 0)], currentTotal: 0, targetTotal: 4, maxTotal: 100 }).picks.map((p) => p.code),
    ).toEqual(["a", "b"]);
  });

  it("a target above the maximum is flagged even when the gap is covered", () => {
    expect(planFixes({ criteria: [], currentTotal: 100, targetTotal: 100.5, maxTotal: 100 })).toMatchObject({
      aboveMaximum: true,
      status: "impossible",
    });
    expect(planFixes({ criteria: [], currentTotal: 100, targetTotal: 100, maxTotal: 100 })).toMatchObject({
      aboveMaximum: false,
      status: "reached",
    });
  });

  it("the rank among peers rounds totals to the cent and counts the agency once", () => {
    expect(
      rankAmongPeers(
        85.004,
        [
          { key: "A", total: 85.001 },
          { key: "B", total: 90 },
          { key: "B", total: 90 },
        ],
        "B",
      ),
    ).toEqual({ rank: 1, of: 2 });
    expect(rankAmongPeers(70, [], "A")).toEqual({ rank: 1, of: 1 });
  });

  it("the default target explains where it comes from", () => {
    const bands = [{ label: "Tốt", minScore: 80 }];
    expect(defaultTarget(75, 88, bands, 100)).toEqual({ value: 88, source: "agency_target", label: "chỉ tiêu của cơ quan" });
    expect(defaultTarget(75, null, bands, 100)).toEqual({ value: 80, source: "next_band", label: 'ngưỡng xếp loại "Tốt"' });
    expect(defaultTarget(85, null, bands, 100)).toEqual({ value: 100, source: "maximum", label: "điểm tối đa" });
  });

  it("the next band is the nearest one above, in whatever order the bands are listed", () => {
    const bands = [
      { label: "Xuất sắc", minScore: 90 },
      { label: "Khá", minScore: 70 },
      { label: "Tốt", minScore: 80 },
    ];
    expect(defaultTarget(65, null, bands, 100)).toMatchObject({ value: 70 });
    expect(bands.map((b) => b.minScore)).toEqual([90, 70, 80]);
  });
});

describe("year-over-year change", () => {
  it("is rounded to the cent; an unchanged maximum is not flagged", () => {
    expect(yearOverYear([{ code: "1", maxPoints: 0.3, score: 0.3 }], [{ code: "1", maxPoints: 0.1 + 0.2, score: 0.1 }]).get("1")).toEqual({
      previous: 0.1,
      change: 0.2,
      isNew: false,
      maxChanged: false,
    });
  });

  it("a criterion scored last year but not this year has no change", () => {
    expect(yearOverYear([{ code: "1", maxPoints: 1, score: 1 }], [{ code: "1", maxPoints: 1, score: null }]).get("1")).toEqual({
      previous: null,
      change: null,
      isNew: false,
      maxChanged: false,
    });
  });
});
