// Whether a target is met (lib/targets/evaluate.ts): every explanation the leader reads, word for
// word, and the boundaries of each rule, beyond tests/unit/target-evaluation.test.ts.
import { describe, expect, it } from "vitest";
import { bounds, exact, facts, measure, spec as targetSpec } from "../support/targets";
import { expectInCatalogue } from "../support/catalogue";
import { evaluateTarget, TARGET_KIND_LABELS, targetText } from "@/lib/targets/evaluate";

const spec = (over: Parameters<typeof targetSpec>[0]) => targetSpec({ unit: null, ...over });

describe("labels", () => {
  it("name each status and kind as the plans do", () => {
    expectInCatalogue({ met: "Đạt", missed: "Không đạt", at_risk: "Có nguy cơ không đạt", not_yet_known: "Chưa xác định" });
    expect(TARGET_KIND_LABELS).toEqual({
      MIN_SCORE: "Điểm tối thiểu",
      MIN_PERCENT_OF_MAX: "Tỷ lệ điểm tối thiểu",
      MAX_RANK: "Thứ hạng",
      RANK_IMPROVEMENT: "Tăng bậc xếp hạng",
      CRITERION_SCORE: "Điểm tiêu chí",
      COMMITMENT_COMPLETION: "Hoàn thành cam kết",
    });
  });
});

describe("a target as a phrase", () => {
  it("for each kind", () => {
    expect(targetText(spec({ unit: null }))).toBe("SIPAS ≥ 85 điểm");
    expect(targetText(spec({ unit: "%" }))).toBe("SIPAS ≥ 85%");
    expect(targetText(spec({ kind: "CRITERION_SCORE", value: 2.5, unit: "điểm", subject: "tiêu chí 3.1.2" }))).toBe("tiêu chí 3.1.2 ≥ 2,5 điểm");
    expect(targetText(spec({ kind: "MAX_RANK", value: 10, subject: "PAR INDEX" }))).toBe("PAR INDEX: xếp hạng từ 1 đến 10");
    expect(targetText(spec({ kind: "COMMITMENT_COMPLETION", value: 100, subject: "Các sở" }))).toBe("Các sở: hoàn thành ≥ 100% nhiệm vụ, cam kết");
    expect(targetText(spec({ kind: "RANK_IMPROVEMENT", value: 10, valueMax: 10, subject: "PAR INDEX" }))).toBe("PAR INDEX: tăng ít nhất 10 bậc");
  });
});

describe("a minimum score", () => {
  it("met: says the result and the target", () => {
    expect(evaluateTarget(spec({}), facts({ current: measure(2024, 86) }))).toEqual({
      status: "met",
      actual: 86,
      actualText: "86,00 điểm",
      gap: 0,
      targetText: "SIPAS ≥ 85 điểm",
      explanation: "Đạt: SIPAS năm 2024 là 86,00 điểm, chỉ tiêu 85,00 điểm.",
    });
  });

  it("at risk: says what the estimate is and how much is missing", () => {
    expect(evaluateTarget(spec({}), facts({ provisional: { score: 84.5, label: "điểm tự chấm" } }))).toEqual({
      status: "at_risk",
      actual: null,
      actualText: "—",
      gap: 0.5,
      targetText: "SIPAS ≥ 85 điểm",
      explanation: "Có nguy cơ không đạt: chưa có kết quả năm 2024; điểm tự chấm là 84,50 điểm, còn thiếu 0,50 điểm so với chỉ tiêu 85,00 điểm.",
    });
  });

  it("not yet known: says the estimate reaches the target", () => {
    expect(evaluateTarget(spec({}), facts({ previous: measure(2023, 85) }))).toEqual({
      status: "not_yet_known",
      actual: null,
      actualText: "—",
      gap: null,
      targetText: "SIPAS ≥ 85 điểm",
      explanation: "Chưa có kết quả năm 2024; kết quả năm 2023 là 85,00 điểm, đang ở mức chỉ tiêu 85,00 điểm.",
    });
  });

  it("a percentage of the maximum is computed to the cent and needs the maximum", () => {
    const par = spec({ kind: "MIN_PERCENT_OF_MAX", value: 80, subject: "PAR INDEX" });
    expect(evaluateTarget(par, facts({ maxScore: 61.5, current: measure(2024, 49.2) }))).toMatchObject({
      status: "met",
      actual: 80,
      actualText: "80,00%",
    });
    expect(evaluateTarget(par, facts({ maxScore: 0, current: measure(2024, 49.2) }))).toEqual({
      status: "not_yet_known",
      actual: null,
      actualText: "—",
      gap: null,
      targetText: "PAR INDEX ≥ 80% điểm tối đa",
      explanation: "Không biết điểm tối đa của chỉ số để tính tỷ lệ.",
    });
  });
});

describe("a maximum rank", () => {
  const top10 = spec({ kind: "MAX_RANK", value: 10, subject: "PAR INDEX", year: 2019 });

  it("met, missed and open on a partial table, each explained", () => {
    expect(evaluateTarget(top10, facts({ current: measure(2019, 88, exact(10)) })).explanation).toBe(
      "Đạt: PAR INDEX năm 2019 ở hạng 10/63, chỉ tiêu từ 1 đến 10.",
    );
    expect(evaluateTarget(top10, facts({ current: measure(2019, 80, exact(11)) })).explanation).toBe(
      "Không đạt: PAR INDEX năm 2019 ở hạng 11/63, chỉ tiêu từ 1 đến 10.",
    );
    expect(evaluateTarget(top10, facts({ current: measure(2019, 85, bounds(10, 12)) }))).toEqual({
      status: "not_yet_known",
      actual: null,
      actualText: "hạng 10–12 (trên 63)",
      gap: null,
      targetText: "PAR INDEX: xếp hạng từ 1 đến 10",
      explanation:
        "Chưa xác định: bảng xếp hạng công bố chưa đầy đủ nên thứ hạng chỉ biết trong một khoảng (hạng 10–12 (trên 63)), chưa biết có trong 10 hạng đầu hay không.",
    });
  });

  it("a result without a rank is not yet known", () => {
    expect(evaluateTarget(top10, facts({ current: measure(2019, 85) }))).toMatchObject({
      status: "not_yet_known",
      explanation: "Chưa có thứ hạng PAR INDEX năm 2019.",
    });
  });

  it("at risk before the result, with last year's rank; the gap is unknown when that rank is only bounded", () => {
    expect(evaluateTarget(top10, facts({ previous: measure(2018, 80, bounds(12, 20)) }))).toEqual({
      status: "at_risk",
      actual: null,
      actualText: "—",
      gap: null,
      targetText: "PAR INDEX: xếp hạng từ 1 đến 10",
      explanation: "Có nguy cơ không đạt: chưa có kết quả năm 2019; năm 2018 PAR INDEX ở hạng 12–20 (trên 63), chỉ tiêu từ 1 đến 10.",
    });
    expect(evaluateTarget(top10, facts({ previous: measure(2018, 80, exact(10)) })).status).toBe("not_yet_known");
  });
});

describe("places gained", () => {
  const up = spec({ kind: "RANK_IMPROVEMENT", value: 10, valueMax: 15, subject: "PAR INDEX", year: 2019 });
  const upOnly = spec({ kind: "RANK_IMPROVEMENT", value: 10, valueMax: null, subject: "PAR INDEX", year: 2019 });

  it("met, with the ranks of both years and the target's range", () => {
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80, exact(30)), current: measure(2019, 85, exact(20)) })).explanation).toBe(
      "Đạt: hạng 30/63 năm 2018 → hạng 20/63 năm 2019, tăng 10 bậc (chỉ tiêu 10–15 bậc).",
    );
    expect(evaluateTarget(upOnly, facts({ previous: measure(2018, 80, exact(30)), current: measure(2019, 85, exact(5)) })).explanation).toBe(
      "Đạt: hạng 30/63 năm 2018 → hạng 5/63 năm 2019, tăng 25 bậc (chỉ tiêu tăng ít nhất 10 bậc).",
    );
  });

  it("at the upper end is met without going beyond it", () => {
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80, exact(30)), current: measure(2019, 85, exact(15)) })).explanation).toBe(
      "Đạt: hạng 30/63 năm 2018 → hạng 15/63 năm 2019, tăng 15 bậc (chỉ tiêu 10–15 bậc).",
    );
  });

  it("missed: a unit that kept its rank", () => {
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80, exact(30)), current: measure(2019, 80, exact(30)) }))).toEqual({
      status: "missed",
      actual: 0,
      actualText: "giữ nguyên thứ hạng",
      gap: 10,
      targetText: "PAR INDEX: tăng 10–15 bậc",
      explanation: "Không đạt: hạng 30/63 năm 2018 → hạng 30/63 năm 2019, giữ nguyên thứ hạng (chỉ tiêu 10–15 bậc).",
    });
  });

  it("missed on a partial table: the actual gain is unknown, the gap is what even the best case misses", () => {
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80, bounds(12, 14)), current: measure(2019, 85, bounds(8, 9)) }))).toMatchObject({
      status: "missed",
      actual: null,
      gap: 4,
      actualText: "từ tăng 3 bậc đến tăng 6 bậc",
    });
  });

  it("met on a partial table: even the worst case gains enough", () => {
    expect(evaluateTarget(up, facts({ previous: measure(2018, 70, bounds(40, 63)), current: measure(2019, 85, bounds(10, 30)) }))).toMatchObject({
      status: "met",
      actual: null,
      gap: 0,
    });
  });

  it("not comparable without last year's rank, and says why", () => {
    expect(evaluateTarget(up, facts({ current: measure(2019, 85, exact(5)) }))).toMatchObject({
      status: "not_yet_known",
      actualText: "hạng 5/63",
      explanation: "Không so sánh được: không có thứ hạng năm 2018 của cùng đơn vị.",
    });
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80), current: measure(2019, 85, exact(5)) })).explanation).toBe(
      "Không so sánh được: không có thứ hạng năm 2018 của cùng đơn vị.",
    );
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80, exact(30, 63)), current: measure(2019, 85, exact(5, 34)) })).explanation).toBe(
      "Không so sánh được: năm 2018 xếp hạng 63 đơn vị, năm 2019 xếp hạng 34 đơn vị.",
    );
  });

  it("before the result, says in advance when it will not be comparable", () => {
    expect(evaluateTarget(up, facts({ noPreviousReason: "An Giang mới thành lập" })).explanation).toBe(
      "Chưa có thứ hạng PAR INDEX năm 2019; khi có cũng không so sánh được với năm 2018: An Giang mới thành lập.",
    );
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80, exact(30)), noPreviousReason: "x" })).explanation).toBe(
      "Chưa có thứ hạng PAR INDEX năm 2019.",
    );
  });

  it("open on a partial table, with the possible gains", () => {
    expect(evaluateTarget(up, facts({ previous: measure(2018, 80, exact(30)), current: measure(2019, 85, bounds(18, 22)) }))).toEqual({
      status: "not_yet_known",
      actual: null,
      actualText: "từ tăng 8 bậc đến tăng 12 bậc",
      gap: null,
      targetText: "PAR INDEX: tăng 10–15 bậc",
      explanation:
        "Chưa xác định: bảng xếp hạng công bố chưa đầy đủ nên thứ hạng chỉ biết trong một khoảng; hạng 30/63 năm 2018 → hạng 18–22 (trên 63) năm 2019, từ tăng 8 bậc đến tăng 12 bậc (chỉ tiêu 10–15 bậc).",
    });
  });
});

describe("commitment completion", () => {
  const half = spec({ kind: "COMMITMENT_COMPLETION", value: 50, subject: "Các sở", year: 2019 });

  it("is counted to a tenth of a percent and explained at each step", () => {
    expect(evaluateTarget(half, facts({ tasks: { done: 1, total: 3, overdue: 0, yearEnded: false } }))).toEqual({
      status: "not_yet_known",
      actual: 33.3,
      actualText: "33,3% (1/3)",
      gap: 16.7,
      targetText: "Các sở: hoàn thành ≥ 50% nhiệm vụ, cam kết",
      explanation: "Đang thực hiện: đã hoàn thành 1/3 nhiệm vụ, chưa có nhiệm vụ quá hạn.",
    });
    expect(evaluateTarget(half, facts({ tasks: { done: 1, total: 3, overdue: 2, yearEnded: false } })).explanation).toBe(
      "Có nguy cơ không đạt: 2 nhiệm vụ đã quá hạn mà chưa hoàn thành; đã hoàn thành 1/3.",
    );
    expect(evaluateTarget(half, facts({ tasks: { done: 1, total: 3, overdue: 0, yearEnded: true } })).explanation).toBe(
      "Không đạt: hết năm 2019, mới hoàn thành 1/3 nhiệm vụ (33,3%).",
    );
    expect(evaluateTarget(half, facts({ tasks: { done: 1, total: 2, overdue: 1, yearEnded: true } }))).toMatchObject({
      status: "met",
      gap: 0,
      explanation: "Đạt: đã hoàn thành 1/2 nhiệm vụ (50%).",
    });
  });

  it("without tasks, nothing to count", () => {
    expect(evaluateTarget(half, facts({}))).toEqual({
      status: "not_yet_known",
      actual: null,
      actualText: "—",
      gap: null,
      targetText: "Các sở: hoàn thành ≥ 50% nhiệm vụ, cam kết",
      explanation: "Chưa có nhiệm vụ, cam kết nào để tính tỷ lệ hoàn thành.",
    });
  });
});
