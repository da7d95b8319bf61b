// How a ranking is shown and downloaded (lib/results/ranking-view.ts), a profile's charts
// (lib/units/trend.ts) and addresses (lib/units/profile-path.ts), beyond tests/unit/ranking-view.test.ts.
import { describe, expect, it } from "vitest";
import { NO_REGION, rankByComponent, rankingFileColumns, rankingFileRows, rankLabel, unknownRegionMessage } from "@/lib/results/ranking-view";
import { profileUnit } from "@/lib/units/profile-path";
import { AVERAGE_KEY, trendPoints } from "@/lib/profiles/trend";

describe("a ranking by component", () => {
  const unit = (unitCode: string, components: Record<string, number>) => ({ unitCode, components });
  const items = [unit("01", { SIPAS: 8.5 }), unit("22", { SIPAS: 9.1, APPRAISAL: 55 }), unit("48", {}), unit("31", { SIPAS: 8.5 })];

  it("ranks the units that published it, best first, ties sharing a rank, the others left out", () => {
    expect(rankByComponent(items, "SIPAS", 3).map((row) => [row.item.unitCode, row.value, row.rank])).toEqual([
      ["22", 9.1, 1],
      ["01", 8.5, 2],
      ["31", 8.5, 2],
    ]);
  });

  it("gives bounds when fewer units are known than were ranked, and nothing for a component nobody published", () => {
    expect(rankByComponent(items, "APPRAISAL", 63)).toEqual([{ item: items[1], value: 55, rank: null, rankMin: 1, rankMax: 63 }]);
    expect(rankByComponent(items, "LEADER_SURVEY", 63)).toEqual([]);
  });
});

describe("rank labels", () => {
  it("an upper bound just inside the table is still a range", () => {
    expect(rankLabel({ rank: null, rankMin: 6, rankMax: 62 }, 63)).toBe("6–62");
  });
});

describe("the region filter", () => {
  const regions = [{ code: "DBSH" }, { code: "TN" }];
  it("accepts a region's code, the units without a region, or no filter", () => {
    expect(unknownRegionMessage(regions, "TN")).toBeNull();
    expect(unknownRegionMessage(regions, NO_REGION)).toBeNull();
    expect(unknownRegionMessage(regions, null)).toBeNull();
  });
  it("names the codes it accepts when given another", () => {
    expect(unknownRegionMessage(regions, "XYZ")).toBe('Không có vùng "XYZ". Dùng một mã vùng: DBSH, TN, hoặc none (chưa xác định vùng).');
  });
  it("'none' is the value for units without a region", () => {
    expect(NO_REGION).toBe("none");
  });
});

describe("the downloaded ranking", () => {
  it("has the page's columns, in Vietnamese (and in English for an English request)", () => {
    expect(rankingFileColumns("en")).toEqual([
      "Rank",
      "Province code",
      "Province",
      "Region",
      "Score",
      "Group",
      "Previous year's rank",
      "Change (places)",
      "Source",
      "Note",
    ]);
    expect(rankingFileColumns("vi")).toEqual([
      "Hạng",
      "Mã tỉnh",
      "Tỉnh, thành phố",
      "Vùng",
      "Điểm",
      "Nhóm",
      "Hạng năm trước",
      "Thay đổi (bậc)",
      "Nguồn",
      "Ghi chú",
    ]);
  });
  it("writes a definite rank as a number, says when a unit has no region, and leaves an unknown previous rank empty", () => {
    const rows = rankingFileRows(
      [
        {
          rank: 1,
          rankMin: 1,
          rankMax: 1,
          unitCode: "22",
          unitName: "Quảng Ninh",
          regionName: null,
          score: 92.18,
          group: "A",
          previous: null,
          change: null,
          source: "s",
          note: "n",
        },
        {
          rank: null,
          rankMin: 2,
          rankMax: 62,
          unitCode: "31",
          unitName: "Hải Phòng",
          regionName: "Đồng bằng sông Hồng",
          score: 91.87,
          group: "A",
          previous: { rank: null, rankMin: 3, rankMax: 34, unitCount: 34 },
          change: 2,
          source: "s",
          note: null,
        },
      ],
      63,
    );
    expect(rows).toEqual([
      [1, "22", "Quảng Ninh", "chưa xác định vùng", 92.18, "A", null, null, "s", "n"],
      ["2–62", "31", "Hải Phòng", "Đồng bằng sông Hồng", 91.87, "A", "≥ 3", 2, "s", null],
    ]);
  });
});

describe("a profile's trend", () => {
  const row = (year: number, id: number, score: number, rank: number | null, officialRankDisagrees = false) => ({
    year,
    unit: { id },
    score,
    rank,
    officialRankDisagrees,
  });
  const lines = [{ id: 1, label: "Kiên Giang" }];

  it("draws no rank that contradicts the scores", () => {
    const { points } = trendPoints([row(2019, 1, 80, 12), row(2020, 1, 82, 3, true)], lines, "rank");
    expect(points).toEqual([{ year: 2019, u1: 12 }]);
  });

  it("is empty without data, and a unit without a shown value has no series", () => {
    expect(trendPoints([], lines, "score", [{ year: 2020, value: 80 }])).toEqual({ points: [], series: [] });
    expect(trendPoints([row(2019, 1, 80, null)], lines, "rank")).toEqual({ points: [], series: [] });
  });

  it("spans the national average's years too, and shows no average on a rank chart", () => {
    const score = trendPoints([row(2020, 1, 82, 5)], lines, "score", [{ year: 2019, value: 81 }]);
    expect(score.points).toEqual([
      { year: 2019, u1: null, [AVERAGE_KEY]: 81 },
      { year: 2020, u1: 82, [AVERAGE_KEY]: null },
    ]);
    expect(trendPoints([row(2020, 1, 82, 5)], lines, "rank", [{ year: 2019, value: 81 }]).points).toEqual([{ year: 2020, u1: 5 }]);
    expect(AVERAGE_KEY).toBe("average");
  });
});

describe("the unit a profile address names", () => {
  const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
  it("for a code no longer in use, the unit that held it last", () => {
    const first = { code: "07", validFrom: d("1991-01-01"), validTo: d("2003-12-31") };
    const second = { code: "07", validFrom: d("2004-01-01"), validTo: d("2025-06-30") };
    expect(profileUnit([first, second], "07", null, d("2026-01-01"))).toBe(second);
    expect(profileUnit([second, first], "07", null, d("2026-01-01"))).toBe(second);
  });
});
