import { describe, expect, it } from "vitest";
import { filterByRegion, NO_REGION, rankingFileRows, rankLabel } from "@/lib/results/ranking-view";
import { provinceProfilePath, profileUnit } from "@/lib/units/profile-path";
import { AVERAGE_KEY, trendPoints } from "@/lib/profiles/trend";

describe("rankLabel", () => {
  it("shows a definite rank, bounds, or an open lower bound", () => {
    expect(rankLabel({ rank: 4, rankMin: 4, rankMax: 4 }, 63)).toBe("4");
    expect(rankLabel({ rank: null, rankMin: 6, rankMax: 33 }, 63)).toBe("6–33");
    expect(rankLabel({ rank: null, rankMin: 3, rankMax: 63 }, 63)).toBe("≥ 3");
  });
  it("says out of how many units when asked, as the leader dashboard shows it", () => {
    expect(rankLabel({ rank: 11, rankMin: 11, rankMax: 11 }, 63, { ofCount: true })).toBe("11/63");
    expect(rankLabel({ rank: null, rankMin: 6, rankMax: 33 }, 63, { ofCount: true })).toBe("6–33/63");
    expect(rankLabel({ rank: null, rankMin: 3, rankMax: 63 }, 63, { ofCount: true })).toBe("≥ 3/63");
  });
});

describe("filterByRegion", () => {
  const items = [
    { unit: "Hải Phòng", regionCode: "DBSH" },
    { unit: "Lâm Đồng", regionCode: null },
    { unit: "Hà Nội", regionCode: "DBSH" },
    { unit: "Huế", regionCode: "BTB_DHMT" },
  ];
  it("keeps all items without a filter", () => {
    expect(filterByRegion(items, null)).toEqual({ items, unassigned: [] });
  });
  it("keeps one region and names the units a region filter cannot place", () => {
    const { items: kept, unassigned } = filterByRegion(items, "DBSH");
    expect(kept.map((i) => i.unit)).toEqual(["Hải Phòng", "Hà Nội"]);
    expect(unassigned.map((i) => i.unit)).toEqual(["Lâm Đồng"]);
  });
  it("lists the units without a region on their own", () => {
    expect(filterByRegion(items, NO_REGION).items.map((i) => i.unit)).toEqual(["Lâm Đồng"]);
  });
});

describe("rankingFileRows", () => {
  it("writes numbers where the page shows numbers and the bounds text where it shows bounds", () => {
    const rows = rankingFileRows(
      [
        {
          rank: null,
          rankMin: 6,
          rankMax: 33,
          unitCode: "77",
          unitName: "Bà Rịa - Vũng Tàu",
          regionName: "Đông Nam Bộ",
          score: 87.61,
          group: "B",
          previous: { rank: 5, rankMin: 5, rankMax: 5, unitCount: 63 },
          change: null,
          source: "=cmd",
          note: null,
        },
      ],
      63,
    );
    expect(rows).toEqual([["6–33", "77", "Bà Rịa - Vũng Tàu", "Đông Nam Bộ", 87.61, "B", 5, null, "=cmd", null]]);
  });
});

describe("provinceProfilePath", () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it("names a unit in force by its code alone and an old one by its last day", () => {
    expect(provinceProfilePath({ code: "91", validTo: null })).toBe("/tinh/91");
    expect(provinceProfilePath({ code: "91", validTo: d("2025-06-30") })).toBe("/tinh/91?ngay=2025-06-30");
  });
  it("finds the unit of a code on a date, else the one in force today, else the latest", () => {
    const kienGiang = { code: "91", validFrom: d("2008-08-01"), validTo: d("2025-06-30") };
    const anGiang = { code: "91", validFrom: d("2025-07-01"), validTo: null };
    const oldAnGiang = { code: "89", validFrom: d("2008-08-01"), validTo: d("2025-06-30") };
    const units = [kienGiang, anGiang, oldAnGiang];
    const today = d("2026-03-01");
    expect(profileUnit(units, "91", d("2025-06-30"), today)).toBe(kienGiang);
    expect(profileUnit(units, "91", null, today)).toBe(anGiang);
    expect(profileUnit(units, "89", null, today)).toBe(oldAnGiang);
    expect(profileUnit(units, "89", d("2025-07-01"), today)).toBeUndefined();
    expect(profileUnit(units, "99", null, today)).toBeUndefined();
  });
});

describe("trendPoints", () => {
  // An Giang (new) through its old units: old An Giang (id 1) 2018–2019, Kiên Giang (id 2) 2021.
  const rows = [
    { year: 2021, unit: { id: 2 }, score: 79.97, rank: 63, officialRankDisagrees: false },
    { year: 2019, unit: { id: 1 }, score: 83.32, rank: 11, officialRankDisagrees: false },
    { year: 2018, unit: { id: 1 }, score: 80.77, rank: null, officialRankDisagrees: false },
  ];
  const lines = [
    { id: 3, label: "An Giang (từ 01/07/2025)" },
    { id: 1, label: "An Giang (đến 30/06/2025)" },
    { id: 2, label: "Kiên Giang (đến 30/06/2025)" },
  ];
  it("gives each unit its own series, a point for every year, and no combined value", () => {
    const { points, series } = trendPoints(rows, lines, "score", [{ year: 2019, value: 81.15 }]);
    expect(series).toEqual([
      { key: "u1", label: "An Giang (đến 30/06/2025)" },
      { key: "u2", label: "Kiên Giang (đến 30/06/2025)" },
    ]);
    expect(points).toEqual([
      { year: 2018, u1: 80.77, u2: null, [AVERAGE_KEY]: null },
      { year: 2019, u1: 83.32, u2: null, [AVERAGE_KEY]: 81.15 },
      { year: 2020, u1: null, u2: null, [AVERAGE_KEY]: null },
      { year: 2021, u1: null, u2: 79.97, [AVERAGE_KEY]: null },
    ]);
  });
  it("plots only definite ranks", () => {
    const { points, series } = trendPoints(rows, lines, "rank");
    expect(series.map((s) => s.key)).toEqual(["u1", "u2"]);
    expect(points.map((p) => [p.year, p.u1, p.u2])).toEqual([
      [2019, 11, null],
      [2020, null, null],
      [2021, null, 63],
    ]);
  });
});
