// The first worksheet of an XLSX file as rows of cell texts, read within fixed bounds whatever the
// file holds. An XLSX file is a ZIP archive of XML parts; a crafted one can inflate a few
// megabytes into gigabytes (issue 11, item 1). So: the archive's central directory is read first
// (number of parts, declared sizes) and the file is refused before anything is inflated when it
// is out of bounds; only the parts the first sheet needs are inflated, each checked against its
// declared size while it inflates (yauzl stops a part that lies); the XML is parsed as it streams
// (saxes), with caps on rows, columns, cell length and shared strings. Inflating runs in Node's
// thread pool and parsing in small chunks, so the server keeps answering during a large import.
import type { Readable } from "node:stream";
import { SaxesParser, type SaxesTagPlain } from "saxes";
import yauzl, { type Entry, type ZipFile } from "yauzl";
import { ValidationError } from "@/lib/errors";
import { libFormat, libTranslator } from "@/lib/i18n/lib-translator";

export const XLSX_LIMITS = {
  /** Parts in the archive (a workbook of a few sheets has about twenty). */
  entries: 2_000,
  /** Uncompressed size of the worksheet read, of the shared strings and of any other part read. */
  sheetBytes: 256 * 1024 * 1024,
  sharedStringBytes: 64 * 1024 * 1024,
  partBytes: 8 * 1024 * 1024,
  rows: 300_000,
  columns: 200,
  /** Excel's own limit on the text of one cell. */
  cellChars: 32_767,
};

const MB = (bytes: number) => String(Math.round(bytes / 1024 / 1024));
const refused = (message: string) => new ValidationError([{ row: 1, message }]);
const files = () => libTranslator("errors.files");
/** Numbers of the limits as the language writes them (32.767 · 32,767). */
const count = (n: number) => libFormat().integer(n);
const unreadable = () => refused(files()("xlsxUnreadable"));
const tooLong = () => refused(files()("xlsxCellTooLong", { max: count(XLSX_LIMITS.cellChars) }));

/** Called with each row that has a cell, in the file's order: its number and its cells' texts by 0-based column (a hole where a cell is absent). */
export type SheetRowHandler = (row: number, cells: string[]) => void;

function openZip(data: Buffer): Promise<ZipFile> {
  return new Promise((resolve, reject) =>
    yauzl.fromBuffer(data, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (error, zip) =>
      error || !zip ? reject(error) : resolve(zip),
    ),
  );
}

function readEntries(zip: ZipFile): Promise<Map<string, Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, Entry>();
    zip.on("entry", (entry: Entry) => {
      entries.set(entry.fileName.replace(/^\/+/, ""), entry);
      zip.readEntry();
    });
    zip.on("end", () => resolve(entries));
    zip.on("error", reject);
    zip.readEntry();
  });
}

type PartHandlers = { open?: (tag: SaxesTagPlain) => void; text?: (value: string) => void; close?: (tag: SaxesTagPlain) => void };

// The parser hands a text over only when the next tag starts: a part fed without tags (one
// enormous cell, attribute or comment) would grow in memory until then. A stretch this long
// without a tag is no spreadsheet (a cell holds at most 32,767 characters).
const TAGLESS_CHARS = 256 * 1024;
const SLICE_CHARS = 64 * 1024;

/**
 * Streams a part through a SAX parser. `limit` is checked against the declared size before
 * anything is inflated, and yauzl holds the part to what it declared while it inflates.
 */
async function parsePart(zip: ZipFile, entry: Entry, limit: number, what: string, handlers: PartHandlers): Promise<void> {
  if (entry.uncompressedSize > limit) throw refused(files()("xlsxPartTooLarge", { part: what, size: MB(entry.uncompressedSize), limit: MB(limit) }));
  const stream = await new Promise<Readable>((resolve, reject) => zip.openReadStream(entry, (error, s) => (error || !s ? reject(error) : resolve(s))));
  const parser = new SaxesParser();
  let lastTag = 0;
  parser.on("opentag", (tag) => {
    lastTag = parser.position;
    handlers.open?.(tag);
  });
  parser.on("text", (value) => handlers.text?.(value));
  parser.on("closetag", (tag) => {
    lastTag = parser.position;
    handlers.close?.(tag);
  });
  const decoder = new TextDecoder("utf-8");
  const feed = (text: string) => {
    for (let at = 0; at < text.length; at += SLICE_CHARS) {
      parser.write(text.slice(at, at + SLICE_CHARS));
      if (parser.position - lastTag > TAGLESS_CHARS) throw tooLong();
    }
  };
  try {
    for await (const chunk of stream) feed(decoder.decode(chunk as Buffer, { stream: true }));
    feed(decoder.decode());
    parser.close();
  } finally {
    // A part refused halfway stops inflating.
    stream.destroy();
  }
}

const localName = (name: string) => name.slice(name.indexOf(":") + 1);

/** "xl/" + "worksheets/sheet1.xml", "/xl/worksheets/sheet1.xml", "../xl/…" → the part's name in the archive. */
function resolvePart(target: string): string {
  const parts = (target.startsWith("/") ? target.slice(1) : `xl/${target}`).split("/");
  const out: string[] = [];
  for (const part of parts) {
    if (part === "..") out.pop();
    else if (part !== "." && part !== "") out.push(part);
  }
  return out.join("/");
}

/** Column of a cell reference: "B7" → 2, "AA1" → 27. */
function columnOf(ref: string): number {
  let column = 0;
  for (const ch of ref.toUpperCase()) {
    const code = ch.charCodeAt(0);
    if (code < 65 || code > 90) break;
    column = column * 26 + code - 64;
  }
  return column;
}

// Number formats that show a date: the built-in ones, and any with date characters outside
// quoted text and [brackets] (what exceljs judges; its reader returned a Date for those).
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);
const isDateFormat = (code: string) => /[ymdhsb]/i.test(code.replace(/\[[^\]]*]/g, "").replace(/"[^"]*"/g, ""));

/** An Excel date serial as "YYYY-MM-DD" (what the import reads from a date cell). */
function serialDate(serial: number, date1904: boolean): string {
  const date = new Date(Math.round((serial - (date1904 ? -1462 : 25569)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? String(serial) : date.toISOString().slice(0, 10);
}

/**
 * The text as a string of its own. The parser's texts are views into the chunk of XML they were cut
 * from (V8 keeps a substring that way): kept in a table, each would hold its whole chunk, and the
 * rows of a large file would hold the sheet's XML in memory. Short strings are copies already.
 */
const own = (text: string) => (text.length > 12 ? ` ${text}`.slice(1) : text);

/**
 * Text of the <t> elements inside a <si> (shared string) or <is> (inline string), without
 * phonetic runs (<rPh>). Fed by the parser's handlers (saxes takes one handler per event).
 */
class StringText {
  private depth = { container: false, phonetic: false, text: false };
  private text = "";
  constructor(
    private readonly container: "si" | "is",
    private readonly done: (text: string) => void,
  ) {}
  open(name: string) {
    if (name === this.container) {
      this.depth.container = true;
      this.text = "";
    } else if (name === "rPh") this.depth.phonetic = true;
    else if (name === "t" && this.depth.container && !this.depth.phonetic) this.depth.text = true;
  }
  add(value: string) {
    if (!this.depth.text) return;
    this.text += value;
    if (this.text.length > XLSX_LIMITS.cellChars) throw tooLong();
  }
  close(name: string) {
    if (name === "t") this.depth.text = false;
    else if (name === "rPh") this.depth.phonetic = false;
    else if (name === this.container && this.depth.container) {
      this.depth.container = false;
      this.done(own(this.text));
    }
  }
}

/**
 * The cells of the workbook's first worksheet (in the order the workbook lists its sheets), handed
 * to `onRow` a row at a time as the sheet streams: no model of the sheet is built here.
 */
export async function readFirstSheet(data: Buffer, onRow: SheetRowHandler): Promise<void> {
  let zip: ZipFile;
  try {
    zip = await openZip(data);
  } catch {
    throw unreadable();
  }
  try {
    if (zip.entryCount > XLSX_LIMITS.entries) {
      throw refused(files()("xlsxTooManyParts", { count: count(zip.entryCount), max: count(XLSX_LIMITS.entries) }));
    }
    const entries = await readEntries(zip);
    const part = (name: string) => entries.get(name);

    // xl/workbook.xml names the sheets in order; its relationships say which part each one is.
    const workbook = part("xl/workbook.xml");
    const rels = part("xl/_rels/workbook.xml.rels");
    if (!workbook || !rels) throw unreadable();
    let firstSheetId: string | null = null;
    let date1904 = false;
    await parsePart(zip, workbook, XLSX_LIMITS.partBytes, "workbook.xml", {
      open(tag) {
        const name = localName(tag.name);
        if (name === "workbookPr") date1904 = ["1", "true"].includes(String(tag.attributes.date1904 ?? ""));
        if (name === "sheet" && firstSheetId === null) {
          firstSheetId = Object.entries(tag.attributes).find(([key]) => key.includes(":") && localName(key) === "id")?.[1] ?? null;
        }
      },
    });
    const targets = new Map<string, string>();
    let sharedStringsPart: string | null = null;
    let stylesPart: string | null = null;
    await parsePart(zip, rels, XLSX_LIMITS.partBytes, "workbook.xml.rels", {
      open(tag) {
        if (localName(tag.name) !== "Relationship") return;
        const target = resolvePart(String(tag.attributes.Target ?? ""));
        const type = String(tag.attributes.Type ?? "");
        targets.set(String(tag.attributes.Id ?? ""), target);
        if (type.endsWith("/sharedStrings")) sharedStringsPart = target;
        if (type.endsWith("/styles")) stylesPart = target;
      },
    });
    const sheet = firstSheetId === null ? undefined : part(targets.get(firstSheetId) ?? "");
    if (!sheet) throw refused(files()("xlsxNoSheet"));

    // Which cell styles show dates.
    const dateStyles = new Set<number>();
    const styles = stylesPart ? part(stylesPart) : undefined;
    if (styles) {
      const customDates = new Set<number>();
      let inCellXfs = false;
      let xf = 0;
      await parsePart(zip, styles, XLSX_LIMITS.partBytes, "styles.xml", {
        open(tag) {
          const name = localName(tag.name);
          if (name === "numFmt" && isDateFormat(String(tag.attributes.formatCode ?? ""))) customDates.add(Number(tag.attributes.numFmtId));
          else if (name === "cellXfs") inCellXfs = true;
          else if (name === "xf" && inCellXfs) {
            const format = Number(tag.attributes.numFmtId ?? 0);
            if (BUILT_IN_DATES.has(format) || customDates.has(format)) dateStyles.add(xf);
            xf++;
          }
        },
        close(tag) {
          if (localName(tag.name) === "cellXfs") inCellXfs = false;
        },
      });
    }

    const sharedStrings: string[] = [];
    const shared = sharedStringsPart ? part(sharedStringsPart) : undefined;
    if (shared) {
      const strings = new StringText("si", (text) => sharedStrings.push(text));
      await parsePart(zip, shared, XLSX_LIMITS.sharedStringBytes, "sharedStrings.xml", {
        open: (tag) => strings.open(localName(tag.name)),
        text: (value) => strings.add(value),
        close: (tag) => strings.close(localName(tag.name)),
      });
    }

    let rowCount = 0;
    let rowNumber = 0;
    let cells: string[] | null = null;
    let column = 0;
    let cell: { type: string; style: number; value: string | null; inValue: boolean } | null = null;
    const inline = new StringText("is", (text) => {
      if (cell) cell.value = text;
    });
    await parsePart(zip, sheet, XLSX_LIMITS.sheetBytes, files()("xlsxSheetPart"), {
      open(tag) {
        const name = localName(tag.name);
        inline.open(name);
        if (name === "c" && cells) {
          column = tag.attributes.r ? columnOf(String(tag.attributes.r)) : column + 1;
          if (column > XLSX_LIMITS.columns)
            throw refused(files()("xlsxTooManyColumns", { row: String(rowNumber), column: String(column), max: String(XLSX_LIMITS.columns) }));
          cell = { type: String(tag.attributes.t ?? "n"), style: Number(tag.attributes.s ?? 0), value: null, inValue: false };
        } else if (name === "v" && cell) {
          cell.inValue = true;
          cell.value = "";
        } else if (name === "row") {
          rowNumber = tag.attributes.r ? Number(tag.attributes.r) : rowNumber + 1;
          if (!Number.isSafeInteger(rowNumber) || rowNumber < 1) throw unreadable();
          if (rowCount >= XLSX_LIMITS.rows) throw refused(files()("xlsxTooManyRows", { max: count(XLSX_LIMITS.rows) }));
          cells = [];
          column = 0;
        }
      },
      text(value) {
        inline.add(value);
        if (!cell?.inValue) return;
        cell.value += value;
        if (cell.value!.length > XLSX_LIMITS.cellChars) throw tooLong();
      },
      close(tag) {
        const name = localName(tag.name);
        inline.close(name);
        if (name === "v" && cell) cell.inValue = false;
        else if (name === "c" && cell && cells) {
          // A reference without a column letter names no column the import reads.
          if (column >= 1) cells[column - 1] = cellText(cell.type, cell.value, dateStyles.has(cell.style), date1904, sharedStrings);
          cell = null;
        } else if (name === "row" && cells) {
          if (cells.length > 0) {
            rowCount++;
            onRow(rowNumber, cells);
          }
          cells = null;
        }
      },
    });
  } catch (error) {
    if (error instanceof ValidationError) throw error;
    throw unreadable();
  } finally {
    zip.close();
  }
}

/** What the import reads from a cell: a formula's cached result (never the formula), TRUE/FALSE, nothing for an error. */
function cellText(type: string, value: string | null, dateStyle: boolean, date1904: boolean, sharedStrings: readonly string[]): string {
  if (value === null) return "";
  switch (type) {
    case "s":
      return sharedStrings[Number(value)] ?? "";
    case "inlineStr":
      return value;
    case "str":
      return own(value);
    case "b":
      return Number(value) !== 0 ? "TRUE" : "FALSE";
    case "e":
      return "";
    case "d":
      return value.slice(0, 10);
    default: {
      const number = parseFloat(value);
      if (Number.isNaN(number)) return own(value);
      return dateStyle ? serialDate(number, date1904) : String(number);
    }
  }
}
