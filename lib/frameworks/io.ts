// A criteria tree as a table file (CSV or XLSX), one row per node in tree order:
// code, parent_code, level, name, max_points, method, guidance, required_evidence.
// Export writes the codes of level and method; import also accepts their Vietnamese names,
// a decimal comma, and a blank max_points on a parent (then the sum of its children).
import { ValidationError, type Issue } from "@/lib/errors";
import type { AssessmentMethod, CriterionLevel } from "@/lib/db/generated/enums";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { codeLookup, foldText } from "@/lib/io/cells";
import { readTable, tableFile, tableFormatOf, type Cell, type Table, type TableFormat } from "@/lib/io/table-file";
import { LEVEL_LABELS, LEVELS, METHOD_LABELS, METHODS } from "./labels";
import { parseDecimal } from "./schema";
import type { NormalRow, TreeRow } from "./tree";

export const TREE_COLUMNS = ["code", "parent_code", "level", "name", "max_points", "method", "guidance", "required_evidence"] as const;
const REQUIRED_COLUMNS = ["code", "parent_code", "name", "max_points"] as const;
/** A framework has tens to a few hundred nodes; more is a wrong file. */
export const MAX_TREE_ROWS = 2000;

export function treeCells(rows: readonly NormalRow[]): Cell[][] {
  return rows.map((r) => [r.code, r.parentCode ?? "", r.level, r.name, r.maxPoints, r.method, r.guidance ?? "", r.requiredEvidence ?? ""]);
}

export function exportTree(framework: { key: string; version: number }, rows: readonly NormalRow[], format: TableFormat) {
  return tableFile(
    {
      columns: [...TREE_COLUMNS],
      rows: treeCells(rows),
      fileName: `bo-chi-so-${framework.key}-v${framework.version}`,
      sheetName: "Bo chi so",
    },
    format,
  );
}

const LEVEL_NAMES = codeLookup<CriterionLevel>(LEVELS, LEVEL_LABELS);
const METHOD_NAMES = codeLookup<AssessmentMethod>(METHODS, METHOD_LABELS);
METHOD_NAMES.set("dieu tra", "SURVEY");
METHOD_NAMES.set("thong ke", "STATISTICS");

/** Table rows → tree rows. Cell problems are collected, not thrown, so that a file gets all its messages at once. */
export function rowsFromTable(table: Table): { rows: TreeRow[]; issues: Issue[] } {
  const t = libTranslator("errors.frameworks");
  const missing = REQUIRED_COLUMNS.filter((c) => !table.columns.includes(c));
  if (missing.length > 0) {
    return {
      rows: [],
      issues: [
        {
          row: 1,
          message: t("headerMissing", { columns: missing.join(", "), expected: TREE_COLUMNS.join(",") }),
        },
      ],
    };
  }
  if (table.rows.length === 0) return { rows: [], issues: [{ row: 2, message: t("noRows") }] };
  if (table.rows.length > MAX_TREE_ROWS) {
    return {
      rows: [],
      issues: [{ row: MAX_TREE_ROWS + 2, message: t("tooManyRows", { count: String(table.rows.length), max: String(MAX_TREE_ROWS) }) }],
    };
  }
  const issues: Issue[] = [];
  const rows = table.rows.map(({ row, values }): TreeRow => {
    const cell = (column: string) => values[column] ?? "";
    const levelText = cell("level");
    const level = levelText ? (LEVEL_NAMES.get(foldText(levelText)) ?? null) : null;
    if (levelText && !level) {
      issues.push({ row, column: "level", message: t("level", { row: String(row), level: levelText }) });
    }
    const methodText = cell("method");
    const method = methodText ? METHOD_NAMES.get(foldText(methodText)) : "APPRAISAL";
    if (!method) {
      issues.push({ row, column: "method", message: t("method", { row: String(row), method: methodText }) });
    }
    const pointsText = cell("max_points");
    const maxPoints = parseDecimal(pointsText);
    if (maxPoints !== null && Number.isNaN(maxPoints)) {
      issues.push({ row, column: "max_points", message: t("maxPoints", { row: String(row), points: pointsText }) });
    }
    const text = (column: string, max: number) => {
      const value = cell(column);
      if (value.length > max) issues.push({ row, column, message: t("tooLong", { row: String(row), column, max: String(max) }) });
      return value || null;
    };
    return {
      code: cell("code"),
      parentCode: cell("parent_code") || null,
      level,
      name: text("name", 500) ?? "",
      maxPoints: maxPoints !== null && Number.isNaN(maxPoints) ? null : maxPoints,
      method: method ?? "APPRAISAL",
      guidance: text("guidance", 4000),
      requiredEvidence: text("required_evidence", 4000),
      row,
    };
  });
  return { rows, issues };
}

/** Reads an uploaded file into tree rows, or throws a ValidationError with every problem found. */
export async function readTreeFile(fileName: string, data: Uint8Array): Promise<TreeRow[]> {
  const format = tableFormatOf(fileName);
  if (data.byteLength === 0) throw new ValidationError([{ field: "file", message: libTranslator("errors.frameworks")("emptyFile") }]);
  const { rows, issues } = rowsFromTable(await readTable(data, format));
  if (issues.length > 0) throw new ValidationError(issues);
  return rows;
}
