// Generated table files: CSV text with broken structure and XLSX workbooks with every kind of
// cell exceljs writes (formulas included), and damaged copies of both.
import ExcelJS from "exceljs";
import fc from "fast-check";
import Papa from "papaparse";
import type { Table } from "@/lib/io/table-file";
import { cellText, formulaText, hugeCell, numberText } from "./arbitraries";

/** A cell of a CSV: plain, quoted, with a stray quote, or with embedded separators. */
const csvCell = fc.oneof(
  { weight: 300, arbitrary: cellText },
  { weight: 100, arbitrary: cellText.map((text) => `"${text.replaceAll('"', '""')}"`) },
  { weight: 50, arbitrary: cellText.map((text) => `"${text}`) },
  { weight: 50, arbitrary: cellText.map((text) => `${text}"x"`) },
  { weight: 50, arbitrary: formulaText },
  { weight: 50, arbitrary: fc.constantFrom(",", ";", "\t", "\r\n", "\n", '"', '""', "\u0000") },
  { weight: 1, arbitrary: hugeCell },
);

/** CSV text: a header from the given columns (or garbage), rows of uneven length, mixed line ends, maybe a BOM. */
export function csvText(columns: readonly string[], cell: fc.Arbitrary<string> = csvCell): fc.Arbitrary<string> {
  const header = fc.oneof(
    { weight: 4, arbitrary: fc.shuffledSubarray([...columns], { minLength: 0 }).map((cols) => cols.join(",")) },
    { weight: 1, arbitrary: fc.array(csvCell, { maxLength: 6 }).map((cells) => cells.join(",")) },
  );
  const row = fc
    .array(fc.oneof({ weight: 3, arbitrary: cell }, { weight: 1, arbitrary: csvCell }), { maxLength: columns.length + 2 })
    .map((cells) => cells.join(","));
  return fc
    .tuple(fc.boolean(), header, fc.array(row, { maxLength: 8 }), fc.constantFrom("\n", "\r\n", "\r"))
    .map(([bom, head, rows, eol]) => (bom ? "\uFEFF" : "") + [head, ...rows].join(eol));
}

/** Bytes that are not a table at all, or only look like one at the start. */
export const randomBytes = fc.oneof(
  fc.uint8Array({ maxLength: 2048 }),
  fc.uint8Array({ maxLength: 512 }).map((tail) => Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), tail])),
  fc.uint8Array({ maxLength: 512 }).map((tail) => Buffer.concat([Buffer.from("\uFEFFyear,index\n"), tail])),
);

/** Formulas of generated workbooks; "fm.test" and "!FM" appear nowhere else, so a formula leaking into what the reader returns is seen. */
export const FORMULAS = ["cmd|' /C calc'!FM1", 'HYPERLINK("http://fm.test","bấm")', "SUM(FM1:FM3)", 'WEBSERVICE("http://fm.test")'];
export const FORMULA_MARK = /fm\.test|!FM1|FM1:FM3/;

type XlsxCell =
  | { kind: "value"; value: string | number | boolean | null }
  | { kind: "date"; value: Date }
  | { kind: "formula"; formula: string; result: string | number | undefined }
  | { kind: "rich"; parts: string[] }
  | { kind: "link"; text: string }
  | { kind: "error"; error: "#N/A" | "#REF!" | "#DIV/0!" };

const xlsxCell: fc.Arbitrary<XlsxCell> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .oneof(cellText, fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null))
      .map((value) => ({ kind: "value" as const, value })),
  },
  {
    weight: 1,
    arbitrary: fc.date({ min: new Date("1900-03-01"), max: new Date("2100-01-01"), noInvalidDate: true }).map((value) => ({ kind: "date" as const, value })),
  },
  {
    weight: 2,
    arbitrary: fc
      .tuple(fc.constantFrom(...FORMULAS), fc.option(fc.oneof(cellText, fc.double({ noNaN: true, noDefaultInfinity: true })), { nil: undefined }))
      .map(([formula, result]) => ({ kind: "formula" as const, formula, result })),
  },
  { weight: 1, arbitrary: fc.array(cellText, { minLength: 1, maxLength: 3 }).map((parts) => ({ kind: "rich" as const, parts })) },
  { weight: 1, arbitrary: cellText.map((text) => ({ kind: "link" as const, text })) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("#N/A", "#REF!", "#DIV/0!").map((error) => ({ kind: "error" as const, error: error as "#N/A" })),
  },
);

function excelValue(cell: XlsxCell): ExcelJS.CellValue {
  switch (cell.kind) {
    case "value":
    case "date":
      return cell.value;
    case "formula":
      return { formula: cell.formula, result: cell.result } as ExcelJS.CellFormulaValue;
    case "rich":
      return { richText: cell.parts.map((text) => ({ text })) };
    case "link":
      return { text: cell.text, hyperlink: "http://x.test/" };
    case "error":
      return { error: cell.error };
  }
}

export type GeneratedWorkbook = { header: string[]; rows: XlsxCell[][]; sheets: number };

export function workbookSpec(columns: readonly string[]): fc.Arbitrary<GeneratedWorkbook> {
  return fc.record({
    header: fc.oneof(fc.shuffledSubarray([...columns]), fc.array(cellText, { maxLength: 5 })),
    rows: fc.array(fc.array(xlsxCell, { maxLength: columns.length + 2 }), { maxLength: 6 }),
    sheets: fc.integer({ min: 0, max: 2 }),
  });
}

export async function writeWorkbook(spec: GeneratedWorkbook): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (let s = 0; s < spec.sheets; s++) {
    const sheet = workbook.addWorksheet(`Trang ${s + 1}`);
    if (s > 0) continue;
    sheet.addRow(spec.header.map((h) => h.slice(0, 32_000)));
    for (const row of spec.rows) sheet.addRow(row.map(excelValue));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A valid file cut short or with bytes overwritten: what a failed upload or a broken disk gives. */
export function damaged(file: Buffer): fc.Arbitrary<Buffer> {
  return fc.oneof(
    fc.integer({ min: 0, max: file.length - 1 }).map((cut) => file.subarray(0, cut)),
    fc.array(fc.tuple(fc.integer({ min: 0, max: file.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }).map((edits) => {
      const copy = Buffer.from(file);
      for (const [at, byte] of edits) copy[at] = byte;
      return copy;
    }),
  );
}

const mostly = (valid: fc.Arbitrary<string>, wrong: fc.Arbitrary<string>) => fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: wrong });

/** Cells of a national results table: mostly plausible, often wrong. */
export const RESULT_CELLS: Record<string, fc.Arbitrary<string>> = {
  year: mostly(fc.constant("2023"), fc.oneof(fc.constantFrom("2020", "2027", "1999"), cellText)),
  index: mostly(fc.constantFrom("PAR_INDEX", "par index", "SIPAS"), fc.oneof(fc.constantFrom("INTERNAL_PAR", "PAR-INDEX"), cellText)),
  unit_code: mostly(
    fc.integer({ min: 1, max: 63 }).map((n) => String(n).padStart(2, "0")),
    fc.oneof(fc.constantFrom("1", "64", "91", "0"), cellText),
  ),
  score: mostly(fc.constantFrom("92,18", "88", "55.5", "70,25"), fc.oneof(fc.constantFrom("", "100.01", "-1", "55.255"), numberText, cellText)),
  rank: mostly(fc.constant(""), fc.oneof(fc.constantFrom("1", "63", "64", "0", "1.5"), numberText)),
  source: mostly(fc.constantFrom("Bộ Nội vụ", "https://moha.gov.vn/par-index-2023"), fc.oneof(fc.constant(""), cellText)),
  note: mostly(fc.constant(""), cellText),
  appraisal: mostly(fc.constant(""), fc.oneof(fc.constantFrom("55,25", "61.5", "61.51"), numberText)),
  sipas: mostly(fc.constant(""), fc.oneof(fc.constant("8.5"), numberText)),
  leader_survey: mostly(fc.constant(""), fc.oneof(fc.constant("18,75"), numberText)),
  socio_economic: mostly(fc.constant(""), fc.oneof(fc.constant("5.5"), numberText)),
};
export const RESULT_COLUMNS = Object.keys(RESULT_CELLS);

/** Cells of an internal scores file. */
export const SCORE_CELLS: Record<string, fc.Arbitrary<string>> = {
  agency_code: mostly(fc.constantFrom("STP", "SNV"), fc.oneof(fc.constantFrom("XYZ", ""), cellText)),
  agency_name: cellText,
  code: mostly(fc.constantFrom("1.1.1", "1.1.2", "1.2.1", "2.1.1"), fc.oneof(fc.constantFrom("9.9", ""), cellText)),
  name: cellText,
  max_points: numberText,
  self_score: mostly(fc.constantFrom("", "0", "1", "0,5"), fc.oneof(fc.constantFrom("2.25", "11", "-1"), numberText, cellText)),
  appraised_score: mostly(fc.constantFrom("", "0", "1", "0.5"), fc.oneof(numberText, cellText)),
  comment: mostly(fc.constantFrom("", "Đã thực hiện", "Đạt"), cellText),
};

/** Cells of a criteria tree file. */
export const TREE_CELLS: Record<string, fc.Arbitrary<string>> = {
  code: mostly(fc.constantFrom("1", "1.1", "1.1.1", "2"), fc.oneof(fc.constantFrom("", "A-1"), cellText)),
  parent_code: mostly(fc.constantFrom("", "1", "1.1"), fc.oneof(fc.constant("9"), cellText)),
  level: mostly(fc.constantFrom("", "FIELD", "Lĩnh vực", "tiêu chí thành phần", "SUB_CRITERION"), fc.oneof(fc.constant("cấp 4"), cellText)),
  name: mostly(fc.constantFrom("Công tác chỉ đạo, điều hành", "Cải cách thủ tục hành chính"), fc.oneof(fc.constant(""), cellText)),
  max_points: mostly(fc.constantFrom("", "2,5", "10", "100"), fc.oneof(fc.constantFrom("-1", "1e2"), numberText)),
  method: mostly(fc.constantFrom("", "APPRAISAL", "điều tra", "Số liệu thống kê"), fc.oneof(fc.constant("khác"), cellText)),
  guidance: mostly(fc.constant(""), cellText),
  required_evidence: mostly(fc.constant(""), cellText),
};

/** A table as readTable gives it: chosen columns (sometimes an unknown or a repeated one), rows of cells for them. */
export function tableOf(columnsPool: readonly string[], cells: Record<string, fc.Arbitrary<string>>): fc.Arbitrary<Table> {
  const columns: fc.Arbitrary<string[]> = fc.oneof(
    { weight: 5, arbitrary: fc.constant([...columnsPool]).map((cols) => [...cols]) },
    { weight: 2, arbitrary: fc.shuffledSubarray([...columnsPool]) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.shuffledSubarray([...columnsPool]), fc.array(fc.oneof(cellText, fc.constantFrom(...columnsPool)), { maxLength: 2 }))
        .map(([a, b]) => [...a, ...b]),
    },
  );
  return columns.chain((cols) =>
    fc.array(fc.tuple(...cols.map((c) => (Object.hasOwn(cells, c) ? cells[c] : cellText))), { maxLength: 6 }).map((rows) => ({
      columns: cols,
      rows: rows.map((cellsOfRow, i) => ({ row: i + 2, values: Object.fromEntries(cols.map((c, j) => [c, cellsOfRow[j]])) })),
    })),
  );
}

/** A generated table as an uploaded file: CSV (comma or semicolon) or XLSX. */
export function fileOf(table: Table, format: "csv" | "xlsx", semicolon = false): Promise<Buffer> | Buffer {
  const cells = table.rows.map((r) => table.columns.map((c) => r.values[c] ?? ""));
  if (format === "csv") return Buffer.from(Papa.unparse({ fields: table.columns, data: cells }, { delimiter: semicolon ? ";" : "," }));
  return writeWorkbook({
    header: table.columns,
    rows: cells.map((row) => row.map((value) => ({ kind: "value" as const, value }))),
    sheets: 1,
  });
}
