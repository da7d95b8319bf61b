// Every sentence "score needed for rank N" can say (lib/results/score-for-rank.ts), word for word,
// beyond tests/unit/score-for-rank.test.ts.
import { describe, expect, it } from "vitest";
import { describeScoreForRank, scoreForRank, type ScoreForRankContext } from "@/lib/results/score-for-rank";

const row = (key: string, score: number, officialRank: number | null = null) => ({ key, score, officialRank });
const NAMES: Record<string, string> = { A: "Tỉnh A", B: "Tỉnh B", C: "Tỉnh C", D: "Tỉnh D" };
const context = (over: Partial<ScoreForRankContext> = {}): ScoreForRankContext => ({
  indexName: "SIPAS",
  year: 2023,
  target: 2,
  unitCount: 4,
  knownRows: 4,
  nameOf: (key) => NAMES[key],
  province: { name: "Tỉnh D", ranked: true, own: { score: 80, rank: "4" } },
  ...over,
});
const complete = [row("A", 95), row("B", 90), row("C", 85), row("D", 80)];

describe("on a complete table", () => {
  it("gives the score and whose it is, and the gap from the province's own", () => {
    const answer = scoreForRank({ rows: complete, unitCount: 4, self: { kind: "row", key: "D" }, target: 2 });
    expect(describeScoreForRank(answer, context())).toBe(
      "Bảng SIPAS năm 2023 đầy đủ (4 tỉnh, thành phố). Điểm cần để đạt hạng 2: 90,00 (điểm của Tỉnh B; điểm bằng nhau thì cùng hạng). Năm 2023, Tỉnh D đạt 80,00 điểm (hạng 4): cần thêm 10,00 điểm.",
    );
  });

  it("says when the province's score was enough", () => {
    const answer = scoreForRank({ rows: complete, unitCount: 4, self: { kind: "row", key: "B" }, target: 2 });
    expect(describeScoreForRank(answer, context({ province: { name: "Tỉnh B", ranked: true, own: { score: 90, rank: "2" } } }))).toBe(
      "Bảng SIPAS năm 2023 đầy đủ (4 tỉnh, thành phố). Điểm cần để đạt hạng 2: 85,00 (điểm của Tỉnh C; điểm bằng nhau thì cùng hạng). Năm 2023, Tỉnh B đạt 90,00 điểm (hạng 2): đã đủ.",
    );
  });

  it("says when any score reaches the rank", () => {
    const answer = scoreForRank({ rows: complete, unitCount: 4, self: { kind: "row", key: "D" }, target: 4 });
    expect(describeScoreForRank(answer, context({ target: 4 }))).toBe("Năm 2023 chỉ có 3 đơn vị khác được xếp hạng: điểm nào cũng đạt hạng 4.");
  });
});

describe("on a partial table", () => {
  const partial = [row("A", 95, 1), row("B", 90, 5)];
  const ctx = (target: number, own: ScoreForRankContext["province"]["own"] = { score: 80, rank: "≥ 6" }) =>
    context({ target, unitCount: 63, knownRows: 2, province: { name: "Tỉnh D", ranked: true, own } });
  const say = (target: number, own?: ScoreForRankContext["province"]["own"]) =>
    describeScoreForRank(scoreForRank({ rows: partial, unitCount: 63, self: { kind: "unknown" }, target }), ctx(target, own));

  it("between two bounds, with what surely reaches the rank and what surely does not", () => {
    expect(say(3)).toBe(
      "Bảng SIPAS năm 2023 chưa đầy đủ: mới biết kết quả của 2/63 tỉnh, thành phố. Không tính được chính xác: điểm cần để đạt hạng 3 nằm trong khoảng 90,01–95,00; " +
        "đạt 95,00 điểm chắc chắn có hạng 3 trở lên (Tỉnh A đạt hạng 1 với điểm này), dưới 90,01 điểm chắc chắn không đạt. Năm 2023, Tỉnh D đạt 80,00 điểm (hạng ≥ 6): thêm 15,00 điểm thì chắc chắn đủ.",
    );
  });

  it("only a score that surely reaches the rank", () => {
    expect(say(7, null)).toBe(
      "Bảng SIPAS năm 2023 chưa đầy đủ: mới biết kết quả của 2/63 tỉnh, thành phố. Bảng công bố chưa có kết quả năm 2023 của Tỉnh D. Không tính được chính xác: đạt 90,00 điểm chắc chắn có hạng 7 trở lên (Tỉnh B đạt hạng 5 với điểm này); điểm thấp hơn có thể vẫn đạt, bảng công bố không đủ để biết.",
    );
  });

  it("only a least score", () => {
    const answer = scoreForRank({ rows: [row("A", 95), row("B", 90), row("C", 85)], unitCount: 63, self: { kind: "absent" }, target: 2 });
    expect(describeScoreForRank(answer, context({ unitCount: 63, knownRows: 3, province: { name: "Tỉnh E", ranked: true, own: null } }))).toBe(
      "Bảng SIPAS năm 2023 chưa đầy đủ: mới biết kết quả của 3/63 tỉnh, thành phố. Bảng công bố chưa có kết quả năm 2023 của Tỉnh E. Không tính được chính xác: cần ít nhất 90,00 điểm để đạt hạng 2; điểm cần thực tế có thể cao hơn vì chưa biết điểm của các tỉnh, thành phố còn lại.",
    );
  });

  it("nothing at all, for a province that was not ranked that year", () => {
    const answer = scoreForRank({ rows: [row("A", 95)], unitCount: 63, self: { kind: "absent" }, target: 5 });
    expect(describeScoreForRank(answer, context({ target: 5, unitCount: 63, knownRows: 1, province: { name: "Tỉnh mới", ranked: false, own: null } }))).toBe(
      "Bảng SIPAS năm 2023 chưa đầy đủ: mới biết kết quả của 1/63 tỉnh, thành phố. Tỉnh mới không nằm trong 63 tỉnh, thành phố được xếp hạng năm 2023: đây là điểm một tỉnh cần có để đứng hạng 5 trong bảng đó. " +
        "Không xác định được điểm cần để đạt hạng 5: bảng công bố không có điểm số hay thứ hạng nào cho biết hạng 5.",
    );
  });
});

describe("the province's own row", () => {
  it("a unit scoring less than the province has one unit fewer above it among the others", () => {
    // Province P (92) 2nd; Q 3rd with 88: among the others Q is 2nd, so 88 reaches rank 2.
    const answer = scoreForRank({
      rows: [row("X", 95, 1), row("P", 92, 2), row("Q", 88, 3)],
      unitCount: 63,
      self: { kind: "row", key: "P" },
      target: 2,
    });
    expect(answer).toMatchObject({ kind: "exact", score: 88 });
  });

  it("a province ranked that year but not in the table may be above any known unit: one published 3rd is 2nd or 3rd among the others", () => {
    // X (1st) surely reaches rank 2; Y's 90 may or may not: the score needed is 90 to 95.
    const answer = scoreForRank({ rows: [row("X", 95, 1), row("Y", 90, 3)], unitCount: 63, self: { kind: "unknown" }, target: 2 });
    expect(answer).toEqual({ kind: "bounds", atLeast: { key: "Y", score: 90, rank: "3" }, atMost: { key: "X", score: 95, rank: "1" } });
  });
});
