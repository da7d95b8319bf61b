// The pure rules of the public pages: finding a province by what a person types (lib/units/find.ts)
// and what the home page picks out of a year's ranking (lib/overview/highlights.ts).
import { describe, expect, it } from "vitest";
import { averageTrend, biggestMovers, sourceSites, topAndBottom } from "@/lib/overview/highlights";
import type { RankingItem } from "@/lib/results/types";
import { matchesProvince, searchKey } from "@/lib/units/find";

describe("finding a province", () => {
  const kienGiang = { code: "91", nameVi: "Kiên Giang" };
  const baRia = { code: "77", nameVi: "Bà Rịa - Vũng Tàu" };
  it("matches a name with or without diacritics, in any case, by the start of its words", () => {
    expect(searchKey("Đắk Lắk")).toBe("dak lak");
    expect(matchesProvince(kienGiang, "kien giang")).toBe(true);
    expect(matchesProvince(kienGiang, "KIÊN")).toBe(true);
    expect(matchesProvince(kienGiang, "giang")).toBe(true);
    expect(matchesProvince(baRia, "ba ria vung tau")).toBe(true);
    expect(matchesProvince(kienGiang, "hà nội")).toBe(false);
  });
  it("matches a code exactly, with or without its leading zero, and everything for an empty query", () => {
    expect(matchesProvince(kienGiang, "91")).toBe(true);
    expect(matchesProvince({ code: "01", nameVi: "Hà Nội" }, "1")).toBe(true);
    expect(matchesProvince(kienGiang, "9")).toBe(false);
    expect(matchesProvince(kienGiang, "  ")).toBe(true);
  });
});

const item = (unitCode: string, rank: number | null, score: number, change: number | null, rankMin = rank ?? 1): RankingItem => ({
  rank,
  rankMin,
  rankMax: rank ?? 63,
  officialRankDisagrees: false,
  change,
  previous: null,
  unitCode,
  unitName: unitCode,
  profilePath: `/tinh/${unitCode}`,
  regionCode: null,
  regionName: null,
  score,
  group: null,
  source: "",
  note: null,
  components: {},
});

describe("the home page's picks", () => {
  it("lists few known units once as the top, and the first and last five of a longer table", () => {
    const few = [item("b", 2, 90, null), item("a", 1, 95, null)];
    expect(topAndBottom(few, 5)).toEqual({ top: [few[1], few[0]], bottom: [] });
    const many = Array.from({ length: 12 }, (_, i) => item(String(i + 1), i + 1, 100 - i, null));
    const { top, bottom } = topAndBottom([...many].reverse(), 5);
    expect(top.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(bottom.map((u) => u.rank)).toEqual([8, 9, 10, 11, 12]);
  });
  it("orders units without a rank by the best rank their bounds allow", () => {
    const { top } = topAndBottom([item("x", null, 80, null, 20), item("y", 3, 90, null)], 5);
    expect(top.map((u) => u.unitCode)).toEqual(["y", "x"]);
  });
  it("takes the biggest rises and falls, never a unit without a change", () => {
    const movers = biggestMovers([item("a", 1, 95, 24), item("b", 2, 94, -3), item("c", 3, 93, null), item("d", 4, 92, 1), item("e", 5, 91, 0)], 1);
    expect(movers.up.map((u) => u.unitCode)).toEqual(["a"]);
    expect(movers.down.map((u) => u.unitCode)).toEqual(["b"]);
  });
  it("compares an average with the latest earlier year on record", () => {
    const points = [
      { year: 2019, value: 81.15, source: "" },
      { year: 2023, value: 86.98, source: "" },
      { year: 2024, value: 88.37, source: "" },
    ];
    expect(averageTrend(points, 2024).change).toBe(1.39);
    expect(averageTrend(points, 2023).previous?.year).toBe(2019);
    expect(averageTrend(points, 2019).change).toBeNull();
    expect(averageTrend(points, 2022).current).toBeNull();
  });
  it("names each publisher of the sources once", () => {
    expect(sourceSites(["vietnam.vn (Đồng Nai PAR INDEX 2024)", "kinhtedothi.vn/a.html", "vietnam.vn (Ninh Bình)", " "])).toEqual([
      "vietnam.vn",
      "kinhtedothi.vn",
    ]);
  });
});
