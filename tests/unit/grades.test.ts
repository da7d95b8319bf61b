// Classification into a framework's grade bands (lib/frameworks/grades.ts), beyond the cases in
// tests/unit/throttle.test.ts: the bands are data, listed in whatever order the framework has them.
import { describe, expect, it } from "vitest";
import { classify } from "@/lib/frameworks/grades";

describe("classify", () => {
  const ascending = [
    { label: "Yếu", minScore: 0 },
    { label: "Trung bình", minScore: 50 },
    { label: "Khá", minScore: 70 },
    { label: "Tốt", minScore: 80 },
    { label: "Xuất sắc", minScore: 90 },
  ];
  it("takes the band of the highest minimum reached, whatever order the bands are listed in", () => {
    expect(classify(95, ascending)).toBe("Xuất sắc");
    expect(classify(85, ascending)).toBe("Tốt");
    expect(classify(85, [ascending[3], ascending[0], ascending[4], ascending[1], ascending[2]])).toBe("Tốt");
  });
  it("gives no band below the lowest minimum", () => {
    expect(classify(40, ascending.slice(1))).toBeNull();
  });
  it("leaves the framework's list as it was", () => {
    const bands = [...ascending];
    classify(85, bands);
    expect(bands).toEqual(ascending);
  });
});
