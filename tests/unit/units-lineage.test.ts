// Which units a year's results belong to and how the 2025 units relate to the old ones
// (lib/units/lineage.ts), beyond tests/unit/lineage.test.ts.
import { describe, expect, it } from "vitest";
import { isValidOn, unitAndPredecessors, unitAndSuccessors, unitForYear } from "@/lib/units/lineage";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);

describe("validity of a unit", () => {
  const unit = { validFrom: d("2008-08-01"), validTo: d("2025-06-30") };
  it("starts on its first day, not the day before", () => {
    expect(isValidOn(unit, d("2008-08-01"))).toBe(true);
    expect(isValidOn(unit, d("2008-07-31"))).toBe(false);
  });
  it("a unit still in force has no end", () => {
    expect(isValidOn({ validFrom: d("2025-07-01"), validTo: null }, d("2099-12-31"))).toBe(true);
  });
});

describe("the unit of a year's results", () => {
  it("is found by its code among units of other codes", () => {
    const units = [
      { code: "89", name: "An Giang (cũ)", validFrom: d("2004-01-01"), validTo: d("2025-06-30") },
      { code: "91", name: "Kiên Giang", validFrom: d("2004-01-01"), validTo: d("2025-06-30") },
    ];
    expect(unitForYear(units, "91", 2020)?.name).toBe("Kiên Giang");
  });
});

describe("lineage", () => {
  // 1 and 2 merged into 3 on 01/07/2025; 3 later into 4 (transitively).
  const links = [
    { predecessorId: 1, successorId: 3 },
    { predecessorId: 2, successorId: 3 },
    { predecessorId: 3, successorId: 4 },
  ];
  it("a unit reaches every unit it went into, transitively, once each", () => {
    expect(unitAndSuccessors(1, links)).toEqual([1, 3, 4]);
    expect(unitAndSuccessors(4, links)).toEqual([4]);
  });
  it("a unit's history is every unit it was formed from, transitively, once each", () => {
    expect(unitAndPredecessors(4, links)).toEqual([4, 3, 1, 2]);
    expect(unitAndPredecessors(1, links)).toEqual([1]);
  });
  it("a cycle in the data does not loop", () => {
    const cycle = [
      { predecessorId: 1, successorId: 2 },
      { predecessorId: 2, successorId: 1 },
    ];
    expect(unitAndSuccessors(1, cycle)).toEqual([1, 2]);
    expect(unitAndPredecessors(1, cycle)).toEqual([1, 2]);
  });
});
