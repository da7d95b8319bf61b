// Property-based tests of the import parsers and the export writers with generated files:
// random bytes, cut and overwritten XLSX archives, CSV with broken quotes and uneven rows,
// huge cells, formula cells (`=cmd|' /C calc'!A0`), Vietnamese and mixed Unicode.
// - readTable, planImport (national results), planScoreImport (internal scores), the criteria
//   tree reader: never throw anything but a ValidationError whose issues each say where (row, or
//   the file as a whole) and what, in Vietnamese; an accepted plan only holds values in range.
// - protectCell / writeCsv / writeXlsx: user text never becomes a formula, and export → import
//   gives the same text back.
// FUZZ_RUNS (npm run fuzz: 10,000) sets every property's count; the defaults keep `npm test` quick.
import ExcelJS from "exceljs";
import fc from "fast-check";
import Papa from "papaparse";
import { describe, expect, it } from "vitest";
import { SCORE_COLUMNS, planScoreImport, type ScoreTarget } from "@/lib/assessments/scores-file";
import { appraisalRound } from "@/lib/assessments/workflow";
import { ValidationError, type Issue } from "@/lib/errors";
import { readTreeFile, rowsFromTable, TREE_COLUMNS } from "@/lib/frameworks/io";
import { LEVELS, METHODS } from "@/lib/frameworks/labels";
import { protectCell, readTable, unprotectCell, writeCsv, writeXlsx, type Table } from "@/lib/io/table-file";
import { fileYear, planImport, REQUIRED_COLUMNS, type ImportContext, type StoredResult } from "@/lib/results/import-plan";
import { cellText as fieldText, formulaText, fuzzRuns, isClearMessage } from "../../scripts/lib/fuzz/arbitraries";
import {
  csvText,
  damaged,
  FORMULA_MARK,
  randomBytes,
  RESULT_CELLS,
  RESULT_COLUMNS,
  SCORE_CELLS,
  tableOf,
  TREE_CELLS,
  workbookSpec,
  writeWorkbook,
} from "../../scripts/lib/fuzz/table-files";

// npm test: 2,000 inputs per property (200 generated workbooks, ~20 ms each to write and read
// back); npm run fuzz: FUZZ_RUNS=10000 for all.
const FAST = fuzzRuns(2_000);
const SLOW = fuzzRuns(200);
const timeout = 300_000;

/** The issues of a rejected file: each says where (a row, or the file as a whole) and what, clearly. */
function expectGoodIssues(issues: readonly Issue[], columns: readonly string[] = []) {
  expect(issues.length).toBeGreaterThan(0);
  for (const issue of issues) {
    const where = (Number.isInteger(issue.row) && issue.row! >= 1) || issue.field === "file";
    if (!where) throw new Error(`issue without a row: ${JSON.stringify(issue)}`);
    if (issue.column !== undefined && typeof issue.column !== "string") throw new Error(`column is not a name: ${JSON.stringify(issue)}`);
    if (!isClearMessage(issue.message, columns)) throw new Error(`unclear message: ${JSON.stringify(issue.message)}`);
  }
}

/** Runs a parser: its value, or the issues of the ValidationError it threw (anything else fails the property). */
async function outcome<T>(work: () => Promise<T> | T): Promise<{ ok: true; value: T } | { ok: false; issues: Issue[] }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof ValidationError) return { ok: false, issues: error.issues };
    throw new Error(`threw ${(error as Error)?.constructor?.name}: ${(error as Error)?.message}`);
  }
}

function expectTableShape(table: Table) {
  expect(table.columns.every((c) => typeof c === "string")).toBe(true);
  let previous = 1;
  for (const { row, values } of table.rows) {
    expect(row).toBeGreaterThan(previous);
    previous = row;
    for (const value of Object.values(values)) expect(typeof value).toBe("string");
  }
}

// ───────────────────────── readTable ─────────────────────────

describe("readTable with generated files", () => {
  const columns = [...REQUIRED_COLUMNS, "note", "appraisal"];

  it("CSV: text with broken quotes, uneven rows, mixed line ends, huge cells, random bytes", { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          csvText(columns).map((text) => Buffer.from(text)),
          randomBytes,
        ),
        async (bytes) => {
          const read = await outcome(() => readTable(bytes, "csv"));
          if (read.ok) expectTableShape(read.value);
          else expectGoodIssues(read.issues);
        },
      ),
      { numRuns: FAST },
    );
  });

  it("XLSX: random bytes, and valid files cut short or overwritten", { timeout }, async () => {
    const valid = await writeWorkbook({
      header: [...columns],
      rows: [
        [
          { kind: "value", value: "2023" },
          { kind: "value", value: "PAR_INDEX" },
        ],
      ],
      sheets: 1,
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(randomBytes, damaged(valid)), async (bytes) => {
        const read = await outcome(() => readTable(bytes, "xlsx"));
        if (read.ok) expectTableShape(read.value);
        else expectGoodIssues(read.issues);
      }),
      { numRuns: FAST },
    );
  });

  it("XLSX: generated workbooks with formula, rich-text, link, error, date cells — a formula is never read as its text", {
    timeout,
  }, async () => {
    await fc.assert(
      fc.asyncProperty(workbookSpec(columns), async (spec) => {
        const read = await outcome(async () => readTable(await writeWorkbook(spec), "xlsx"));
        if (!read.ok) return expectGoodIssues(read.issues);
        expectTableShape(read.value);
        for (const { values } of read.value.rows) for (const value of Object.values(values)) expect(value).not.toMatch(FORMULA_MARK);
      }),
      { numRuns: SLOW },
    );
  });
});

// ───────────────────────── National results: planImport ─────────────────────────

const PAR = [
  { code: "APPRAISAL", nameVi: "Điểm thẩm định", maxPoints: 61.5 },
  { code: "SIPAS", nameVi: "Chỉ số hài lòng (SIPAS)", maxPoints: 10 },
  { code: "LEADER_SURVEY", nameVi: "Điều tra xã hội học", maxPoints: 22 },
  { code: "SOCIO_ECONOMIC", nameVi: "Tác động KT-XH", maxPoints: 6.5 },
];
const UNITS = Array.from({ length: 63 }, (_, i) => ({ id: i + 1, code: String(i + 1).padStart(2, "0"), nameVi: `Tỉnh số ${i + 1}` }));
const STORED: StoredResult[] = [
  {
    id: 1,
    indexCode: "PAR_INDEX",
    provinceId: 22,
    version: 0,
    score: 90.27,
    officialRank: 1,
    source: "Bộ Nội vụ",
    note: null,
    components: { APPRAISAL: 55 },
  },
];

function resultsContext(table: Table, mayChange: boolean): ImportContext {
  return {
    year: fileYear(table, 2026),
    currentYear: 2026,
    indices: [
      { code: "PAR_INDEX", shortName: "PAR INDEX", subject: "PROVINCE", maxScore: 100, components: PAR, componentsAreAdditive: true },
      { code: "SIPAS", shortName: "SIPAS", subject: "PROVINCE", maxScore: 100, components: [], componentsAreAdditive: false },
      { code: "INTERNAL_PAR", shortName: "CCHC nội bộ", subject: "AGENCY", maxScore: 100, components: [], componentsAreAdditive: true },
    ],
    componentCodes: PAR.map((c) => c.code),
    units: UNITS,
    stored: STORED,
    mayWrite: () => mayChange,
  };
}

describe("planImport (national results table) with generated tables", () => {
  it("never throws; a rejection names row, column and problem; an accepted plan is in range", { timeout }, async () => {
    const tables = fc.oneof(
      { weight: 3, arbitrary: tableOf(RESULT_COLUMNS, RESULT_CELLS) },
      { weight: 1, arbitrary: csvText(RESULT_COLUMNS).map((text) => ({ text })) },
    );
    await fc.assert(
      fc.asyncProperty(tables, fc.boolean(), async (input, mayChange) => {
        let table: Table;
        if ("text" in input) {
          const read = await outcome(() => readTable(Buffer.from(input.text), "csv"));
          if (!read.ok) return expectGoodIssues(read.issues);
          table = read.value;
        } else table = input;
        const ctx = resultsContext(table, mayChange);
        const plan = planImport(table, ctx);
        if (plan.issues.length > 0) {
          expectGoodIssues(plan.issues, table.columns);
          expect(plan.rows).toEqual([]);
          return;
        }
        expect(plan.rows.length).toBe(table.rows.length);
        for (const row of plan.rows) {
          expect(UNITS.some((u) => u.id === row.unitId)).toBe(true);
          // A source may publish the rank alone (no score); then the rank must be there.
          if (row.next.score === null) expect(row.next.officialRank).not.toBeNull();
          else {
            expect(row.next.score).toBeGreaterThanOrEqual(0);
            expect(row.next.score).toBeLessThanOrEqual(100);
          }
          if (row.next.officialRank !== null) expect(row.next.officialRank).toBeGreaterThanOrEqual(1);
          expect(row.next.officialRank ?? 1).toBeLessThanOrEqual(UNITS.length);
          expect(row.next.source.trim()).not.toBe("");
          for (const [code, value] of Object.entries(row.next.components)) {
            const def = PAR.find((c) => c.code === code)!;
            expect(value).toBeGreaterThanOrEqual(0);
            expect(value).toBeLessThanOrEqual(def.maxPoints);
          }
        }
      }),
      { numRuns: FAST },
    );
  });
});

// ───────────────────────── Internal scores: planScoreImport ─────────────────────────

const STATUSES = ["DRAFT", "SUBMITTED", "ROUND1", "EXPLANATION_REQUESTED", "ROUND2", "FINALIZED"] as const;
const target = fc.record({
  status: fc.constantFrom(...STATUSES),
  maxPoints: fc.constantFrom(0.5, 1, 2, 2.5, 10),
  selfScorable: fc.boolean(),
  notApplicable: fc.boolean(),
  selfScoringOpen: fc.boolean(),
  selfScore: fc.option(fc.constantFrom(0, 0.5, 1, 2), { nil: null }),
  selfComment: fc.option(fc.constantFrom("Đã thực hiện", ""), { nil: null }),
  round1Score: fc.option(fc.constantFrom(0, 1), { nil: null }),
  round1Comment: fc.option(fc.constant("Đạt"), { nil: null }),
  round2Score: fc.option(fc.constantFrom(0, 1), { nil: null }),
  round2Comment: fc.option(fc.constant("Đạt"), { nil: null }),
});

describe("planScoreImport (internal scores file) with generated rows", () => {
  it("never throws; a rejection names row and problem; an accepted change is allowed and in range", { timeout }, () => {
    fc.assert(
      fc.property(
        tableOf([...SCORE_COLUMNS], SCORE_CELLS),
        fc.dictionary(fc.constantFrom("STP|1.1.1", "STP|1.1.2", "SNV|1.1.1"), target),
        fc.boolean(),
        fc.boolean(),
        (table, specs, maySelf, mayAppraise) => {
          const targets = new Map<string, ScoreTarget>(
            Object.entries(specs).map(([key, spec], i) => {
              const [agencyCode, code] = key.split("|");
              return [key, { ...spec, criterionScoreId: i + 1, assessmentId: 1, agencyCode, code, version: 0 }];
            }),
          );
          const result = planScoreImport(
            table.columns,
            table.rows,
            (agency, code) => targets.get(`${agency}|${code}`) ?? (["STP", "SNV"].includes(agency) ? "unknown-code" : "unknown-agency"),
            (_agency, kind) => (kind === "self" ? maySelf : mayAppraise),
          );
          if (result.issues.length > 0) {
            expectGoodIssues(result.issues, table.columns);
            expect(result.changes).toEqual([]);
            return;
          }
          for (const change of result.changes) {
            if (change.score !== null) {
              expect(change.score).toBeGreaterThanOrEqual(0);
              expect(change.score).toBeLessThanOrEqual(change.target.maxPoints);
            }
            if (change.kind === "self") expect(change.target.selfScoringOpen && maySelf).toBe(true);
            else expect(mayAppraise && appraisalRound(change.target.status) === (change.kind === "round1" ? 1 : 2)).toBe(true);
          }
        },
      ),
      { numRuns: FAST },
    );
  });
});

// ───────────────────────── Criteria tree files ─────────────────────────

describe("criteria tree files with generated content", () => {
  it("rowsFromTable: never throws; problems name the row; accepted rows use known levels and methods", { timeout }, () => {
    fc.assert(
      fc.property(tableOf([...TREE_COLUMNS], TREE_CELLS), (table) => {
        const { rows, issues } = rowsFromTable(table);
        if (issues.length > 0) return expectGoodIssues(issues, table.columns);
        expect(rows.length).toBe(table.rows.length);
        for (const row of rows) {
          expect(row.level === null || (LEVELS as readonly string[]).includes(row.level)).toBe(true);
          expect((METHODS as readonly string[]).includes(row.method)).toBe(true);
          // A number (too large ones are refused by the tree rules) or empty, never NaN.
          expect(row.maxPoints === null || !Number.isNaN(row.maxPoints)).toBe(true);
        }
      }),
      { numRuns: FAST },
    );
  });

  it("readTreeFile: any bytes under any name give rows or a ValidationError", { timeout }, async () => {
    const files = fc.tuple(
      fc.constantFrom("cay.csv", "cay.xlsx", "cay.CSV", "cay.txt", "cay", ".xlsx", "../../etc/passwd.csv"),
      fc.oneof(
        csvText([...TREE_COLUMNS], fieldText).map((text) => Buffer.from(text)),
        randomBytes,
        fc.constant(Buffer.alloc(0)),
      ),
    );
    await fc.assert(
      fc.asyncProperty(files, async ([name, bytes]) => {
        const read = await outcome(() => readTreeFile(name, bytes));
        if (!read.ok) expectGoodIssues(read.issues, [...TREE_COLUMNS]);
      }),
      { numRuns: FAST },
    );
  });
});

// ───────────────────────── Export: no formula, same text back ─────────────────────────

const FORMULA_START = /^[=+\-@\t\r]/;
const PROTECTED = /^'+[=+\-@\t\r]/;
/**
 * Text as the database may hold it (PostgreSQL text has no NUL and no lone surrogate): any
 * Unicode, often formula-like, sometimes already starting with apostrophes.
 */
const storedText = fc
  .oneof(
    { weight: 3, arbitrary: fieldText },
    { weight: 3, arbitrary: formulaText },
    { weight: 1, arbitrary: fc.tuple(fc.constantFrom("'", "''", "'\t"), formulaText).map(([a, b]) => a + b) },
  )
  .map((text) => text.slice(0, 5_000).toWellFormed().replaceAll("\u0000", ""));

/**
 * What the import gives back: the same text, except the spaces around a cell (the import trims
 * cells, but keeps a protected cell's leading tab or CR) and, in XLSX, what XML cannot hold
 * (control characters; CR is read as LF).
 */
function readBack(text: string, format: "csv" | "xlsx"): string {
  const t = format === "xlsx" ? text.replace(/\r\n?/g, "\n").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g, "") : text;
  return FORMULA_START.test(t) || PROTECTED.test(t) ? t.trimEnd() : t.trim();
}

describe("export of user text", () => {
  it("protectCell: the cell never starts a formula, and unprotectCell gives the text back (without surrounding spaces)", () => {
    fc.assert(
      fc.property(fc.oneof(storedText, fieldText), (text) => {
        const cell = protectCell(text);
        // Only a cell of spaces alone may start with a tab or CR: nothing to run.
        if (FORMULA_START.test(cell)) expect(cell.trim()).toBe("");
        expect(unprotectCell(cell.trim())).toBe(readBack(text, "csv"));
      }),
      { numRuns: FAST },
    );
  });

  it("writeCsv: every cell a spreadsheet reads is protected, and readTable returns the same text", { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(storedText, { minLength: 1, maxLength: 4 }), async (texts) => {
        const columns = texts.map((_, i) => `c${i}`);
        const csv = writeCsv(columns, [texts, [...texts].reverse()]);
        const cells = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ""), { skipEmptyLines: "greedy" })
          .data.slice(1)
          .flat();
        for (const cell of cells) if (FORMULA_START.test(cell)) expect(cell.trim()).toBe("");
        const back = await readTable(Buffer.from(csv), "csv");
        const expected = Object.fromEntries(columns.map((c, i) => [c, readBack(texts[i], "csv")]));
        // A row of empty cells is no row at all.
        expect(back.rows[0]?.values ?? Object.fromEntries(columns.map((c) => [c, ""]))).toEqual(expected);
      }),
      { numRuns: FAST },
    );
  });

  it("writeXlsx: no cell is a formula, text cells are protected, and readTable returns the same text", { timeout }, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof({ weight: 4, arbitrary: storedText }, { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }) }), {
          minLength: 1,
          maxLength: 4,
        }),
        async (cells) => {
          const columns = cells.map((_, i) => `c${i}`);
          const file = await writeXlsx("Kiểm thử", columns, [cells]);
          const workbook = new ExcelJS.Workbook();
          await workbook.xlsx.load(file as unknown as ArrayBuffer);
          workbook.worksheets[0].eachRow((row) =>
            row.eachCell((cell) => {
              expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
              expect(cell.formula).toBeFalsy();
              if (typeof cell.value === "string" && FORMULA_START.test(cell.value)) expect(cell.value.trim()).toBe("");
            }),
          );
          const back = await readTable(file, "xlsx");
          const expected = Object.fromEntries(
            columns.map((c, i) => [c, typeof cells[i] === "number" ? String(cells[i]) : readBack(cells[i] as string, "xlsx")]),
          );
          expect(back.rows[0]?.values ?? Object.fromEntries(columns.map((c) => [c, ""]))).toEqual(expected);
        },
      ),
      { numRuns: SLOW },
    );
  });
});
