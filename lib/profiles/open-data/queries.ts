// The open data of /du-lieu: every published result and every published average, as they are
// stored, for anyone to download (CSV, XLSX, JSON), and one province's results at a stable address.
// Nothing is computed here: a rank published without a score has an empty score, never a guess.
import "server-only";
import { db } from "@/lib/db/client";
import { NotFoundError } from "@/lib/errors";
import { tableFile, type Cell } from "@/lib/io/table-file";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { componentColumn } from "@/lib/results/import-plan";
import { decimalOrNull } from "@/lib/results/queries";
import type { OpenDataFormat } from "./schema";
import type { OpenDataComponent, OpenDataSummary, OpenDataTable, ProvinceOpenData } from "./types";

export const OPEN_DATA_RESULT_COLUMNS = ["year", "index", "unit_code", "unit_name", "unit_valid_from", "unit_valid_to", "score", "rank", "source", "note"];
export const AVERAGE_COLUMNS = ["year", "index", "kind", "subject", "value", "source"];

const isoDate = (date: Date | null) => (date === null ? null : date.toISOString().slice(0, 10));
const rounded = (value: number | null) => (value === null ? null : Math.round(value * 100) / 100);

/** The component columns of the file: every component code a published result has, with its name in the frameworks. */
export async function openDataComponents(): Promise<OpenDataComponent[]> {
  const [stored, named] = await Promise.all([
    db.resultComponent.findMany({ distinct: ["code"], select: { code: true, result: { select: { indexCode: true } } }, orderBy: { code: "asc" } }),
    db.frameworkComponent.findMany({ select: { code: true, nameVi: true }, orderBy: { sortOrder: "asc" } }),
  ]);
  const names = new Map(named.map((c) => [c.code, c.nameVi]));
  return stored.map((c) => ({ column: componentColumn(c.code), code: c.code, indexCode: c.result.indexCode, nameVi: names.get(c.code) ?? c.code }));
}

/** Every published result, one row per unit, index and year; a unit's dates tell an old province from a new one with the same code. */
export async function openDataResults(): Promise<OpenDataTable> {
  const [components, results] = await Promise.all([
    openDataComponents(),
    db.publishedResult.findMany({
      include: { province: true, components: true },
      orderBy: [{ year: "asc" }, { indexCode: "asc" }, { province: { code: "asc" } }, { province: { validFrom: "asc" } }],
    }),
  ]);
  return {
    columns: [...OPEN_DATA_RESULT_COLUMNS, ...components.map((c) => c.column)],
    rows: results.map((r) => {
      const values = new Map(r.components.map((c) => [c.code, rounded(Number(c.value))]));
      return [
        r.year,
        r.indexCode,
        r.province.code,
        r.province.nameVi,
        isoDate(r.province.validFrom),
        isoDate(r.province.validTo),
        rounded(decimalOrNull(r.score)),
        r.officialRank,
        r.source,
        r.note,
        ...components.map((c) => values.get(c.code) ?? null),
      ] satisfies Cell[];
    }),
  };
}

/** Every published average: national, by region, and of each component or SIPAS element. */
export async function openDataAverages(): Promise<OpenDataTable> {
  const averages = await db.publishedAggregate.findMany({ orderBy: [{ year: "asc" }, { indexCode: "asc" }, { kind: "asc" }, { subject: "asc" }] });
  return {
    columns: AVERAGE_COLUMNS,
    rows: averages.map((a) => [a.year, a.indexCode, a.kind, a.subject, rounded(Number(a.value)), a.source]),
  };
}

/** A table's rows as objects by column: the JSON download, with the same names and the same empty cells (null). */
export function tableAsObjects(table: OpenDataTable): Record<string, Cell>[] {
  return table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row[i] ?? null])));
}

/** The units that have had a code (an old province and the 2025 one may share it), each with all its published results. */
export async function provinceOpenData(code: string): Promise<ProvinceOpenData> {
  const units = await db.province.findMany({
    where: { code },
    include: { results: { include: { components: true }, orderBy: [{ indexCode: "asc" }, { year: "asc" }] } },
    orderBy: { validFrom: "asc" },
  });
  if (units.length === 0) throw new NotFoundError(libTranslator("errors.openData")("unknownProvince", { code }));
  return {
    code,
    units: units.map((unit) => ({
      code: unit.code,
      name: unit.nameVi,
      validFrom: isoDate(unit.validFrom) as string,
      validTo: isoDate(unit.validTo),
      results: unit.results.map((r) => ({
        index: r.indexCode,
        year: r.year,
        score: rounded(decimalOrNull(r.score)),
        rank: r.officialRank,
        source: r.source,
        note: r.note,
        components: Object.fromEntries(r.components.map((c) => [componentColumn(c.code), rounded(Number(c.value))])),
      })),
    })),
  };
}

/** A table of the open data as the file to download: CSV or XLSX by lib/io's writers, or JSON (an array of objects by column). */
export async function openDataFile(table: OpenDataTable, name: string, format: OpenDataFormat) {
  if (format === "json")
    return { body: JSON.stringify(tableAsObjects(table), null, 1), fileName: `${name}.json`, contentType: "application/json; charset=utf-8" };
  return tableFile({ ...table, fileName: name, sheetName: name }, format);
}

/** What /du-lieu says of the files: how many rows, which years, how many without a score, the sources, the component columns. */
export async function openDataSummary(): Promise<OpenDataSummary> {
  const [results, rankOnly, years, averages, resultSources, averageSources, components] = await Promise.all([
    db.publishedResult.count(),
    db.publishedResult.count({ where: { score: null } }),
    db.publishedResult.aggregate({ _min: { year: true }, _max: { year: true } }),
    db.publishedAggregate.count(),
    db.publishedResult.findMany({ distinct: ["source"], select: { source: true } }),
    db.publishedAggregate.findMany({ distinct: ["source"], select: { source: true } }),
    openDataComponents(),
  ]);
  const sources = [...new Set([...resultSources, ...averageSources].map((s) => s.source))].sort((a, b) => a.localeCompare(b, "vi"));
  return { results, rankOnly, firstYear: years._min.year, lastYear: years._max.year, averages, sources, components };
}
