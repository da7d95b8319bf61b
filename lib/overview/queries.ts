// The national picture of an index's latest published year, for the home page. Public.
import "server-only";
import { db } from "@/lib/db/client";
import { cachedPublished } from "@/lib/db/published-cache";
import { getRanking, latestResultYear } from "@/lib/results/queries";
import { averageTrend, biggestMovers, sourceSites, topAndBottom } from "./highlights";
import type { NationalOverview } from "./types";

/** How many units the home page lists at the top, the bottom and among the movers. */
const LISTED = 5;
const MOVERS = 3;

export function getNationalOverview(indexCode: string): Promise<NationalOverview> {
  return cachedPublished(`overview|${indexCode}`, async () => {
    const [year, averageRows] = await Promise.all([
      latestResultYear(indexCode),
      db.publishedAggregate.findMany({ where: { indexCode, kind: "NATIONAL_AVERAGE" }, orderBy: { year: "asc" } }),
    ]);
    const averages = averageRows.map((row) => ({ year: row.year, value: Number(row.value), source: row.source }));
    if (year === null) {
      const index = await db.performanceIndex.findUniqueOrThrow({ where: { code: indexCode } });
      return {
        index: { code: index.code, shortName: index.shortName, nameVi: index.nameVi },
        year: null,
        unitCount: 0,
        known: 0,
        averages,
        average: { current: null, previous: null, change: null },
        top: [],
        bottom: [],
        up: [],
        down: [],
        sources: [],
      };
    }
    const ranking = await getRanking(indexCode, year);
    return {
      index: ranking.index,
      year,
      unitCount: ranking.unitCount,
      known: ranking.items.length,
      averages,
      average: averageTrend(averages, year),
      ...topAndBottom(ranking.items, LISTED),
      ...biggestMovers(ranking.items, MOVERS),
      sources: sourceSites([...ranking.items.map((item) => item.source), ...(ranking.nationalAverage ? [ranking.nationalAverage.source] : [])]),
    };
  });
}
