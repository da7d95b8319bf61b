import { describe, expect, it } from "vitest";
import { bounds, exact, facts, measure, spec } from "../support/targets";
import { evaluateTarget, targetText } from "@/lib/targets/evaluate";

describe("minimum score (SIPAS ≥ 85%)", () => {
  it("is met at or above the minimum", () => {
    const result = evaluateTarget(spec({}), facts({ current: measure(2024, 85) }));
    expect(result).toMatchObject({ status: "met", actual: 85, gap: 0, actualText: "85,00%", targetText: "SIPAS ≥ 85%" });
  });
  it("is missed below it, with the gap", () => {
    const result = evaluateTarget(spec({}), facts({ current: measure(2024, 83.94) }));
    expect(result).toMatchObject({ status: "missed", actual: 83.94, gap: 1.06 });
    expect(result.explanation).toBe("Không đạt: SIPAS năm 2024 là 83,94%, thấp hơn chỉ tiêu 85,00% (thiếu 1,06%).");
  });
  it("is at risk before the result when last year's result is below the minimum", () => {
    const result = evaluateTarget(spec({}), facts({ previous: measure(2023, 83) }));
    expect(result).toMatchObject({ status: "at_risk", actual: null, gap: 2 });
    expect(result.explanation).toContain("kết quả năm 2023 là 83,00%");
  });
  it("prefers the year's provisional value (internal scores) over last year's result", () => {
    const result = evaluateTarget(spec({}), facts({ previous: measure(2023, 90), provisional: { score: 80, label: "điểm thẩm định tạm tính" } }));
    expect(result).toMatchObject({ status: "at_risk", gap: 5 });
    expect(result.explanation).toContain("điểm thẩm định tạm tính là 80,00%");
  });
  it("is not yet known before the result when the estimate reaches the minimum, or when nothing is known", () => {
    expect(evaluateTarget(spec({}), facts({ previous: measure(2023, 86) })).status).toBe("not_yet_known");
    expect(evaluateTarget(spec({}), facts({}))).toMatchObject({
      status: "not_yet_known",
      gap: null,
      explanation: "Chưa có kết quả SIPAS năm 2024.",
    });
  });
  it("names points when the unit is not a percentage", () => {
    expect(evaluateTarget(spec({ unit: null, subject: "Sở Tư pháp", value: 80 }), facts({ current: measure(2025, 78.5) })).explanation).toContain(
      "thiếu 1,50 điểm",
    );
  });
});

describe("minimum percent of the maximum (PAR INDEX ≥ 80%)", () => {
  const par = spec({ kind: "MIN_PERCENT_OF_MAX", value: 80, subject: "PAR INDEX", year: 2021 });
  it("compares the score as a percentage of the index maximum", () => {
    expect(evaluateTarget(par, facts({ current: measure(2021, 79.97) }))).toMatchObject({ status: "missed", actual: 79.97, gap: 0.03 });
    expect(evaluateTarget(par, facts({ maxScore: 50, current: measure(2021, 40) }))).toMatchObject({ status: "met", actual: 80 });
    expect(targetText(par)).toBe("PAR INDEX ≥ 80% điểm tối đa");
  });
  it("cannot tell without the maximum", () => {
    expect(evaluateTarget(par, facts({ maxScore: null, current: measure(2021, 90) })).status).toBe("not_yet_known");
  });
});

describe("maximum rank (in the top 10)", () => {
  const top10 = spec({ kind: "MAX_RANK", value: 10, subject: "PAR INDEX", unit: null, year: 2019 });
  it("is met or missed on an exact rank", () => {
    expect(evaluateTarget(top10, facts({ current: measure(2019, 85, exact(8)) }))).toMatchObject({
      status: "met",
      actual: 8,
      actualText: "hạng 8/63",
    });
    expect(evaluateTarget(top10, facts({ current: measure(2019, 83.32, exact(11)) }))).toMatchObject({
      status: "missed",
      actual: 11,
      gap: 1,
    });
  });
  it("on a partial table: met when every possible rank is in, missed when none is, else not yet known", () => {
    expect(evaluateTarget(top10, facts({ current: measure(2019, 88, bounds(2, 5)) })).status).toBe("met");
    expect(evaluateTarget(top10, facts({ current: measure(2019, 80, bounds(12, 63)) }))).toMatchObject({
      status: "missed",
      gap: 2,
      actualText: "hạng từ 12 trở xuống (trên 63)",
    });
    const partial = evaluateTarget(top10, facts({ current: measure(2019, 87.61, bounds(6, 33)) }));
    expect(partial).toMatchObject({ status: "not_yet_known", actual: null, actualText: "hạng 6–33 (trên 63)" });
    expect(partial.explanation).toContain("chưa đầy đủ");
  });
  it("is at risk before the result when last year's rank was outside", () => {
    expect(evaluateTarget(top10, facts({ previous: measure(2018, 80.77, exact(12)) }))).toMatchObject({ status: "at_risk", gap: 2 });
    expect(evaluateTarget(top10, facts({ previous: measure(2018, 80.77, exact(8)) })).status).toBe("not_yet_known");
  });
});

describe("rank improvement (up 10–15 places, Quảng Nam 2019)", () => {
  const up = spec({ kind: "RANK_IMPROVEMENT", value: 10, valueMax: 15, subject: "PAR INDEX", unit: "bậc", year: 2019 });
  it("shows the range as the plan wrote it", () => {
    expect(targetText(up)).toBe("PAR INDEX: tăng 10–15 bậc");
    expect(targetText({ ...up, valueMax: null })).toBe("PAR INDEX: tăng ít nhất 10 bậc");
  });
  it("is met from the lower end of the range, and says when it goes beyond the upper end", () => {
    const met = evaluateTarget(up, facts({ previous: measure(2018, 80, exact(30)), current: measure(2019, 84, exact(18)) }));
    expect(met).toMatchObject({ status: "met", actual: 12, actualText: "tăng 12 bậc", gap: 0 });
    const beyond = evaluateTarget(up, facts({ previous: measure(2018, 80, exact(30)), current: measure(2019, 86, exact(10)) }));
    expect(beyond).toMatchObject({ status: "met", actual: 20 });
    expect(beyond.explanation).toContain("vượt mức trên");
  });
  it("is missed below the lower end, also when the unit fell", () => {
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80, exact(30)), current: measure(2019, 81, exact(25)) }))).toMatchObject({
      status: "missed",
      actual: 5,
      gap: 5,
    });
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80.77, exact(8)), current: measure(2019, 83.32, exact(11)) }))).toMatchObject({
      status: "missed",
      actual: -3,
      actualText: "giảm 3 bậc",
      gap: 13,
    });
  });
  it("on partial tables: decides from the range of possible gains", () => {
    // Last year 30, this year somewhere in 6–33: a gain from −3 to 24 places.
    const open = evaluateTarget(up, facts({ previous: measure(2018, 80, exact(30)), current: measure(2019, 87, bounds(6, 33)) }));
    expect(open).toMatchObject({ status: "not_yet_known", actualText: "từ giảm 3 bậc đến tăng 24 bậc" });
    // Last year at 34 or below, this year exactly 20: at least 14 places.
    expect(evaluateTarget(up, facts({ previous: measure(2018, 70, bounds(34, 63)), current: measure(2019, 85, exact(20)) })).status).toBe("met");
    // Last year 12–15, this year 8–10: at most 7 places.
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80, bounds(12, 15)), current: measure(2019, 85, bounds(8, 10)) }))).toMatchObject({
      status: "missed",
      gap: 3,
    });
  });
  it("cannot compare a unit formed in 2025 with last year, nor ranks out of different totals", () => {
    const fresh = evaluateTarget(
      { ...up, year: 2025 },
      facts({
        current: measure(2025, 85, exact(5, 34)),
        noPreviousReason: "An Giang mới thành lập từ 01/07/2025, năm 2024 chưa được xếp hạng",
      }),
    );
    expect(fresh).toMatchObject({ status: "not_yet_known", actualText: "hạng 5/34" });
    expect(fresh.explanation).toContain("An Giang mới thành lập");
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80, exact(30, 63)), current: measure(2019, 85, exact(5, 34)) })).explanation).toContain(
      "63 đơn vị",
    );
  });
  it("is not yet known before the result", () => {
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80, exact(30)) })).status).toBe("not_yet_known");
  });
});

describe("criterion score of an agency", () => {
  const criterion = spec({ kind: "CRITERION_SCORE", value: 7, unit: null, subject: "Sở Tư pháp – tiêu chí 3.1.2", year: 2025 });
  it("uses the final score, else the provisional one for at risk", () => {
    expect(evaluateTarget(criterion, facts({ maxScore: 8, current: measure(2025, 8) })).status).toBe("met");
    expect(evaluateTarget(criterion, facts({ maxScore: 8, current: measure(2025, 6) }))).toMatchObject({ status: "missed", gap: 1 });
    expect(evaluateTarget(criterion, facts({ maxScore: 8, provisional: { score: 5, label: "điểm tự chấm" } }))).toMatchObject({
      status: "at_risk",
      gap: 2,
    });
    expect(targetText(criterion)).toBe("Sở Tư pháp – tiêu chí 3.1.2 ≥ 7 điểm");
  });
});

describe("commitment completion (100% of the commitments, Bình Phước 2019)", () => {
  const all = spec({ kind: "COMMITMENT_COMPLETION", value: 100, subject: "Các cơ quan", year: 2019 });
  it("is met when enough tasks are done", () => {
    expect(evaluateTarget(all, facts({ tasks: { done: 7, total: 7, overdue: 0, yearEnded: false } }))).toMatchObject({
      status: "met",
      actual: 100,
      actualText: "100% (7/7)",
    });
  });
  it("is missed once the year has ended short of it", () => {
    expect(evaluateTarget(all, facts({ tasks: { done: 5, total: 7, overdue: 2, yearEnded: true } }))).toMatchObject({
      status: "missed",
      actual: 71.4,
      gap: 28.6,
    });
  });
  it("is at risk during the year when a task is overdue, else not yet known", () => {
    expect(evaluateTarget(all, facts({ tasks: { done: 3, total: 7, overdue: 1, yearEnded: false } })).status).toBe("at_risk");
    expect(evaluateTarget(all, facts({ tasks: { done: 3, total: 7, overdue: 0, yearEnded: false } })).status).toBe("not_yet_known");
    expect(evaluateTarget(all, facts({ tasks: { done: 0, total: 0, overdue: 0, yearEnded: true } })).status).toBe("not_yet_known");
  });
});
