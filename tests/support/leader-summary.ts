// The most the leader's one-page summary prints: both indices for the province and the two units
// it was formed from, latest and previous year, a trend over twelve years with a gap, the six
// targets it lists (long ones) and the five criteria that lost the most. Only the fields the
// summary reads are filled in.
import type { LeaderDashboard } from "@/lib/dashboards/types";

const result = (year: number, score: number, rank: number, change: number | null) => ({
  year,
  score,
  rank,
  rankMin: rank,
  rankMax: rank,
  unitCount: 63,
  officialRankDisagrees: false,
  change,
  group: null,
  source: "Bộ Nội vụ",
});
const units = ["An Giang", "An Giang (đến 30/06/2025)", "Kiên Giang (đến 30/06/2025)"];
const years = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2021, 2022, 2023, 2024];

const index = (code: string, shortName: string) => ({
  code,
  shortName,
  summary: units.map((label, i) => ({
    unitId: i + 1,
    label,
    isSelf: i === 0,
    latest: result(2024, 84.37 - i, 12 + i, 3),
    previous: result(2023, 82.1 - i, 15 + i, -2),
  })),
  history: units.map((label, i) => ({
    unitId: i + 1,
    label,
    isSelf: i === 0,
    rows: years.map((year, k) => result(year, 72 + ((k * 7 + i * 5) % 17), 20, null)),
  })),
});

export const fullLeaderDashboard = {
  province: { name: "An Giang" },
  year: 2025,
  indices: [index("PAR_INDEX", "PAR INDEX"), index("SIPAS", "SIPAS")],
  targets: Array.from({ length: 8 }, (_, i) => ({
    unitLabel: units[i % 3],
    evaluation: {
      status: (["met", "missed", "at_risk", "not_yet_known"] as const)[i % 4],
      targetText: "Chỉ số cải cách hành chính (PAR INDEX) đạt từ 85,00 điểm trở lên và thuộc nhóm 20 tỉnh dẫn đầu cả nước",
      actualText: "84,37 điểm, hạng 12/34 (tăng 3 bậc so với năm trước)",
    },
  })),
  periods: [
    {
      year: 2025,
      finalizedCount: 14,
      agencyCount: 14,
      lostCriteria: Array.from({ length: 10 }, (_, i) => ({
        code: `${i + 1}.1.2`,
        name: "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết đúng hạn và trước hạn trên Hệ thống thông tin giải quyết thủ tục hành chính",
        maxPoints: 8,
        lost: 22.5 - i,
      })),
    },
  ],
} as unknown as LeaderDashboard;
