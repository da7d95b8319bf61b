import { describe, expect, it } from "vitest";
import { defaultTargetRank, describeScoreForRank, scoreForRank, type ScoreForRank } from "@/lib/results/score-for-rank";

const row = (key: string, score: number, officialRank: number | null = null) => ({ key, score, officialRank });
const score = (answer: ScoreForRank) => (answer.kind === "exact" ? answer.score : null);
const bounds = (answer: ScoreForRank) =>
  answer.kind === "bounds" ? { atLeast: answer.atLeast?.score ?? null, atMost: answer.atMost?.score ?? null } : answer.kind;

describe("scoreForRank on a complete table", () => {
  // Five units: 95, 90, 90, 85, 80 (ranks 1, 2, 2, 4, 5). The province is E (80).
  const rows = [row("A", 95), row("B", 90), row("C", 90), row("D", 85), row("E", 80)];
  const forE = (target: number) => scoreForRank({ rows, unitCount: 5, self: { kind: "row", key: "E" }, target });

  it("gives the N-th highest score of the other units, exactly", () => {
    expect(forE(1)).toMatchObject({ kind: "exact", score: 95, complete: true, anchor: { key: "A" } });
    expect(score(forE(4))).toBe(85); // 85 → A, B, C above → rank 4
  });
  it("lets a score equal to the N-th tie at N or better (ties share a rank)", () => {
    // Rank 2 and rank 3 both need 90: with 90, only A is above (rank 2); with 89,99, three are (rank 4).
    expect(score(forE(2))).toBe(90);
    expect(score(forE(3))).toBe(90);
  });
  it("says any score reaches a rank beyond the number of other units", () => {
    expect(forE(5)).toEqual({ kind: "any", otherUnits: 4 });
  });
  it("leaves the province's own row out of the table it competes against", () => {
    // B (90) is the province: the others are 95, 90, 85, 80; rank 2 needs C's 90, rank 3 needs 85.
    const forB = (target: number) => scoreForRank({ rows, unitCount: 5, self: { kind: "row", key: "B" }, target });
    expect(score(forB(2))).toBe(90);
    expect(score(forB(3))).toBe(85);
    expect(score(forB(4))).toBe(80);
  });
});

describe("scoreForRank on a partial table", () => {
  // PAR INDEX 2024 as seeded: Hải Phòng 96,17 ranked 1st, Đồng Nai 90,69 ranked 8th, of 63.
  const par2024 = [row("31", 96.17, 1), row("75", 90.69, 8)];
  const ask = (target: number, self: Parameters<typeof scoreForRank>[0]["self"] = { kind: "absent" }) =>
    scoreForRank({ rows: par2024, unitCount: 63, self, target });

  it("is exact where an official rank pins the N-th score, even with two rows known", () => {
    expect(ask(8)).toMatchObject({ kind: "exact", score: 90.69, complete: false, anchor: { key: "75", rank: "8" } });
  });
  it("gives only an upper bound below the last published rank", () => {
    // 90,69 was enough for 8th, so it is enough for 10th; a lower score might be too.
    expect(bounds(ask(10))).toEqual({ atLeast: null, atMost: 90.69 });
  });
  it("bounds a rank between two published ones; 'more than 90,69' is at least 90,70", () => {
    // Seven units scored more than 90,69, so 5th place needed more than 90,69; 96,17 was enough.
    expect(bounds(ask(5))).toEqual({ atLeast: 90.7, atMost: 96.17 });
  });
  it("widens the bounds when the province was ranked but its own row is unknown", () => {
    // Quảng Ninh may have been one of the seven above Đồng Nai: among the others Đồng Nai is 7th or 8th.
    expect(bounds(ask(8, { kind: "unknown" }))).toEqual({ atLeast: null, atMost: 90.69 });
  });
  it("uses a province's own known row: Đồng Nai needed Hải Phòng's 96,17 for 1st", () => {
    expect(score(ask(1, { kind: "row", key: "75" }))).toBe(96.17);
    expect(bounds(ask(5, { kind: "row", key: "75" }))).toEqual({ atLeast: null, atMost: 96.17 });
  });
  it("treats the known N-th score as a lower bound only when nothing pins it", () => {
    // Three rows without ranks: others may score between them, so 2nd needs at least 91, maybe more.
    const rows = [row("a", 92), row("b", 91), row("c", 90)];
    expect(bounds(scoreForRank({ rows, unitCount: 63, self: { kind: "absent" }, target: 2 }))).toEqual({ atLeast: 91, atMost: null });
  });
  it("knows nothing when fewer than N scores are known and no rank is published below", () => {
    const rows = [row("a", 92), row("b", 91), row("c", 90)];
    expect(bounds(scoreForRank({ rows, unitCount: 63, self: { kind: "absent" }, target: 5 }))).toEqual({ atLeast: null, atMost: null });
  });
  it("counts a tie with a published rank: 4th and 5th both need 90", () => {
    const rows = [row("a", 95, 1), row("b", 90, 4), row("c", 90)];
    const at = (target: number) => scoreForRank({ rows, unitCount: 63, self: { kind: "absent" }, target });
    expect(score(at(4))).toBe(90);
    expect(score(at(5))).toBe(90);
    expect(bounds(at(6))).toEqual({ atLeast: null, atMost: 90 });
  });
  it("does not trust a published rank that the known scores contradict", () => {
    // b is printed 1st with 90 while a scored 95: 1st place needed a's 95, not b's 90.
    const rows = [row("a", 95, 1), row("b", 90, 1)];
    const at = (target: number) => scoreForRank({ rows, unitCount: 63, self: { kind: "absent" }, target });
    expect(score(at(1))).toBe(95);
    expect(bounds(at(2))).toEqual({ atLeast: 90, atMost: 95 });
  });
});

describe("describeScoreForRank", () => {
  const names: Record<string, string> = { "31": "Hải Phòng", "75": "Đồng Nai" };
  const context = (target: number) => ({
    indexName: "PAR INDEX",
    year: 2024,
    target,
    unitCount: 63,
    knownRows: 2,
    nameOf: (key: string) => names[key],
    province: { name: "Quảng Ninh", ranked: true, own: null },
  });
  const par2024 = [row("31", 96.17, 1), row("75", 90.69, 8)];
  const say = (target: number) => describeScoreForRank(scoreForRank({ rows: par2024, unitCount: 63, self: { kind: "absent" }, target }), context(target));

  it("says the table is partial, and why the answer is exact anyway", () => {
    expect(say(8)).toBe(
      "Bảng PAR INDEX năm 2024 chưa đầy đủ: mới biết kết quả của 2/63 tỉnh, thành phố. Bảng công bố chưa có kết quả năm 2024 của Quảng Ninh. Hạng 8 vẫn xác định được nhờ thứ hạng đã công bố: cần 90,69 điểm (Đồng Nai đạt hạng 8 với điểm này; điểm bằng nhau thì cùng hạng).",
    );
  });
  it("gives a range in vi-VN numbers when only bounds are known", () => {
    expect(say(5)).toContain("nằm trong khoảng 90,70–96,17");
    expect(say(10)).toContain("đạt 90,69 điểm chắc chắn có hạng 10 trở lên (Đồng Nai đạt hạng 8 với điểm này); điểm thấp hơn có thể vẫn đạt");
  });
  it("gives the gap from the province's own score, and says when a province was not ranked that year", () => {
    const forDongNai = describeScoreForRank(scoreForRank({ rows: par2024, unitCount: 63, self: { kind: "row", key: "75" }, target: 1 }), {
      ...context(1),
      province: { name: "Đồng Nai", ranked: true, own: { score: 90.69, rank: "8" } },
    });
    expect(forDongNai).toContain("cần 96,17 điểm (Hải Phòng đạt hạng 1 với điểm này");
    expect(forDongNai).toContain("Năm 2024, Đồng Nai đạt 90,69 điểm (hạng 8): cần thêm 5,48 điểm.");
    const forNewUnit = describeScoreForRank(scoreForRank({ rows: par2024, unitCount: 63, self: { kind: "absent" }, target: 8 }), {
      ...context(8),
      province: { name: "An Giang (từ 01/07/2025)", ranked: false, own: null },
    });
    expect(forNewUnit).toContain("An Giang (từ 01/07/2025) không nằm trong 63 tỉnh, thành phố được xếp hạng năm 2024");
  });
  it("says plainly when nothing is known", () => {
    const answer = scoreForRank({ rows: [row("a", 92)], unitCount: 63, self: { kind: "absent" }, target: 5 });
    expect(describeScoreForRank(answer, { ...context(5), knownRows: 1 })).toContain("Không xác định được điểm cần để đạt hạng 5");
  });
});

describe("defaultTargetRank", () => {
  it("aims ten places up, never above 1st, and at the top ten when the rank is unknown", () => {
    expect(defaultTargetRank(25)).toBe(15);
    expect(defaultTargetRank(8)).toBe(1);
    expect(defaultTargetRank(null)).toBe(10);
  });
});
