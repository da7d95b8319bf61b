// The import of a national table (lib/results/import-plan.ts), rule by rule with the exact message
// the officer reads, beyond tests/unit/results-import.test.ts. Tables are built directly: the file
// reader has tests of its own.
import { describe, expect, it } from "vitest";
import type { Table } from "@/lib/io/table-file";
import {
  componentColumn,
  diffResult,
  exportRow,
  fileYear,
  NOTE_MAX_LENGTH,
  OPTIONAL_COLUMNS,
  otherProvinceRule,
  planImport,
  REQUIRED_COLUMNS,
  sameUnitCode,
  SOURCE_MAX_LENGTH,
  type ImportContext,
  type ResultValues,
  type StoredResult,
} from "@/lib/results/import-plan";

const PAR = [
  { code: "APPRAISAL", nameVi: "Điểm thẩm định", maxPoints: 61.5 },
  { code: "SIPAS", nameVi: "Chỉ số hài lòng (SIPAS)", maxPoints: 10 },
];
const UNITS = [
  { id: 1, code: "01", nameVi: "Hà Nội" },
  { id: 22, code: "22", nameVi: "Quảng Ninh" },
  { id: 31, code: "31", nameVi: "Hải Phòng" },
];
const COLUMNS = ["year", "index", "unit_code", "score", "rank", "source"];

const context = (over: Partial<ImportContext> = {}): ImportContext => ({
  year: 2020,
  currentYear: 2026,
  indices: [
    { code: "PAR_INDEX", shortName: "PAR INDEX", subject: "PROVINCE", maxScore: 100, components: PAR, componentsAreAdditive: true },
    { code: "SIPAS", shortName: "SIPAS", subject: "PROVINCE", maxScore: 100, components: [], componentsAreAdditive: false },
    {
      code: "INTERNAL_PAR",
      shortName: "Chỉ số CCHC nội bộ",
      subject: "AGENCY",
      maxScore: 100,
      components: [],
      componentsAreAdditive: true,
    },
  ],
  componentCodes: ["APPRAISAL", "SIPAS", "TIEP_CAN"],
  units: UNITS,
  stored: [],
  mayWrite: () => true,
  ...over,
});
/** A table with these columns; each row's cells in the same order (header = row 1). */
const table = (columns: string[], ...rows: string[][]): Table => ({
  columns,
  rows: rows.map((cells, i) => ({ row: i + 2, values: Object.fromEntries(columns.map((column, j) => [column, cells[j] ?? ""])) })),
});
const good = (...over: [number, string][]) => {
  const cells = ["2020", "PAR_INDEX", "01", "88", "", "nguồn"];
  for (const [i, value] of over) cells[i] = value;
  return cells;
};
const issuesOf = (t: Table, over: Partial<ImportContext> = {}) => planImport(t, context(over)).issues;
const stored = (over: Partial<StoredResult> = {}): StoredResult => ({
  id: 9,
  indexCode: "PAR_INDEX",
  provinceId: 1,
  version: 0,
  score: 88,
  officialRank: null,
  source: "nguồn",
  note: null,
  components: {},
  ...over,
});

describe("the file's year", () => {
  it("is the first row's, when it is four digits and not in the future", () => {
    expect(fileYear(table(COLUMNS, good([0, " 2024 "])), 2026)).toBe(2024);
    expect(fileYear(table(COLUMNS, good([0, "2026"])), 2026)).toBe(2026);
    expect(fileYear(table(COLUMNS, good([0, "2027"])), 2026)).toBeNull();
    expect(fileYear(table(COLUMNS, good([0, "20240"])), 2026)).toBeNull();
    expect(fileYear(table(COLUMNS, good([0, "x2024"])), 2026)).toBeNull();
    expect(fileYear(table(COLUMNS), 2026)).toBeNull();
  });
});

describe("unit codes", () => {
  it("match exactly, or as numbers when both are digits (a spreadsheet turns 01 into 1)", () => {
    expect(sameUnitCode("01", "01")).toBe(true);
    expect(sameUnitCode("01", "1")).toBe(true);
    expect(sameUnitCode("01", "2")).toBe(false);
    expect(sameUnitCode("01", "1a")).toBe(false);
    expect(sameUnitCode("A1", "a1")).toBe(false);
  });

  it("a component's column is its code in lower case", () => {
    expect(componentColumn("LEADER_SURVEY")).toBe("leader_survey");
  });
});

describe("the header row", () => {
  it("names the required and optional columns", () => {
    expect(REQUIRED_COLUMNS).toEqual(["year", "index", "unit_code", "score", "rank", "source"]);
    expect(OPTIONAL_COLUMNS).toEqual(["unit_name", "note"]);
  });

  it("says which required column is missing, and what the header needs", () => {
    expect(issuesOf(table(["year", "index", "unit_code", "score", "rank"], ["2020", "PAR_INDEX", "01", "88", ""]))).toEqual([
      {
        row: 1,
        column: "source",
        message: 'Thiếu cột "source" ở dòng tiêu đề. Dòng tiêu đề cần có: year, index, unit_code, score, rank, source.',
      },
    ]);
  });

  it("refuses a column given twice", () => {
    expect(issuesOf(table([...COLUMNS, "note", "note"], [...good(), "a", "b"]))).toEqual([
      { row: 1, column: "note", message: 'Cột "note" xuất hiện hai lần ở dòng tiêu đề: giữ một cột.' },
    ]);
  });

  it("refuses an unknown column, listing the known ones", () => {
    expect(issuesOf(table([...COLUMNS, "apraisal"], [...good(), "50"]))).toEqual([
      {
        row: 1,
        column: "apraisal",
        message:
          'Cột "apraisal" không thuộc mẫu nhập. Các cột được dùng: year, index, unit_code, score, rank, source, unit_name, note và các cột thành phần (appraisal, sipas, tiep_can).',
      },
    ]);
  });

  it("ignores an unnamed column (a spreadsheet's empty trailing cell)", () => {
    expect(issuesOf(table([...COLUMNS, ""], [...good(), ""]))).toEqual([]);
  });

  it("takes unit_name and note, and the components of any national framework", () => {
    expect(issuesOf(table([...COLUMNS, "unit_name", "note", "tiep_can"], [...good([1, "SIPAS"]), "Hà Nội", "", ""]))).toEqual([]);
  });
});

describe("a file without data", () => {
  it("asks for one row per province", () => {
    expect(issuesOf(table(COLUMNS))).toEqual([{ row: 2, message: "Tệp chỉ có dòng tiêu đề: thêm mỗi tỉnh, thành phố một dòng kết quả." }]);
  });
});

describe("a row's year", () => {
  it("is given", () => {
    expect(issuesOf(table(COLUMNS, good(), good([0, " "], [2, "22"])))).toEqual([
      { row: 3, column: "year", message: "Thiếu năm (year): ghi năm của kết quả, ví dụ 2023." },
    ]);
  });
  it("has four digits", () => {
    expect(issuesOf(table(COLUMNS, good(), good([0, "20x0"], [2, "22"])))).toEqual([
      { row: 3, column: "year", message: 'Năm (year) "20x0" không hợp lệ: ghi 4 chữ số, ví dụ 2023.' },
    ]);
  });
  it("is not in the future, this year being allowed", () => {
    expect(issuesOf(table(COLUMNS, good([0, "2027"])), { year: null })).toContainEqual({
      row: 2,
      column: "year",
      message: "Năm 2027 là năm trong tương lai: chưa có kết quả công bố.",
    });
    expect(issuesOf(table(COLUMNS, good([0, "2026"])), { year: 2026 })).toEqual([]);
  });
});

describe("a row's index", () => {
  it("is given", () => {
    expect(issuesOf(table(COLUMNS, good([1, ""])))).toEqual([{ row: 2, column: "index", message: "Thiếu mã chỉ số (index): dùng PAR_INDEX, SIPAS." }]);
  });
  it("is read in any case, with spaces or dashes for underscores", () => {
    expect(issuesOf(table(COLUMNS, good([1, " par-index "]), good([1, "Par  Index"], [2, "22"])))).toEqual([]);
  });
  it("exists", () => {
    expect(issuesOf(table(COLUMNS, good([1, "PAPI"])))).toEqual([{ row: 2, column: "index", message: 'Không có chỉ số "PAPI": dùng PAR_INDEX, SIPAS.' }]);
  });
  it("ranks provinces", () => {
    expect(issuesOf(table(COLUMNS, good([1, "INTERNAL_PAR"])))).toEqual([
      { row: 2, column: "index", message: "Chỉ số INTERNAL_PAR không xếp hạng các tỉnh, thành phố: dùng PAR_INDEX, SIPAS." },
    ]);
  });
});

describe("a row's unit", () => {
  it("is given", () => {
    expect(issuesOf(table(COLUMNS, good([2, ""])))).toEqual([{ row: 2, column: "unit_code", message: "Thiếu mã tỉnh, thành phố (unit_code)." }]);
  });
  it("is a unit in force that year", () => {
    expect(issuesOf(table(COLUMNS, good([2, "99"])))).toEqual([
      {
        row: 2,
        column: "unit_code",
        message: 'Không có tỉnh, thành phố mã "99" trong năm 2020 (năm này có 3 đơn vị, theo mã tại ngày 31/12/2020).',
      },
    ]);
  });
  it("is looked up only once the file's year is known", () => {
    expect(issuesOf(table(COLUMNS, good([0, "20x0"], [2, "99"])), { year: null }).map((i) => i.column)).toEqual(["year"]);
  });
  it("appears once per index: 1 and 01 are the same unit", () => {
    expect(issuesOf(table(COLUMNS, good(), good([2, "1"]), good([1, "SIPAS"])))).toEqual([
      { row: 3, column: "unit_code", message: "Trùng với dòng 2: PAR INDEX của Hà Nội (mã 01) đã có trong tệp. Giữ một dòng." },
    ]);
  });
  it("an unknown code given twice is named as given", () => {
    expect(issuesOf(table(COLUMNS, good([2, "99"]), good([2, "99"])), { year: null })).toContainEqual({
      row: 3,
      column: "unit_code",
      message: "Trùng với dòng 2: PAR INDEX của mã 99 đã có trong tệp. Giữ một dòng.",
    });
  });
});

describe("a row's score and components", () => {
  it("the score is a number", () => {
    expect(issuesOf(table(COLUMNS, good([3, "abc"])))).toEqual([
      { row: 2, column: "score", message: 'Điểm (score) "abc" không phải là số: viết dạng 92,18 hoặc 92.18.' },
    ]);
  });
  it("a component is a number", () => {
    expect(issuesOf(table([...COLUMNS, "appraisal"], [...good(), "5x"]))).toEqual([
      { row: 2, column: "appraisal", message: 'Thành phần appraisal "5x" không phải là số: viết dạng 92,18 hoặc 92.18.' },
    ]);
  });
  it("a component belongs to the index's framework of that year", () => {
    expect(issuesOf(table([...COLUMNS, "tiep_can"], [...good(), "80"]))).toEqual([
      { row: 2, column: "tiep_can", message: 'PAR INDEX năm 2020 không có thành phần "tiep_can": để trống ô này.' },
    ]);
    expect(issuesOf(table([...COLUMNS, "tiep_can"], [...good([0, "2020"]), "80"]), { year: null })).toContainEqual({
      row: 2,
      column: "tiep_can",
      message: 'PAR INDEX năm 2020 không có thành phần "tiep_can": để trống ô này.',
    });
  });
  it("a component's problem with the total is reported in the component's column", () => {
    expect(issuesOf(table([...COLUMNS, "sipas"], [...good(), "11"]))).toEqual([
      { row: 2, column: "sipas", message: "Chỉ số hài lòng (SIPAS) phải từ 0 đến 10 điểm (đang là 11)." },
    ]);
  });
});

describe("a row's rank", () => {
  const message = 'Hạng (rank) "X" không hợp lệ: ghi số nguyên từ 1 đến 3 (số tỉnh, thành phố năm 2020), hoặc để trống nếu nguồn không công bố hạng.';
  it("is a whole number from 1 to the number of units that year", () => {
    for (const rank of ["0", "4", "1.5", "-1", "hai"]) {
      expect(issuesOf(table(COLUMNS, good([4, rank]))), rank).toEqual([{ row: 2, column: "rank", message: message.replace("X", rank) }]);
    }
    expect(issuesOf(table(COLUMNS, good([4, "3"])))).toEqual([]);
    expect(planImport(table(COLUMNS, good([4, "1"])), context()).rows[0].next.officialRank).toBe(1);
  });
  it("without the file's year, any whole number from 1", () => {
    expect(issuesOf(table(COLUMNS, good([0, "x"], [4, "0"])), { year: null })).toContainEqual({
      row: 2,
      column: "rank",
      message: 'Hạng (rank) "0" không hợp lệ: ghi số nguyên từ 1, hoặc để trống nếu nguồn không công bố hạng.',
    });
    expect(issuesOf(table(COLUMNS, good([0, "x"], [4, "64"])), { year: null }).map((i) => i.column)).toEqual(["year"]);
  });
});

describe("a row's source and note", () => {
  it("the source is given", () => {
    expect(issuesOf(table(COLUMNS, good([5, ""])))).toEqual([
      { row: 2, column: "source", message: "Thiếu nguồn (source): ghi nơi công bố kết quả, ví dụ địa chỉ bài báo hoặc số văn bản." },
    ]);
  });
  it("the source has at most 500 characters", () => {
    expect(SOURCE_MAX_LENGTH).toBe(500);
    expect(issuesOf(table(COLUMNS, good([5, "x".repeat(500)])))).toEqual([]);
    expect(issuesOf(table(COLUMNS, good([5, "x".repeat(501)])))).toEqual([
      { row: 2, column: "source", message: "Nguồn (source) dài 501 ký tự, tối đa 500: rút gọn lại." },
    ]);
  });
  it("the note has at most 1,000 characters", () => {
    expect(NOTE_MAX_LENGTH).toBe(1000);
    expect(issuesOf(table([...COLUMNS, "note"], [...good(), "x".repeat(1000)]))).toEqual([]);
    expect(issuesOf(table([...COLUMNS, "note"], [...good(), "x".repeat(1001)]))).toEqual([
      { row: 2, column: "note", message: "Ghi chú (note) dài 1001 ký tự, tối đa 1000: rút gọn lại." },
    ]);
  });
  it("an empty note cell clears the note; without a note column the stored note stays", () => {
    const kept = planImport(table(COLUMNS, good()), context({ stored: [stored({ note: "cũ" })] }));
    expect(kept.rows[0]).toMatchObject({ status: "unchanged", next: { note: "cũ" } });
    const cleared = planImport(table([...COLUMNS, "note"], [...good(), " "]), context({ stored: [stored({ note: "cũ" })] }));
    expect(cleared.rows[0]).toMatchObject({ status: "updated", changes: [{ column: "note", old: "cũ", new: null }] });
    expect(planImport(table([...COLUMNS, "note"], [...good(), " mới "]), context()).rows[0].next.note).toBe("mới");
  });
});

describe("what the import changes", () => {
  it("plans nothing when any row has a problem", () => {
    expect(planImport(table(COLUMNS, good(), good([2, "22"], [5, ""])), context()).rows).toEqual([]);
  });

  it("a component column left out keeps the stored component; a component given replaces it", () => {
    const plan = planImport(table([...COLUMNS, "sipas"], [...good([3, ""]), "9"]), context({ stored: [stored({ score: 60, components: { APPRAISAL: 51 } })] }));
    expect(plan.issues).toEqual([]);
    expect(plan.rows[0].next).toMatchObject({ score: 60, components: { APPRAISAL: 51, SIPAS: 9 } });
    expect(plan.rows[0].changes).toEqual([{ column: "sipas", old: null, new: 9 }]);
  });

  it("an empty cell in a component column removes the stored component", () => {
    const plan = planImport(table([...COLUMNS, "appraisal"], [...good(), ""]), context({ stored: [stored({ components: { APPRAISAL: 51 } })] }));
    expect(plan.rows[0].changes).toEqual([{ column: "appraisal", old: 51, new: null }]);
  });

  it("stored results are matched by index and unit", () => {
    const plan = planImport(table(COLUMNS, good()), context({ stored: [stored({ indexCode: "SIPAS", score: 80 }), stored({ provinceId: 22, score: 70 })] }));
    expect(plan.rows[0]).toMatchObject({
      status: "new",
      stored: null,
      changes: [
        { column: "score", old: null, new: 88 },
        { column: "source", old: null, new: "nguồn" },
      ],
    });
  });

  it("an unchanged row of another province is fine; a new or changed one needs the national table's permission, and says what would change", () => {
    const mayWrite = () => false;
    expect(planImport(table(COLUMNS, good()), context({ stored: [stored()], mayWrite })).rows.map((r) => r.status)).toEqual(["unchanged"]);
    const refused = planImport(
      table([...COLUMNS, "note"], [...good([3, "88.5"], [5, "x".repeat(70)]), ""]),
      context({ stored: [stored({ note: "ghi chú" })], mayWrite }),
    );
    expect(refused.issues).toEqual([
      {
        row: 2,
        column: "score",
        message: `${otherProvinceRule()} (Hà Nội, PAR INDEX 2020: score: 88 → 88,5; source: "nguồn" → "${"x".repeat(57)}…"; note: "ghi chú" → (trống)).`,
      },
    ]);
    expect(refused.rows).toEqual([]);
    const added = planImport(table(COLUMNS, good()), context({ mayWrite }));
    expect(added.issues).toEqual([{ row: 2, column: "unit_code", message: `${otherProvinceRule()} (Hà Nội, PAR INDEX 2020: chưa có kết quả).` }]);
    expect(otherProvinceRule()).toBe(
      "Chỉ quản trị hệ thống được nhập kết quả của tỉnh khác vào bảng toàn quốc: xóa dòng này khỏi tệp hoặc để nguyên giá trị đang lưu",
    );
  });

  it("every row is checked, and the plan lists them in file order", () => {
    const plan = planImport(table(COLUMNS, good([2, "22"]), good(), good([1, "SIPAS"], [3, "85.5"])), context());
    expect(plan.rows.map((r) => [r.row, r.indexCode, r.unitId, r.unitCode, r.unitName, r.status])).toEqual([
      [2, "PAR_INDEX", 22, "22", "Quảng Ninh", "new"],
      [3, "PAR_INDEX", 1, "01", "Hà Nội", "new"],
      [4, "SIPAS", 1, "01", "Hà Nội", "new"],
    ]);
  });
});

describe("the difference between a stored result and the file's", () => {
  const values = (over: Partial<ResultValues> = {}): ResultValues => ({
    score: 88,
    officialRank: 2,
    source: "s",
    note: null,
    components: { APPRAISAL: 50 },
    ...over,
  });

  it("compares numbers at the stored precision, two decimals", () => {
    expect(diffResult(values(), values({ score: 88.001, components: { APPRAISAL: 50.004 } }))).toEqual([]);
    expect(diffResult(values(), values({ score: 88.01 }))).toEqual([{ column: "score", old: 88, new: 88.01 }]);
  });

  it("lists every changed column, components by their column name", () => {
    expect(diffResult(values(), { score: 88, officialRank: null, source: "t", note: "n", components: { SIPAS: 9 } })).toEqual([
      { column: "rank", old: 2, new: null },
      { column: "source", old: "s", new: "t" },
      { column: "note", old: null, new: "n" },
      { column: "appraisal", old: 50, new: null },
      { column: "sipas", old: null, new: 9 },
    ]);
  });

  it("a new result lists its score, source and the rank and components it has", () => {
    expect(diffResult(null, values({ officialRank: null, components: {} }))).toEqual([
      { column: "score", old: null, new: 88 },
      { column: "source", old: null, new: "s" },
    ]);
    expect(diffResult(null, values({ note: "n" }))).toEqual([
      { column: "score", old: null, new: 88 },
      { column: "rank", old: null, new: 2 },
      { column: "source", old: null, new: "s" },
      { column: "note", old: null, new: "n" },
      { column: "appraisal", old: null, new: 50 },
    ]);
  });
});

describe("an exported row", () => {
  it("keeps numbers as numbers in XLSX and leaves a missing component empty", () => {
    expect(
      exportRow(
        2020,
        "PAR_INDEX",
        { code: "01", nameVi: "Hà Nội" },
        { score: 88.5, officialRank: null, source: "s", note: "n", components: { SIPAS: 9 } },
        PAR,
        "xlsx",
      ),
    ).toEqual([2020, "PAR_INDEX", "01", "Hà Nội", 88.5, null, "s", null, 9, "n"]);
  });
});

describe("a rank published without a score (issue 16)", () => {
  it("is imported with no score, its components kept, and never given a score", () => {
    const plan = planImport(table([...COLUMNS, "appraisal"], good([3, ""], [4, "2"], [6, "50.5"])), context());
    expect(plan.issues).toEqual([]);
    expect(plan.rows[0].next).toMatchObject({ score: null, officialRank: 2, components: { APPRAISAL: 50.5 } });
    expect(plan.rows[0].changes).toContainEqual({ column: "score", old: null, new: null });
  });

  it("needs the rank: a row with neither score nor rank is refused, naming the score", () => {
    const issues = issuesOf(table(COLUMNS, good([3, ""])));
    expect(issues).toEqual([
      {
        row: 2,
        column: "score",
        message: "Thiếu điểm tổng của PAR INDEX năm 2020: nhập điểm hoặc nhập đủ 2 thành phần (Điểm thẩm định, Chỉ số hài lòng (SIPAS)) để tính tổng.",
      },
    ]);
  });

  it("is exported with an empty score cell", () => {
    const values: ResultValues = { score: null, officialRank: 10, source: "nguồn", note: null, components: {} };
    expect(exportRow(2020, "PAR_INDEX", UNITS[0], values, PAR, "csv").slice(4, 6)).toEqual([null, 10]);
  });
});
