import { describe, expect, it } from "vitest";
import { criterionFlags, pointsLost, sortCriteria } from "@/lib/dashboards/flags";
import { agencyViewParamsSchema, leaderDashboardParamsSchema } from "@/lib/dashboards/schema";
import { defaultTarget, planFixes, rankAmongPeers } from "@/lib/dashboards/what-to-fix";
import { yearOverYear } from "@/lib/dashboards/yoy";

describe("criterion flags", () => {
  it("flags a criterion without a score, or with 0 points, as not scored (and not as below maximum)", () => {
    expect(criterionFlags({ maxPoints: 5, score: null, target: null })).toEqual(["not_scored"]);
    expect(criterionFlags({ maxPoints: 5, score: 0, target: null })).toEqual(["not_scored"]);
  });
  it("flags a partial score as below maximum, and nothing at the maximum", () => {
    expect(criterionFlags({ maxPoints: 5, score: 4.75, target: null })).toEqual(["below_max"]);
    expect(criterionFlags({ maxPoints: 5, score: 5, target: null })).toEqual([]);
    // Binary noise from sums of decimals does not raise a flag.
    expect(criterionFlags({ maxPoints: 0.3, score: 0.1 + 0.2, target: null })).toEqual([]);
  });
  it("adds below target on top of the other flags, only when a target exists", () => {
    expect(criterionFlags({ maxPoints: 8, score: 6, target: 7 })).toEqual(["below_max", "below_target"]);
    expect(criterionFlags({ maxPoints: 8, score: 7, target: 7 })).toEqual(["below_max"]);
    expect(criterionFlags({ maxPoints: 8, score: null, target: 7 })).toEqual(["not_scored", "below_target"]);
    expect(criterionFlags({ maxPoints: 8, score: 8, target: 7 })).toEqual([]);
  });
  it("counts the points lost to the maximum, never negative", () => {
    expect(pointsLost(8, 5.75)).toBe(2.25);
    expect(pointsLost(3, null)).toBe(3);
    expect(pointsLost(3, 3)).toBe(0);
  });
});

const c = (code: string, maxPoints: number, score: number | null) => ({ code, name: `Tiêu chí ${code}`, maxPoints, score });

describe("what to fix", () => {
  // Missing: 1.1 → 0.5, 1.2 → 1, 2.1 → 2, 3.1 → 5 (total 8.5); 4.1 is at its maximum.
  const criteria = [c("3.1", 8, 3), c("1.2", 2, 1), c("2.1", 4, 2), c("1.1", 2, 1.5), c("4.1", 3, 3)];

  it("takes criteria cheapest first until the gap is covered", () => {
    // Gap 1.5: 0.5 + 1 = 1.5.
    const plan = planFixes({ criteria, currentTotal: 78.5, targetTotal: 80, maxTotal: 100 });
    expect(plan).toMatchObject({ status: "reachable", gap: 1.5, recovered: 1.5, newTotal: 80 });
    expect(plan.picks.map((p) => [p.code, p.missing])).toEqual([
      ["1.1", 0.5],
      ["1.2", 1],
    ]);
  });
  it("drops a criterion taken early that the last one makes unnecessary", () => {
    // Gap 3: 0.5 + 1 + 2 = 3.5 covers it; 0.5 is then not needed (1 + 2 = 3).
    const plan = planFixes({ criteria, currentTotal: 77, targetTotal: 80, maxTotal: 100 });
    expect(plan.picks.map((p) => p.code)).toEqual(["1.2", "2.1"]);
    expect(plan).toMatchObject({ recovered: 3, newTotal: 80 });
  });
  it("ends with the one large criterion when the small ones are all redundant", () => {
    // Gap 5: 0.5 + 1 + 2 = 3.5 is short, + 5 = 8.5; then 2, 1 and 0.5 can all go: 5 alone.
    const plan = planFixes({ criteria, currentTotal: 75, targetTotal: 80, maxTotal: 100 });
    expect(plan.picks.map((p) => p.code)).toEqual(["3.1"]);
    expect(plan).toMatchObject({ recovered: 5, newTotal: 80 });
  });
  it("keeps the cheaper pair when removing the largest would fall short", () => {
    // Missing 1, 2, 3; gap 4: 1 + 2 + 3 = 6; dropping 3 leaves 3 (short), dropping 2 leaves 4: {1, 3}.
    const plan = planFixes({ criteria: [c("a", 1, 0), c("b", 2, 0), c("c", 3, 0)], currentTotal: 10, targetTotal: 14, maxTotal: 100 });
    expect(plan.picks.map((p) => p.code)).toEqual(["a", "c"]);
    expect(plan.recovered).toBe(4);
  });
  it("orders equal costs by code, numerically", () => {
    const plan = planFixes({ criteria: [c("1.10", 1, 0), c("1.9", 1, 0), c("1.2", 1, 0)], currentTotal: 0, targetTotal: 2, maxTotal: 100 });
    expect(plan.picks.map((p) => p.code)).toEqual(["1.2", "1.9"]);
  });
  it("says when the target is already reached", () => {
    expect(planFixes({ criteria, currentTotal: 85, targetTotal: 80, maxTotal: 100 })).toMatchObject({
      status: "reached",
      gap: 0,
      picks: [],
      newTotal: 85,
    });
  });
  it("says when even every criterion recovered cannot reach the target, and by how much", () => {
    // 90 + 8.5 = 98.5 < 99.
    const plan = planFixes({ criteria, currentTotal: 90, targetTotal: 99, maxTotal: 100 });
    expect(plan).toMatchObject({ status: "impossible", recovered: 8.5, newTotal: 98.5, shortfall: 0.5 });
    expect(plan.picks).toHaveLength(4);
  });
  it("refuses a target above the framework maximum", () => {
    const plan = planFixes({ criteria, currentTotal: 95, targetTotal: 101, maxTotal: 100 });
    expect(plan).toMatchObject({ status: "impossible", aboveMaximum: true, newTotal: 100, shortfall: 1 });
  });
  it("treats a criterion without a score as missing its whole maximum", () => {
    const plan = planFixes({ criteria: [c("x", 2, null)], currentTotal: 50, targetTotal: 51, maxTotal: 100 });
    expect(plan.picks).toEqual([{ ...c("x", 2, null), missing: 2 }]);
    expect(plan.newTotal).toBe(52);
  });
});

describe("rank among peers", () => {
  const peers = [
    { key: "A", total: 92 },
    { key: "B", total: 85.5 },
    { key: "C", total: 85.5 },
    { key: "D", total: 80 },
    { key: "E", total: 71.25 },
  ];
  it("replaces the agency's own total and shares the rank on a tie", () => {
    expect(rankAmongPeers(85.5, peers, "E")).toEqual({ rank: 2, of: 5 });
    expect(rankAmongPeers(85.5, peers, "D")).toEqual({ rank: 2, of: 5 });
  });
  it("ranks above a tie when the total passes it, first when above everyone", () => {
    expect(rankAmongPeers(86, peers, "E")).toEqual({ rank: 2, of: 5 });
    expect(rankAmongPeers(80, peers, "E")).toEqual({ rank: 4, of: 5 });
    expect(rankAmongPeers(95, peers, "D")).toEqual({ rank: 1, of: 5 });
  });
  it("gives the current rank for the current total", () => {
    expect(rankAmongPeers(85.5, peers, "B")).toEqual({ rank: 2, of: 5 });
    expect(rankAmongPeers(71.25, peers, "E")).toEqual({ rank: 5, of: 5 });
  });
});

describe("default target of what to fix", () => {
  const bands = [
    { label: "Xuất sắc", minScore: 90 },
    { label: "Tốt", minScore: 80 },
    { label: "Khá", minScore: 70 },
    { label: "Yếu", minScore: 0 },
  ];
  it("is the agency's target when there is one", () => {
    expect(defaultTarget(75, 88, bands, 100)).toMatchObject({ value: 88, source: "agency_target" });
  });
  it("else the next classification threshold above the total", () => {
    expect(defaultTarget(75, null, bands, 100)).toMatchObject({ value: 80, source: "next_band", label: 'ngưỡng xếp loại "Tốt"' });
    // Exactly on a threshold: the next one up.
    expect(defaultTarget(80, null, bands, 100)).toMatchObject({ value: 90, source: "next_band" });
  });
  it("else the maximum, and nothing at the maximum", () => {
    expect(defaultTarget(95, null, bands, 100)).toMatchObject({ value: 100, source: "maximum" });
    expect(defaultTarget(100, null, bands, 100)).toBeNull();
  });
});

describe("year-over-year change per criterion", () => {
  it("matches criteria by code across framework versions", () => {
    const changes = yearOverYear(
      [
        { code: "1.1", maxPoints: 2, score: 2 },
        { code: "1.2", maxPoints: 5, score: 3.5 },
        { code: "9.9", maxPoints: 1, score: 1 },
        { code: "2.1", maxPoints: 4, score: null },
      ],
      [
        { code: "1.2", maxPoints: 5, score: 4.25 },
        { code: "1.1", maxPoints: 3, score: 1 },
        { code: "2.1", maxPoints: 4, score: 2 },
        { code: "7.7", maxPoints: 2, score: 0 },
      ],
    );
    expect(changes.get("1.2")).toEqual({ previous: 4.25, change: -0.75, isNew: false, maxChanged: false });
    expect(changes.get("1.1")).toEqual({ previous: 1, change: 1, isNew: false, maxChanged: true });
    expect(changes.get("9.9")).toEqual({ previous: null, change: null, isNew: true, maxChanged: false });
    expect(changes.get("2.1")).toEqual({ previous: 2, change: null, isNew: false, maxChanged: false });
    expect(changes.has("7.7")).toBe(false);
  });
  it("knows nothing without a previous year", () => {
    expect(yearOverYear([{ code: "1.1", maxPoints: 2, score: 2 }], null).get("1.1")).toEqual({
      previous: null,
      change: null,
      isNew: false,
      maxChanged: false,
    });
  });
});

describe("address-bar parameters", () => {
  it("treats missing and empty parameters as none, and reads Vietnamese decimals", () => {
    expect(leaderDashboardParamsSchema.parse({})).toEqual({});
    expect(leaderDashboardParamsSchema.parse({ tinh: "95", nam: "" })).toEqual({ tinh: 95 });
    expect(agencyViewParamsSchema.parse({ nam: "2025", "sap-xep": "ma", "muc-tieu": "85,5" })).toEqual({
      nam: 2025,
      "sap-xep": "ma",
      "muc-tieu": 85.5,
    });
    expect(agencyViewParamsSchema.parse({ nam: ["2024", "2025"] })).toMatchObject({ nam: 2024 });
  });
  it("names the parameter and how to fix it", () => {
    const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) => result.error?.issues.map((i) => i.message);
    expect(messages(leaderDashboardParamsSchema.safeParse({ nam: "25" }))).toEqual(["Tham số nam (năm) phải là một năm từ 2000 đến 2100, ví dụ 2025."]);
    expect(messages(agencyViewParamsSchema.safeParse({ "muc-tieu": "abc" }))?.[0]).toContain("Tổng điểm mục tiêu phải là số");
    expect(messages(agencyViewParamsSchema.safeParse({ "sap-xep": "ten" }))?.[0]).toContain("sap-xep");
  });
});

describe("criteria order", () => {
  const rows = [
    { code: "1.10", lost: 1 },
    { code: "1.2", lost: 3 },
    { code: "1.9", lost: 3 },
    { code: "2.1", lost: 0 },
  ];
  it("puts the most points lost first, ties by code, or follows the codes", () => {
    expect(sortCriteria(rows, "lost").map((r) => r.code)).toEqual(["1.2", "1.9", "1.10", "2.1"]);
    expect(sortCriteria(rows, "code").map((r) => r.code)).toEqual(["1.2", "1.9", "1.10", "2.1"]);
    expect(sortCriteria([{ code: "3", lost: 0 }, ...rows], "code").map((r) => r.code)).toEqual(["1.2", "1.9", "1.10", "2.1", "3"]);
  });
});
