// The national table file (CSV/XLSX) of one year: its columns, the validation of every row and what
// importing it would change. Pure functions: lib/results/mutations.ts reads the context (indices,
// frameworks, units of the year, stored results) and writes the plan.
import type { Issue } from "@/lib/errors";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";
import type { Cell, Table } from "@/lib/io/table-file";
import { parseDecimal, resolveTotal, type ComponentDef } from "./components";

export const REQUIRED_COLUMNS = ["year", "index", "unit_code", "score", "rank", "source"] as const;
/** unit_name is written by the export for people to read; the import identifies units by code. */
export const OPTIONAL_COLUMNS = ["unit_name", "note"] as const;
export const SOURCE_MAX_LENGTH = 500;
export const NOTE_MAX_LENGTH = 1000;

/** A component's column is its code in lower case (APPRAISAL → appraisal, LEADER_SURVEY → leader_survey). */
export const componentColumn = (code: string) => code.toLowerCase();

export type IndexDef = {
  code: string;
  shortName: string;
  subject: string;
  maxScore: number;
  /** Of the framework in force for the year; empty when none defines components. */
  components: ComponentDef[];
  componentsAreAdditive: boolean;
};

export type UnitDef = { id: number; code: string; nameVi: string };

export type ResultValues = {
  /** Null when the source published the rank alone. */
  score: number | null;
  officialRank: number | null;
  source: string;
  note: string | null;
  components: Record<string, number>;
};

export type StoredResult = ResultValues & { id: number; indexCode: string; provinceId: number; version: number };

export type ImportContext = {
  /** The year of the file (its first row), or null when that row has no usable year. */
  year: number | null;
  currentYear: number;
  indices: IndexDef[];
  /** Codes of every component of any national framework: their columns are known columns. */
  componentCodes: string[];
  /** Units in force for the year's results (31 December). */
  units: UnitDef[];
  /** Stored results of the year. */
  stored: StoredResult[];
  /**
   * Whether the importer may write (add or change) a result of this unit: their own province's
   * rows, or any row with the national table's permission (lib/auth/policy.ts, "results.importNational").
   */
  mayWrite: (unit: UnitDef) => boolean;
};

export type Change = { column: string; old: string | number | null; new: string | number | null };
export type RowStatus = "new" | "updated" | "unchanged";

export type PlannedRow = {
  row: number;
  indexCode: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  status: RowStatus;
  changes: Change[];
  next: ResultValues;
  stored: StoredResult | null;
};

export type ImportPlan = { issues: Issue[]; rows: PlannedRow[] };

/** Why a row of another province is refused (in the language of the request being answered). */
export const otherProvinceRule = () => libTranslator("errors.results")("otherProvinceRule");

/** The first data row's year when it is a plausible year (the lib reads the units of that year). */
export function fileYear(table: Table, currentYear: number): number | null {
  const text = table.rows[0]?.values.year?.trim() ?? "";
  if (!/^\d{4}$/.test(text)) return null;
  const year = Number(text);
  return year <= currentYear ? year : null;
}

/** Codes match exactly, or as numbers when both are digits (a spreadsheet turns "01" into 1). */
export function sameUnitCode(stored: string, given: string): boolean {
  if (stored === given) return true;
  return /^\d+$/.test(stored) && /^\d+$/.test(given) && Number(stored) === Number(given);
}

const normalizeIndexCode = (text: string) =>
  text
    .trim()
    .toUpperCase()
    .replace(/[\s-]+/g, "_");

function headerIssues(table: Table, ctx: ImportContext): Issue[] {
  const t = libTranslator("errors.results");
  const issues: Issue[] = [];
  const known = new Set<string>([...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS, ...ctx.componentCodes.map(componentColumn)]);
  const missing = REQUIRED_COLUMNS.filter((column) => !table.columns.includes(column));
  for (const column of missing) {
    issues.push({ row: 1, column, message: t("headerMissing", { column, columns: REQUIRED_COLUMNS.join(", ") }) });
  }
  const seen = new Set<string>();
  for (const column of table.columns) {
    if (column === "") continue;
    if (seen.has(column)) issues.push({ row: 1, column, message: t("headerTwice", { column }) });
    seen.add(column);
    if (!known.has(column)) {
      issues.push({
        row: 1,
        column,
        message: t("headerUnknown", {
          column,
          columns: [...REQUIRED_COLUMNS, ...OPTIONAL_COLUMNS].join(", "),
          components: ctx.componentCodes.map(componentColumn).join(", "),
        }),
      });
    }
  }
  return issues;
}

/** Equal at the stored precision (2 decimals); null only equals null. */
function sameNumber(a: number | null, b: number | null): boolean {
  if (a === null || b === null) return a === b;
  return Math.round(a * 100) === Math.round(b * 100);
}

/** What would change from the stored result to the new values, column by column. */
export function diffResult(stored: ResultValues | null, next: ResultValues): Change[] {
  const changes: Change[] = [];
  if (!stored || !sameNumber(stored.score, next.score)) changes.push({ column: "score", old: stored?.score ?? null, new: next.score });
  if (!stored ? next.officialRank !== null : stored.officialRank !== next.officialRank) {
    changes.push({ column: "rank", old: stored?.officialRank ?? null, new: next.officialRank });
  }
  if (stored?.source !== next.source) changes.push({ column: "source", old: stored?.source ?? null, new: next.source });
  if ((stored?.note ?? null) !== next.note) changes.push({ column: "note", old: stored?.note ?? null, new: next.note });
  const codes = [...new Set([...Object.keys(stored?.components ?? {}), ...Object.keys(next.components)])];
  for (const code of codes) {
    const before = stored?.components[code] ?? null;
    const after = next.components[code] ?? null;
    if (!sameNumber(before, after)) changes.push({ column: componentColumn(code), old: before, new: after });
  }
  return changes;
}

/**
 * Validates every row of a national table and works out what importing it would change. Any issue
 * means nothing may be written; every issue is reported with its row (header = 1) and column.
 */
export function planImport(table: Table, ctx: ImportContext): ImportPlan {
  const t = libTranslator("errors.results");
  const header = headerIssues(table, ctx);
  if (header.length > 0) return { issues: header, rows: [] };
  if (table.rows.length === 0) return { issues: [{ row: 2, message: t("headerOnly") }], rows: [] };

  const issues: Issue[] = [];
  const rows: PlannedRow[] = [];
  const componentColumns = ctx.componentCodes.map(componentColumn).filter((column) => table.columns.includes(column));
  const hasNote = table.columns.includes("note");
  const provinceIndices = ctx.indices.filter((index) => index.subject === "PROVINCE");
  const indexList = provinceIndices.map((index) => index.code).join(", ");
  const firstRow = table.rows[0];
  const seen = new Map<string, number>();

  for (const { row, values } of table.rows) {
    const rowIssues: Issue[] = [];
    const problem = (column: string, message: string) => rowIssues.push({ row, column, message });
    const text = (column: string) => (values[column] ?? "").trim();

    // year: one year per file, not in the future
    const yearText = text("year");
    if (!/^\d{4}$/.test(yearText)) {
      problem("year", yearText === "" ? t("yearMissing") : t("yearInvalid", { year: yearText }));
    } else if (Number(yearText) > ctx.currentYear) {
      problem("year", t("yearFuture", { year: yearText }));
    } else if (ctx.year !== null && Number(yearText) !== ctx.year) {
      problem("year", t("yearOther", { year: yearText, fileYear: String(ctx.year), row: String(firstRow.row) }));
    }

    // index: a national index of provinces
    const indexCode = normalizeIndexCode(text("index"));
    const index = ctx.indices.find((candidate) => candidate.code === indexCode);
    if (indexCode === "") problem("index", t("indexMissing", { indices: indexList }));
    else if (!index) problem("index", t("indexUnknown", { index: text("index"), indices: indexList }));
    else if (index.subject !== "PROVINCE") problem("index", t("indexNotProvince", { index: index.code, indices: indexList }));
    const provinceIndex = index?.subject === "PROVINCE" ? index : undefined;

    // unit_code: a unit in force for the year (codes are reused, so the year decides)
    const unitText = text("unit_code");
    let unit: UnitDef | undefined;
    if (unitText === "") problem("unit_code", t("unitMissing"));
    else if (ctx.year !== null) {
      unit = ctx.units.find((candidate) => sameUnitCode(candidate.code, unitText));
      if (!unit) {
        problem("unit_code", t("unitUnknown", { code: unitText, year: String(ctx.year), count: String(ctx.units.length) }));
      }
    }

    // score and components
    const scoreParsed = parseDecimal(text("score"));
    if (!scoreParsed.ok) problem("score", t("scoreInvalid", { problem: scoreParsed.message }));
    const components: Record<string, number> = {};
    let componentsOk = true;
    for (const column of componentColumns) {
      const cell = text(column);
      if (cell === "") continue;
      const code = ctx.componentCodes.find((candidate) => componentColumn(candidate) === column)!;
      if (provinceIndex && !provinceIndex.components.some((def) => def.code === code)) {
        problem(column, t("componentNotInIndex", { index: provinceIndex.shortName, year: String(ctx.year ?? yearText), column }));
        componentsOk = false;
        continue;
      }
      const parsed = parseDecimal(cell);
      if (!parsed.ok) {
        problem(column, t("componentInvalid", { column, problem: parsed.message }));
        componentsOk = false;
      } else components[code] = parsed.value!;
    }

    // rank: the official one, if published
    const rankText = text("rank");
    let officialRank: number | null = null;
    if (rankText !== "") {
      const unitCount = ctx.year !== null ? ctx.units.length : Infinity;
      if (!/^\d+$/.test(rankText) || Number(rankText) < 1 || Number(rankText) > unitCount) {
        problem(
          "rank",
          Number.isFinite(unitCount)
            ? t("rankInvalid", { rank: rankText, count: String(unitCount), year: String(ctx.year) })
            : t("rankInvalidNoYear", { rank: rankText }),
        );
      } else officialRank = Number(rankText);
    }

    const source = text("source");
    if (source === "") problem("source", t("sourceMissing"));
    else if (source.length > SOURCE_MAX_LENGTH) problem("source", t("sourceTooLong", { length: String(source.length), max: String(SOURCE_MAX_LENGTH) }));
    const noteText = text("note");
    if (noteText.length > NOTE_MAX_LENGTH) problem("note", t("noteTooLong", { length: String(noteText.length), max: String(NOTE_MAX_LENGTH) }));

    // one row per index and unit
    if (provinceIndex && (unit || unitText !== "")) {
      const key = `${provinceIndex.code}|${unit ? `#${unit.id}` : unitText}`;
      const first = seen.get(key);
      if (first !== undefined) {
        const named = unit ? t("unitNamed", { name: unit.nameVi, code: unit.code }) : t("unitCode", { code: unitText });
        problem("unit_code", t("duplicate", { first: String(first), index: provinceIndex.shortName, unit: named }));
      } else seen.set(key, row);
    }

    // The total against the components, on the values the result would have after the import:
    // components whose column is absent from the file stay as stored.
    const stored = provinceIndex && unit ? (ctx.stored.find((s) => s.indexCode === provinceIndex.code && s.provinceId === unit!.id) ?? null) : null;
    let next: ResultValues | null = null;
    if (provinceIndex && scoreParsed.ok && componentsOk) {
      const finalComponents: Record<string, number> = {};
      for (const def of provinceIndex.components) {
        const column = componentColumn(def.code);
        if (table.columns.includes(column)) {
          if (components[def.code] !== undefined) finalComponents[def.code] = components[def.code];
        } else if (stored?.components[def.code] !== undefined) finalComponents[def.code] = stored.components[def.code];
      }
      const total = resolveTotal({
        score: scoreParsed.value,
        components: finalComponents,
        defs: provinceIndex.components,
        additive: provinceIndex.componentsAreAdditive,
        maxScore: provinceIndex.maxScore,
        label: t("indexYear", { index: provinceIndex.shortName, year: String(ctx.year ?? yearText) }),
        officialRank,
      });
      if (!total.ok) {
        for (const issue of total.issues) problem(issue.key === "score" ? "score" : componentColumn(issue.key), issue.message);
      } else {
        next = {
          score: total.score,
          officialRank,
          source,
          note: hasNote ? noteText || null : (stored?.note ?? null),
          components: finalComponents,
        };
      }
    }

    if (rowIssues.length > 0 || !provinceIndex || !unit || !next) {
      issues.push(...rowIssues);
      continue;
    }
    const changes = diffResult(stored, next);
    const status: RowStatus = !stored ? "new" : changes.length > 0 ? "updated" : "unchanged";
    if (status !== "unchanged" && !ctx.mayWrite(unit)) {
      const shown = status === "new" ? t("noResultYet") : changes.map((c) => `${c.column}: ${show(c.old)} → ${show(c.new)}`).join("; ");
      const message = t("otherProvince", {
        rule: otherProvinceRule(),
        unit: unit.nameVi,
        index: provinceIndex.shortName,
        year: String(ctx.year),
        shown,
      });
      issues.push({ row, column: status === "new" ? "unit_code" : changes[0].column, message });
      continue;
    }
    rows.push({
      row,
      indexCode: provinceIndex.code,
      unitId: unit.id,
      unitCode: unit.code,
      unitName: unit.nameVi,
      status,
      changes,
      next,
      stored,
    });
  }
  return { issues, rows: issues.length > 0 ? [] : rows };
}

function show(value: string | number | null): string {
  if (value === null) return libTranslator("errors.results")("empty");
  if (typeof value === "number") return libFormat().points(value);
  return value.length > 60 ? `"${value.slice(0, 57)}…"` : `"${value}"`;
}

/** The columns of the export for an index and year: the import's, with the framework's components. */
export function exportColumns(components: readonly ComponentDef[]): string[] {
  return ["year", "index", "unit_code", "unit_name", "score", "rank", "source", ...components.map((c) => componentColumn(c.code)), "note"];
}

/** One exported row, numbers with "." decimals, in the order of exportColumns. */
export function exportRow(
  year: number,
  indexCode: string,
  unit: { code: string; nameVi: string },
  result: ResultValues,
  components: readonly ComponentDef[],
  format: "csv" | "xlsx",
): Cell[] {
  const number = (value: number | undefined) => (value === undefined ? null : format === "csv" ? value.toFixed(2) : value);
  return [
    year,
    indexCode,
    unit.code,
    unit.nameVi,
    number(result.score ?? undefined),
    result.officialRank,
    result.source,
    ...components.map((c) => number(result.components[c.code])),
    result.note,
  ];
}
