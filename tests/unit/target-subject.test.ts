// What a stored target measures and how the evaluation reads it (lib/targets/evaluate.ts:
// targetSubject, targetSpec), as every sentence about a target names it.
import { describe, expect, it } from "vitest";
import { targetSpec, targetSubject, type StoredTarget } from "@/lib/targets/evaluate";

const stored = (over: Partial<StoredTarget> = {}): StoredTarget => ({
  kind: "MIN_SCORE",
  year: 2025,
  value: { toString: () => "85.50" },
  valueMax: null,
  unit: "%",
  indexCode: "SIPAS",
  index: { shortName: "SIPAS" },
  agency: null,
  criterion: null,
  ...over,
});

describe("what a target measures", () => {
  it("a criterion target names the agency and the criterion", () => {
    expect(targetSubject(stored({ kind: "CRITERION_SCORE", agency: { name: "Sở Tư pháp" }, criterion: { code: "3.1.2" } }))).toBe(
      "Sở Tư pháp – tiêu chí 3.1.2",
    );
    expect(targetSubject(stored({ kind: "CRITERION_SCORE" }))).toBe("Cơ quan – tiêu chí ?");
  });

  it("a commitment target names its agency, else all agencies", () => {
    expect(targetSubject(stored({ kind: "COMMITMENT_COMPLETION", agency: { name: "Sở Nội vụ" } }))).toBe("Sở Nội vụ");
    expect(targetSubject(stored({ kind: "COMMITMENT_COMPLETION" }))).toBe("Các cơ quan, đơn vị");
  });

  it("a score or rank target names its agency, else the index by its short name, else its code", () => {
    expect(targetSubject(stored({ agency: { name: "UBND xã Mỹ Hòa Hưng" } }))).toBe("UBND xã Mỹ Hòa Hưng");
    expect(targetSubject(stored({ kind: "MAX_RANK", indexCode: "PAR_INDEX", index: { shortName: "PAR INDEX" } }))).toBe("PAR INDEX");
    expect(targetSubject(stored({ kind: "RANK_IMPROVEMENT", indexCode: "PAR_INDEX", index: null }))).toBe("PAR_INDEX");
    expect(targetSubject(stored({ indexCode: null, index: null }))).toBe("Chỉ tiêu");
  });
});

describe("a stored target as the evaluation reads it", () => {
  it("decimals read as numbers, with what it measures", () => {
    expect(targetSpec(stored())).toEqual({ kind: "MIN_SCORE", year: 2025, value: 85.5, valueMax: null, unit: "%", subject: "SIPAS" });
  });

  it("a range keeps its upper end", () => {
    const spec = targetSpec(
      stored({
        kind: "RANK_IMPROVEMENT",
        value: 10,
        valueMax: { toString: () => "15" },
        unit: null,
        indexCode: "PAR_INDEX",
        index: { shortName: "PAR INDEX" },
      }),
    );
    expect(spec).toEqual({ kind: "RANK_IMPROVEMENT", year: 2025, value: 10, valueMax: 15, unit: null, subject: "PAR INDEX" });
  });
});
