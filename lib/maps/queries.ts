// The data a province map draws: every unit of the year (the boundaries' units), with its result
// where one is known. Public, like the rankings it is computed from.
import "server-only";
import { cachedPublished } from "@/lib/db/published-cache";
import { nationalFramework } from "@/lib/frameworks/queries";
import { db } from "@/lib/db/client";
import { getRanking } from "@/lib/results/queries";
import { rankLabel } from "@/lib/results/ranking-view";
import { provinceProfilePath } from "@/lib/units/profile-path";
import { unitsForYear } from "@/lib/units/queries";
import { geometryForYear } from "./geometry";
import type { ProvinceMapData } from "./types";

export function getProvinceMap(indexCode: string, year: number): Promise<ProvinceMapData> {
  return cachedPublished(`province-map|${indexCode}|${year}`, async () => {
    const [ranking, units, framework] = await Promise.all([getRanking(indexCode, year), unitsForYear(year), nationalFramework(indexCode, year)]);
    const byCode = new Map(ranking.items.map((item) => [item.unitCode, item]));
    return {
      index: { code: ranking.index.code, shortName: ranking.index.shortName },
      year,
      geometry: geometryForYear(year).key,
      unitCount: units.length,
      known: ranking.items.length,
      units: units.map((unit) => {
        const item = byCode.get(unit.code);
        return {
          code: unit.code,
          name: unit.nameVi,
          score: item?.score ?? null,
          rank: item ? rankLabel(item, units.length) : null,
          group: item?.group ?? null,
          profilePath: provinceProfilePath(unit),
        };
      }),
      bands: framework?.gradeBands ?? [],
    };
  });
}

/** The years with published results of an index, newest first. */
export function resultYears(indexCode: string): Promise<number[]> {
  return cachedPublished(`result-years|${indexCode}`, async () => {
    const rows = await db.publishedResult.findMany({ where: { indexCode }, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } });
    return rows.map((row) => row.year);
  });
}
