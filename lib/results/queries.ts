// Reads of the published national results (public information, no sign-in needed).
import "server-only";
import { db } from "@/lib/db/client";
import { classify, type GradeBand } from "@/lib/frameworks/grades";
import { resultReferenceDate } from "@/lib/units/lineage";
import { rankChange, rankTable } from "./ranking";

export class UnknownIndexError extends Error {
  readonly status = 400;
  constructor(code: string) {
    super(`Không có chỉ số "${code}". Dùng một mã chỉ số đã công bố, ví dụ PAR_INDEX hoặc SIPAS.`);
  }
}

export type RankingItem = {
  rank: number | null;
  rankMin: number;
  rankMax: number;
  officialRankDisagrees: boolean;
  change: number | null;
  unitCode: string;
  unitName: string;
  regionCode: string | null;
  score: number;
  group: string | null;
  source: string;
  note: string | null;
};

export type Ranking = {
  index: { code: string; shortName: string; nameVi: string };
  year: number;
  /** Fewer rows are known than units were ranked that year. */
  partial: boolean;
  unitCount: number;
  items: RankingItem[];
  nationalAverage: { value: number; source: string } | null;
  regionAverages: { regionCode: string; regionName: string; value: number; source: string }[];
  years: number[];
};

/** Number of province-level units in force for a year's results (63 until 2024, 34 after). */
async function unitCountForYear(year: number): Promise<number> {
  const date = resultReferenceDate(year);
  return db.province.count({ where: { validFrom: { lte: date }, OR: [{ validTo: null }, { validTo: { gte: date } }] } });
}

/** Classification bands of the national framework in force for an index and year. */
async function gradeBandsFor(indexCode: string, year: number): Promise<GradeBand[]> {
  const framework = await db.framework.findFirst({
    where: {
      indexCode,
      ownerProvinceId: null,
      status: { not: "DRAFT" },
      validFromYear: { lte: year },
      OR: [{ validToYear: null }, { validToYear: { gte: year } }],
    },
    orderBy: { version: "desc" },
    include: { gradeBands: true },
  });
  return framework?.gradeBands.map((band) => ({ label: band.label, minScore: Number(band.minScore) })) ?? [];
}

async function rankedYear(indexCode: string, year: number) {
  const [rows, unitCount] = await Promise.all([
    db.publishedResult.findMany({
      where: { indexCode, year },
      select: {
        provinceId: true,
        score: true,
        officialRank: true,
        source: true,
        note: true,
        province: { select: { code: true, nameVi: true, regionCode: true } },
      },
    }),
    unitCountForYear(year),
  ]);
  const byKey = new Map(rows.map((row) => [String(row.provinceId), row]));
  const ranked = rankTable(
    rows.map((row) => ({ key: String(row.provinceId), score: Number(row.score), officialRank: row.officialRank })),
    unitCount,
  );
  return { ranked, byKey, unitCount };
}

export async function getRanking(indexCode: string, year: number): Promise<Ranking> {
  const index = await db.performanceIndex.findUnique({ where: { code: indexCode } });
  if (!index || index.subject !== "PROVINCE") throw new UnknownIndexError(indexCode);

  const [current, previous, bands, aggregates, years, regions] = await Promise.all([
    rankedYear(indexCode, year),
    rankedYear(indexCode, year - 1),
    gradeBandsFor(indexCode, year),
    db.publishedAggregate.findMany({ where: { indexCode, year, kind: { in: ["NATIONAL_AVERAGE", "REGION_AVERAGE"] } } }),
    db.publishedResult.findMany({ where: { indexCode }, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } }),
    db.region.findMany(),
  ]);
  // A unit's rank change is known only when the same unit was ranked both years.
  const previousRank = new Map(previous.ranked.map((row) => [row.key, row.rank]));
  const national = aggregates.find((a) => a.kind === "NATIONAL_AVERAGE");
  const regionName = new Map(regions.map((r) => [r.code, r.nameVi]));

  return {
    index: { code: index.code, shortName: index.shortName, nameVi: index.nameVi },
    year,
    partial: current.ranked.length < current.unitCount,
    unitCount: current.unitCount,
    items: current.ranked.map((row) => {
      const result = current.byKey.get(row.key)!;
      return {
        rank: row.rank,
        rankMin: row.rankMin,
        rankMax: row.rankMax,
        officialRankDisagrees: row.officialRankDisagrees,
        change: rankChange(previousRank.get(row.key) ?? null, row.rank),
        unitCode: result.province.code,
        unitName: result.province.nameVi,
        regionCode: result.province.regionCode,
        score: row.score,
        group: classify(row.score, bands),
        source: result.source,
        note: result.note,
      };
    }),
    nationalAverage: national ? { value: Number(national.value), source: national.source } : null,
    regionAverages: aggregates
      .filter((a) => a.kind === "REGION_AVERAGE")
      .map((a) => ({ regionCode: a.subject, regionName: regionName.get(a.subject) ?? a.subject, value: Number(a.value), source: a.source }))
      .sort((a, b) => b.value - a.value),
    years: years.map((y) => y.year),
  };
}

/** The latest year with published results for an index, or null. */
export async function latestResultYear(indexCode: string): Promise<number | null> {
  const latest = await db.publishedResult.findFirst({ where: { indexCode }, orderBy: { year: "desc" }, select: { year: true } });
  return latest?.year ?? null;
}

/** The indices that rank provinces, for the index switch. */
export async function listProvinceIndices() {
  return db.performanceIndex.findMany({ where: { subject: "PROVINCE" }, orderBy: { code: "asc" } });
}
