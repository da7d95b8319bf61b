import { describe, expect, it } from "vitest";
import { inheritedRegion, isValidOn, resultReferenceDate, unitForYear } from "@/lib/units/lineage";

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const kienGiang = { code: "91", name: "Kiên Giang", validFrom: d("2008-08-01"), validTo: d("2025-06-30") };
const anGiangNew = { code: "91", name: "An Giang", validFrom: d("2025-07-01"), validTo: null };

describe("units of a result year", () => {
  it("gives results up to 2024 to the 63 old units and later ones to the 34 new ones", () => {
    expect(unitForYear([kienGiang, anGiangNew], "91", 2024)?.name).toBe("Kiên Giang");
    expect(unitForYear([kienGiang, anGiangNew], "91", 2025)?.name).toBe("An Giang");
  });
  it("has no unit for a year before the code existed", () => {
    expect(unitForYear([anGiangNew], "91", 2020)).toBeUndefined();
  });
  it("includes both ends of the validity range", () => {
    expect(isValidOn(kienGiang, d("2025-06-30"))).toBe(true);
    expect(isValidOn(kienGiang, d("2025-07-01"))).toBe(false);
    expect(resultReferenceDate(2023).toISOString()).toBe("2023-12-31T00:00:00.000Z");
  });
});

describe("inheritedRegion", () => {
  it("keeps a region all predecessors share", () => {
    expect(inheritedRegion(["DBSCL", "DBSCL"])).toBe("DBSCL");
  });
  it("invents none when predecessors differ or have none", () => {
    expect(inheritedRegion(["TN", "BTB_DHMT", "TN"])).toBeNull();
    expect(inheritedRegion([null])).toBeNull();
    expect(inheritedRegion([])).toBeNull();
  });
});
