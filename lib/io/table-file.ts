// Reading and writing the tables staff exchange as files: CSV (UTF-8, comma) and XLSX (the first
// worksheet). One header row, then one row per record. Libraries do the parsing (papaparse;
// yauzl and saxes in xlsx-sheet.ts, which reads within bounds; exceljs writes); this module only
// gives both formats the same shape and the same safety rules.
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import ExcelJS from "exceljs";
import Papa from "papaparse";
import { ValidationError } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { libTranslator } from "@/lib/i18n/lib-translator";
import { csvText } from "./headings";
import { readFirstSheet } from "./xlsx-sheet";

export type TableFormat = "csv" | "xlsx";
/** A data row: its 1-based row number in the file (the header is row 1) and its cells by column. */
export type TableRow = { row: number; values: Record<string, string> };
export type Table = { columns: string[]; rows: TableRow[] };

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export function formatOf(fileName: string): TableFormat | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".xlsx")) return "xlsx";
  return null;
}

/** The format a table file's name says, or a ValidationError that says how to save it. */
export function tableFormatOf(fileName: string): TableFormat {
  const format = formatOf(fileName);
  if (!format) throw new ValidationError([{ field: "file", message: libTranslator("errors.files")("notTable", { name: fileName }) }]);
  return format;
}

// Spreadsheet programs run a cell that starts with these as a formula ("CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;
// Text that already starts with apostrophes before such a character gets one more, so that the
// import, which removes one, gives it back unchanged.
const PROTECTED = /^'+[=+\-@\t\r]/;

/**
 * Text that would start a formula is written with a leading apostrophe… (judged without the
 * trailing spaces the import trims; a cell of spaces alone is no formula and stays as it is)
 */
export function protectCell(text: string): string {
  const kept = text.trimEnd();
  return FORMULA_START.test(kept) || PROTECTED.test(kept) ? `'${text}` : text;
}
/** …which is removed again on import, so export → import changes nothing. */
export function unprotectCell(text: string): string {
  return PROTECTED.test(text) ? text.slice(1) : text;
}

const normalizeHeader = (header: string) =>
  header
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase();

export async function readTable(data: Buffer | Uint8Array, format: TableFormat): Promise<Table> {
  return format === "csv" ? readCsv(Buffer.from(data).toString("utf8")) : readXlsx(data);
}

function readCsv(text: string): Table {
  // UTF-16 ("Unicode text" in Excel) read as UTF-8 is full of NULs, which no cell may hold anyway.
  if (text.includes("\u0000")) {
    throw new ValidationError([{ row: 1, message: libTranslator("errors.files")("csvNul") }]);
  }
  // Comma, or the semicolon Excel writes where the decimal separator is a comma; never the tab
  // or pipe Papa would otherwise consider (a protected cell starts with a tab). A file of one
  // column has nothing to guess from: it is read with commas.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy", delimitersToGuess: [",", ";"] });
  const structural = parsed.errors.find((e) => e.type === "Quotes");
  if (structural) {
    const row = (structural.row ?? 0) + 1;
    const t = libTranslator("errors.files");
    throw new ValidationError([
      {
        row,
        message: structural.code === "MissingQuotes" ? t("csvUnclosedQuote", { row: String(row) }) : t("csvStrayQuote", { row: String(row) }),
      },
    ]);
  }
  const [header, ...body] = parsed.data;
  if (!header) throw new ValidationError([{ row: 1, message: libTranslator("errors.files")("empty") }]);
  const columns = header.map(normalizeHeader);
  return {
    columns,
    rows: body.map((cells, i) => ({
      row: i + 2,
      values: Object.fromEntries(columns.map((c, j) => [c, unprotectCell((cells[j] ?? "").trim())])),
    })),
  };
}

async function readXlsx(data: Buffer | Uint8Array): Promise<Table> {
  // Each row as the sheet streams it: its cells' texts (shared strings are the reader's own
  // strings, not copies). Spreadsheet programs write rows in ascending order; a file that does not
  // is sorted, the last of a repeated row winning.
  let sheet: ([row: number, cells: string[]] | null)[] = [];
  let ordered = true;
  await readFirstSheet(Buffer.from(data.buffer, data.byteOffset, data.byteLength), (row, cells) => {
    if (ordered && sheet.length > 0 && row <= sheet[sheet.length - 1]![0]) ordered = false;
    sheet.push([row, cells]);
  });
  if (!ordered) sheet = [...new Map(sheet.map((entry) => [entry![0], entry])).values()].sort((a, b) => a![0] - b![0]);
  if (!sheet.some((entry) => entry![1].some((text) => text !== ""))) {
    throw new ValidationError([{ row: 1, message: libTranslator("errors.files")("empty") }]);
  }
  const header = sheet[0]?.[0] === 1 ? sheet[0][1] : [];
  const columns = Array.from(header, (text) => normalizeHeader(text ?? ""));
  const rows: TableRow[] = [];
  for (let i = 0; i < sheet.length; i++) {
    const [row, cells] = sheet[i]!;
    // Each row's cells are let go as it becomes a table row: the sheet is never held twice.
    sheet[i] = null;
    if (row === 1) continue;
    const values: Record<string, string> = {};
    let anyText = false;
    for (let c = 0; c < columns.length; c++) {
      const text = unprotectCell((cells[c] ?? "").trim());
      values[columns[c]] = text;
      anyText ||= text !== "";
    }
    if (anyText) rows.push({ row, values });
  }
  return { columns, rows };
}

export type Cell = string | number | null;

// A file for people writes numbers with the decimal mark of its language (85,3 in Vietnamese): a
// CSV is read as text, unlike an XLSX, whose numbers are numbers the spreadsheet shows in its own
// language. A file in an exchange format (no language) keeps the point.
const csvSafe = (rows: Cell[][], locale: Locale | null) =>
  rows.map((row) => row.map((cell) => (typeof cell === "string" ? protectCell(cell) : csvText(cell, locale))));

export function writeCsv(columns: string[], rows: Cell[][], locale: Locale | null = null): string {
  // A BOM so that Excel opens the Vietnamese text as UTF-8.
  return `\uFEFF${Papa.unparse({ fields: columns, data: csvSafe(rows, locale) }, { newline: "\r\n" })}`;
}

/** The same file as writeCsv, written a batch of rows at a time as the reader takes it (nothing read ahead). */
export function streamCsv(columns: string[], batches: AsyncIterator<Cell[][]>, locale: Locale | null = null): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${Papa.unparse([columns], { newline: "\r\n" })}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      if (next.value.length > 0) controller.enqueue(encoder.encode(`\r\n${Papa.unparse(csvSafe(next.value, locale), { newline: "\r\n" })}`));
    },
    async cancel() {
      await batches.return?.(undefined);
    },
  });
}

// XML cannot hold most control characters (exceljs drops them) and reads CR as LF: text is
// written as it will read back, then protected, so that the import returns what was written.
const xmlText = (text: string) => text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, "");

/**
 * The same workbook as writeXlsx, written with exceljs's streaming writer a batch of rows at a
 * time: each row is committed to the zip stream as it comes, and a batch waits while the reader
 * has not taken what was written.
 */
export function streamXlsx(sheetName: string, columns: string[], batches: AsyncIterator<Cell[][]>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName.slice(0, 31));
  sheet.columns = columns.map(() => ({ width: 18 }));
  const header = sheet.addRow(columns);
  header.font = { bold: true };
  header.commit();
  void (async () => {
    for (let next = await batches.next(); !next.done; next = await batches.next()) {
      for (const row of next.value) sheet.addRow(row.map((cell) => (typeof cell === "string" ? protectCell(xmlText(cell)) : cell))).commit();
      if (output.writableNeedDrain) await once(output, "drain");
    }
    sheet.commit();
    await workbook.commit();
  })().catch((error: unknown) => output.destroy(error as Error));
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}

/** A further table of a download: its own worksheet in an XLSX, a titled block after the first table in a CSV. */
export type TableSection = { title: string; columns: string[]; rows: Cell[][] };

export async function writeXlsx(sheetName: string, columns: string[], rows: Cell[][], sections: readonly TableSection[] = []): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const table of [{ title: sheetName, columns, rows }, ...sections]) {
    const sheet = workbook.addWorksheet(table.title.replace(/[\\/*?:[\]]/g, "-").slice(0, 31));
    sheet.addRow(table.columns).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((cell) => (typeof cell === "string" ? protectCell(xmlText(cell)) : cell)));
    for (const column of sheet.columns) column.width = 18;
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A CSV of several tables: the first as writeCsv, then each section after an empty line, its title on a line of its own. */
function writeCsvSections(columns: string[], rows: Cell[][], sections: readonly TableSection[], locale: Locale | null): string {
  const blocks = sections.map((section) =>
    Papa.unparse([[protectCell(section.title)], section.columns, ...csvSafe(section.rows, locale)], { newline: "\r\n" }),
  );
  return [writeCsv(columns, rows, locale), ...blocks].join("\r\n\r\n");
}

export const CONTENT_TYPES: Record<TableFormat, string> = {
  csv: "text/csv; charset=utf-8",
  xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
};

/**
 * A table to download: its columns and rows, and the file's name without its extension; `locale`
 * when it is written for people in that language (headings, notes, decimal mark); `sections`, the
 * further tables that go with it.
 */
export type TableDownload = { columns: string[]; rows: Cell[][]; fileName: string; sheetName: string; locale?: Locale; sections?: TableSection[] };

/** A table as the file to download, in either format. */
export async function tableFile(table: TableDownload, format: TableFormat): Promise<{ body: Buffer; fileName: string; contentType: string }> {
  const sections = table.sections ?? [];
  const body =
    format === "csv"
      ? Buffer.from(writeCsvSections(table.columns, table.rows, sections, table.locale ?? null), "utf8")
      : await writeXlsx(table.sheetName, table.columns, table.rows, sections);
  return { body, fileName: `${table.fileName}.${format}`, contentType: CONTENT_TYPES[format] };
}

/** A table read a batch of rows at a time, and the file's name without its extension. */
export type TableBatches = { columns: string[]; batches: () => AsyncIterator<Cell[][]>; fileName: string; sheetName: string; locale?: Locale };

/** A table as the file to download, streamed: a large one never sits whole in memory, and the server answers others meanwhile. */
export function tableStream(table: TableBatches, format: TableFormat): { body: ReadableStream<Uint8Array>; fileName: string; contentType: string } {
  const body = format === "csv" ? streamCsv(table.columns, table.batches(), table.locale) : streamXlsx(table.sheetName, table.columns, table.batches());
  return { body, fileName: `${table.fileName}.${format}`, contentType: CONTENT_TYPES[format] };
}
