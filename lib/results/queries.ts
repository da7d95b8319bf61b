// Reads of the published national results: the public rankings and export (no sign-in needed), and
// the management views of a province's results (signed in, authorized in each function).
import "server-only";
import { authorize, can, reachOf, type Actor } from "@/lib/auth/policy";
import { db, type Prisma } from "@/lib/db/client";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { messageLocale } from "@/lib/i18n/message-locale";
import { currentYearInVietnam } from "@/lib/time";
import { classify, type GradeBand } from "@/lib/frameworks/grades";
import { MAX_IMPORT_BYTES, type TableDownload, type TableFormat } from "@/lib/io/table-file";
import { inForceFor } from "@/lib/frameworks/versioning";
import { NATIONAL_FRAMEWORK, nationalFramework } from "@/lib/frameworks/queries";
import { unitAndPredecessors, unitLabel } from "@/lib/units/lineage";
import { lineageLinks, provinceChoices, unitCountForYear, unitsForYear } from "@/lib/units/queries";
import { provinceProfilePath } from "@/lib/units/profile-path";
import { authorizeOnUnit, authorizeOwnProvince, mayOnUnit } from "@/lib/auth/reach";
import { cachedPublished } from "@/lib/db/published-cache";
import type { ProvinceResults, RankedResult, Ranking, ResultEntry } from "./types";
import { shownComponents } from "./components";
import { exportColumns, exportRow, type ResultValues } from "./import-plan";
import { rankChange, rankPublished, type PublishedRankedRow } from "./ranking";
import { filterByRegion, rankingFileColumns, rankingFileRows, unknownRegionMessage } from "./ranking-view";
import { libTranslator } from "@/lib/i18n/lib-translator";

type StoredRow = {
  score: Prisma.Decimal | null;
  officialRank: number | null;
  source: string;
  note: string | null;
  components: readonly { code: string; value: Prisma.Decimal }[];
};

/** A published score as a number; null stays null (a rank published alone), never 0. */
export const decimalOrNull = (value: Prisma.Decimal | null): number | null => (value === null ? null : Number(value));

/** A stored result's values as plain data: what the import compares, the export writes and the entry form edits. */
export function resultValues(stored: StoredRow): ResultValues {
  return {
    score: decimalOrNull(stored.score),
    officialRank: stored.officialRank,
    source: stored.source,
    note: stored.note,
    components: Object.fromEntries(stored.components.map((c) => [c.code, Number(c.value)])),
  };
}

/** …with the field scores of the criteria tree, where the source gave them. */
export function resultValuesWithFields(stored: StoredRow & { criterionScores: readonly { criterionId: number; score: Prisma.Decimal }[] }) {
  return {
    ...resultValues(stored),
    fieldScores: Object.fromEntries(stored.criterionScores.map((c) => [String(c.criterionId), Number(c.score)])),
  };
}

/**
 * A stored result with its place in the year's ranked table and the group of the framework in
 * force: what the province's results page and its public profile show of it.
 */
export function rankedResult(
  result: {
    id: number;
    year: number;
    score: Prisma.Decimal | null;
    officialRank: number | null;
    source: string;
    note: string | null;
    components: readonly { code: string; value: Prisma.Decimal }[];
  },
  row: PublishedRankedRow,
  unitCount: number,
  framework: {
    components: readonly { code: string; nameVi: string }[];
    gradeBands: readonly { label: string; minScore: Prisma.Decimal }[];
  } | null,
): RankedResult {
  return {
    id: result.id,
    year: result.year,
    score: decimalOrNull(result.score),
    rank: row.rank,
    rankMin: row.rankMin,
    rankMax: row.rankMax,
    officialRank: result.officialRank,
    officialRankDisagrees: row.officialRankDisagrees,
    unitCount,
    group:
      result.score === null ? null : classify(Number(result.score), framework?.gradeBands.map((b) => ({ label: b.label, minScore: Number(b.minScore) })) ?? []),
    components: shownComponents(framework?.components ?? [], result.components),
    source: result.source,
    note: result.note,
  };
}

export class UnknownIndexError extends Error {
  readonly status = 400;
  constructor(code: string) {
    super(libTranslator("errors.results")("noIndexCode", { code }));
  }
}

/** Classification bands of the national framework in force for an index and year. */
async function gradeBandsFor(indexCode: string, year: number): Promise<GradeBand[]> {
  return (await nationalFramework(indexCode, year))?.gradeBands ?? [];
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
        province: { select: { code: true, nameVi: true, regionCode: true, validTo: true } },
        components: { select: { code: true, value: true } },
      },
    }),
    unitCountForYear(year),
  ]);
  const byKey = new Map(rows.map((row) => [String(row.provinceId), row]));
  const ranked = rankPublished(
    rows.map((row) => ({ key: String(row.provinceId), score: decimalOrNull(row.score), officialRank: row.officialRank })),
    unitCount,
  );
  return { ranked, byKey, unitCount };
}

/** A year's ranking of an index, computed once per version of the published data. */
export function getRanking(indexCode: string, year: number): Promise<Ranking> {
  return cachedPublished(`ranking|${indexCode}|${year}`, () => computeRanking(indexCode, year));
}

/** The body of `GET /api/v1/rankings`, serialized once per version of the published data. */
export function rankingApiBody(indexCode: string, year: number): Promise<string> {
  return cachedPublished(`ranking-api|${indexCode}|${year}`, async () => {
    const ranking = await getRanking(indexCode, year);
    return JSON.stringify({
      index: ranking.index.code,
      year: ranking.year,
      partial: ranking.partial,
      unitCount: ranking.unitCount,
      items: ranking.items.map((item) => ({
        rank: item.rank,
        rankMin: item.rankMin,
        rankMax: item.rankMax,
        officialRankDisagrees: item.officialRankDisagrees,
        unitCode: item.unitCode,
        unitName: item.unitName,
        regionCode: item.regionCode,
        score: item.score,
        group: item.group,
        previousRank: item.previous?.rank ?? null,
        change: item.change,
        source: item.source,
        components: item.components,
      })),
    });
  });
}

async function computeRanking(indexCode: string, year: number): Promise<Ranking> {
  const index = await db.performanceIndex.findUnique({ where: { code: indexCode } });
  if (index?.subject !== "PROVINCE") throw new UnknownIndexError(indexCode);

  const [current, previous, bands, aggregates, years, regions, framework] = await Promise.all([
    rankedYear(indexCode, year),
    rankedYear(indexCode, year - 1),
    gradeBandsFor(indexCode, year),
    db.publishedAggregate.findMany({ where: { indexCode, year, kind: { in: ["NATIONAL_AVERAGE", "REGION_AVERAGE"] } } }),
    db.publishedResult.findMany({ where: { indexCode }, distinct: ["year"], select: { year: true }, orderBy: { year: "desc" } }),
    db.region.findMany({ orderBy: { code: "asc" } }),
    nationalFramework(indexCode, year),
  ]);
  const published = new Set([...current.byKey.values()].flatMap((row) => row.components.map((c) => c.code)));
  // A unit's rank change is known only when the same unit was ranked both years.
  const previousRow = new Map(previous.ranked.map((row) => [row.key, row]));
  const national = aggregates.find((a) => a.kind === "NATIONAL_AVERAGE");
  const regionName = new Map(regions.map((r) => [r.code, r.nameVi]));

  return {
    index: { code: index.code, shortName: index.shortName, nameVi: index.nameVi },
    year,
    partial: current.ranked.length < current.unitCount,
    unitCount: current.unitCount,
    items: current.ranked.map((row) => {
      const result = current.byKey.get(row.key)!;
      const before = previousRow.get(row.key);
      return {
        rank: row.rank,
        rankMin: row.rankMin,
        rankMax: row.rankMax,
        officialRankDisagrees: row.officialRankDisagrees,
        change: rankChange(before?.rank ?? null, row.rank),
        previous: before ? { rank: before.rank, rankMin: before.rankMin, rankMax: before.rankMax, unitCount: previous.unitCount } : null,
        unitCode: result.province.code,
        unitName: result.province.nameVi,
        profilePath: provinceProfilePath(result.province),
        regionCode: result.province.regionCode,
        regionName: result.province.regionCode ? (regionName.get(result.province.regionCode) ?? null) : null,
        score: row.score,
        group: row.score === null ? null : classify(row.score, bands),
        source: result.source,
        note: result.note,
        components: Object.fromEntries(result.components.map((c) => [c.code, Number(c.value)])),
      };
    }),
    nationalAverage: national ? { value: Number(national.value), source: national.source } : null,
    regionAverages: aggregates
      .filter((a) => a.kind === "REGION_AVERAGE")
      .map((a) => ({ regionCode: a.subject, regionName: regionName.get(a.subject) ?? a.subject, value: Number(a.value), source: a.source }))
      .sort((a, b) => b.value - a.value),
    regions: regions.map((r) => ({ code: r.code, nameVi: r.nameVi })),
    years: years.map((y) => y.year),
    groups: [...bands].sort((a, b) => b.minScore - a.minScore),
    components: (framework?.components ?? []).filter((c) => published.has(c.code)),
  };
}

/**
 * The ranking as shown on /xep-hang (one region or all) as a file for people to read: the rank
 * (bounds when unpublished), the previous year's rank and the change. Public, like the page.
 */
export async function exportRanking(indexCode: string, year: number, region: string | null): Promise<TableDownload> {
  const ranking = await getRanking(indexCode, year);
  const problem = unknownRegionMessage(ranking.regions, region);
  if (problem) throw new ValidationError([{ field: "region", message: problem }]);
  const { items } = filterByRegion(ranking.items, region);
  // For people to read: headings, notes and decimal mark in the request's language.
  const locale = messageLocale();
  return {
    fileName: `xep-hang-${ranking.index.code}-${year}${region ? `-${region}` : ""}`,
    sheetName: `${ranking.index.shortName} ${year}`,
    columns: rankingFileColumns(locale),
    rows: rankingFileRows(items, ranking.unitCount, locale),
    locale,
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

// ───────────────────────── Management of a province's results ─────────────────────────

/**
 * A province's published results by index and year, with the old units it was formed from (one
 * line each, never summed), ranks computed from each year's table and the official mark.
 */
export async function getProvinceResults(actor: Actor | null, requestedProvinceId: number | null): Promise<ProvinceResults> {
  authorizeOwnProvince(actor, "results.write");
  // Whoever writes every province's results picks one; Home Affairs staff have their own.
  const everywhere = reachOf(actor.role, "results.write") === "all";
  const provinceId = everywhere ? requestedProvinceId : actor.provinceId;
  if (provinceId !== null) authorize(actor, "results.write", { provinceId });

  const today = new Date();
  const [choiceList, indices] = await Promise.all([everywhere ? provinceChoices(today) : Promise.resolve([]), listProvinceIndices()]);
  if (provinceId === null) return { province: null, choices: choiceList, indices: [] };

  const province = await db.province.findUnique({ where: { id: provinceId } });
  if (!province) throw new NotFoundError(libTranslator("errors.results")("provinceNotFound"));
  const unitIds = unitAndPredecessors(province.id, await lineageLinks());
  const [units, results, frameworks] = await Promise.all([
    db.province.findMany({ where: { id: { in: unitIds } } }),
    db.publishedResult.findMany({
      where: { provinceId: { in: unitIds } },
      include: { components: true, _count: { select: { criterionScores: true } } },
      orderBy: [{ year: "desc" }],
    }),
    db.framework.findMany({ where: NATIONAL_FRAMEWORK, include: { components: { orderBy: { sortOrder: "asc" } }, gradeBands: true } }),
  ]);
  const unitById = new Map(units.map((unit) => [unit.id, unit]));
  const pairs = [...new Map(results.map((r) => [`${r.indexCode}|${r.year}`, { indexCode: r.indexCode, year: r.year }])).values()];
  const years = [...new Set(pairs.map((p) => p.year))];
  const [peers, counts] = await Promise.all([
    pairs.length > 0
      ? db.publishedResult.findMany({
          where: { OR: pairs },
          select: { provinceId: true, indexCode: true, year: true, score: true, officialRank: true },
        })
      : Promise.resolve([]),
    Promise.all(years.map(async (year) => [year, await unitCountForYear(year)] as const)),
  ]);
  const unitCount = new Map(counts);
  const ranked = new Map(
    pairs.map((pair) => {
      const table = peers
        .filter((p) => p.indexCode === pair.indexCode && p.year === pair.year)
        .map((p) => ({ key: String(p.provinceId), score: decimalOrNull(p.score), officialRank: p.officialRank }));
      return [`${pair.indexCode}|${pair.year}`, rankPublished(table, unitCount.get(pair.year)!)];
    }),
  );

  return {
    province: {
      id: province.id,
      label: unitLabel(province),
      history: units.filter((unit) => unit.id !== province.id).map(unitLabel),
    },
    choices: choiceList,
    indices: indices.map((index) => ({
      code: index.code,
      shortName: index.shortName,
      rows: results
        .filter((result) => result.indexCode === index.code)
        .map((result) => {
          const framework = inForceFor(
            frameworks.filter((f) => f.indexCode === index.code),
            result.year,
          );
          const row = ranked.get(`${result.indexCode}|${result.year}`)!.find((r) => r.key === String(result.provinceId))!;
          const unit = unitById.get(result.provinceId)!;
          return {
            ...rankedResult(result, row, unitCount.get(result.year)!, framework),
            unitCode: unit.code,
            unitName: unit.id === province.id ? unit.nameVi : unitLabel(unit),
            fieldScoreCount: result._count.criterionScores,
          };
        }),
    })),
  };
}

/** What the entry form needs: a stored result to edit (`id`), or an index and year for a new one. */
export async function getResultEntry(actor: Actor | null, params: { id: number } | { indexCode: string; year: number }): Promise<ResultEntry> {
  authorizeOwnProvince(actor, "results.write");
  const links = await lineageLinks();
  let indexCode: string;
  let year: number;
  let result: ResultEntry["result"] = null;
  if ("id" in params) {
    const stored = await db.publishedResult.findUnique({
      where: { id: params.id },
      include: { province: true, components: true, criterionScores: true },
    });
    if (!stored) throw new NotFoundError(libTranslator("errors.results")("resultNotFound"));
    authorizeOnUnit(actor, "results.write", stored.provinceId, links);
    indexCode = stored.indexCode;
    year = stored.year;
    result = {
      id: stored.id,
      version: stored.version,
      provinceId: stored.provinceId,
      unitLabel: unitLabel(stored.province),
      ...resultValuesWithFields(stored),
    };
  } else {
    indexCode = params.indexCode;
    year = params.year;
  }
  const [index, indices, framework, units, taken] = await Promise.all([
    db.performanceIndex.findUnique({ where: { code: indexCode } }),
    listProvinceIndices(),
    nationalFramework(indexCode, year),
    unitsForYear(year),
    db.publishedResult.findMany({ where: { indexCode, year }, select: { id: true, provinceId: true, score: true } }),
  ]);
  if (index?.subject !== "PROVINCE") throw new UnknownIndexError(indexCode);
  const allowed = units.filter((unit) => mayOnUnit(actor, "results.write", unit.id, links));
  return {
    indices: indices.map((i) => ({ code: i.code, shortName: i.shortName })),
    index: { code: index.code, shortName: index.shortName, nameVi: index.nameVi, maxScore: Number(index.maxScore) },
    year,
    currentYear: currentYearInVietnam(),
    framework,
    units: allowed.map((unit) => ({ id: unit.id, code: unit.code, label: libTranslator("errors.units")("withCode", { name: unit.nameVi, code: unit.code }) })),
    unitCount: units.length,
    taken: taken
      .filter((t) => allowed.some((unit) => unit.id === t.provinceId))
      .map((t) => ({ provinceId: t.provinceId, resultId: t.id, score: Number(t.score) })),
    result,
  };
}

/**
 * The national table of an index and year in the import format (public data, like the ranking):
 * importing it back changes nothing.
 */
export async function exportResultsTable(indexCode: string, year: number, format: TableFormat): Promise<TableDownload> {
  const index = await db.performanceIndex.findUnique({ where: { code: indexCode } });
  if (index?.subject !== "PROVINCE") throw new UnknownIndexError(indexCode);
  const [framework, results] = await Promise.all([
    nationalFramework(indexCode, year),
    db.publishedResult.findMany({
      where: { indexCode, year },
      include: { province: true, components: true },
      orderBy: [{ score: { sort: "desc", nulls: "last" } }, { officialRank: { sort: "asc", nulls: "last" } }, { province: { code: "asc" } }],
    }),
  ]);
  const components = framework?.components ?? [];
  return {
    fileName: `ket-qua-${index.code}-${year}`,
    sheetName: `${index.shortName} ${year}`,
    columns: exportColumns(components),
    rows: results.map((result) => exportRow(year, index.code, result.province, resultValues(result), components, format)),
  };
}

/** What the import page offers: the indices, the tables already stored (to download) and the limits. */
export async function getImportOptions(actor: Actor | null) {
  authorizeOwnProvince(actor, "results.write");
  const [indices, tables] = await Promise.all([
    listProvinceIndices(),
    db.publishedResult.groupBy({ by: ["indexCode", "year"], _count: { _all: true }, orderBy: [{ year: "desc" }, { indexCode: "asc" }] }),
  ]);
  return {
    indices: indices.map((index) => ({ code: index.code, shortName: index.shortName })),
    tables: tables.map((t) => ({ indexCode: t.indexCode, year: t.year, rows: t._count._all })),
    currentYear: currentYearInVietnam(),
    maxImportBytes: MAX_IMPORT_BYTES,
    canChangeOtherProvinces: can(actor, "results.importNational", { provinceId: null }),
  };
}
