import { describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/policy";
import { readTable } from "@/lib/io/table-file";
import { mayOnUnit } from "@/lib/auth/reach";
import { parseDecimal, resolveTotal } from "@/lib/results/components";
import { unitAndPredecessors, unitAndSuccessors } from "@/lib/units/lineage";
import { exportColumns, exportRow, fileYear, otherProvinceRule, planImport, type ImportContext, type StoredResult } from "@/lib/results/import-plan";

const PAR_COMPONENTS = [
  { code: "APPRAISAL", nameVi: "Điểm thẩm định", maxPoints: 61.5 },
  { code: "SIPAS", nameVi: "Chỉ số hài lòng (SIPAS)", maxPoints: 10 },
  { code: "LEADER_SURVEY", nameVi: "Điều tra xã hội học lãnh đạo, quản lý", maxPoints: 22 },
  { code: "SOCIO_ECONOMIC", nameVi: "Tác động đến phát triển KT-XH", maxPoints: 6.5 },
];
const SIPAS_ELEMENTS = ["TIEP_CAN", "TTHC", "CONG_CHUC", "KET_QUA", "GOP_Y"].map((code) => ({ code, nameVi: code, maxPoints: 100 }));

const units = [
  { id: 1, code: "01", nameVi: "Hà Nội" },
  { id: 22, code: "22", nameVi: "Quảng Ninh" },
  { id: 89, code: "89", nameVi: "An Giang" },
  { id: 91, code: "91", nameVi: "Kiên Giang" },
  { id: 2, code: "02", nameVi: "Hà Giang" },
  { id: 4, code: "04", nameVi: "Cao Bằng" },
  { id: 6, code: "06", nameVi: "Bắc Kạn" },
  { id: 8, code: "08", nameVi: "Tuyên Quang" },
];

function context(overrides: Partial<ImportContext> = {}): ImportContext {
  return {
    year: 2020,
    currentYear: 2026,
    indices: [
      {
        code: "PAR_INDEX",
        shortName: "PAR INDEX",
        subject: "PROVINCE",
        maxScore: 100,
        components: PAR_COMPONENTS,
        componentsAreAdditive: true,
      },
      { code: "SIPAS", shortName: "SIPAS", subject: "PROVINCE", maxScore: 100, components: SIPAS_ELEMENTS, componentsAreAdditive: false },
      {
        code: "INTERNAL_PAR",
        shortName: "Chỉ số CCHC nội bộ",
        subject: "AGENCY",
        maxScore: 100,
        components: [],
        componentsAreAdditive: true,
      },
    ],
    componentCodes: [...PAR_COMPONENTS, ...SIPAS_ELEMENTS, { code: "CHINH_SACH" }].map((c) => c.code),
    units,
    stored: [],
    mayWrite: () => true,
    ...overrides,
  };
}

const csv = (text: string) => readTable(Buffer.from(`${text.trim()}\n`), "csv");
const HEADER = "year,index,unit_code,score,rank,source";

async function plan(text: string, overrides: Partial<ImportContext> = {}) {
  const table = await csv(text);
  return planImport(table, context({ year: fileYear(table, 2026), ...overrides }));
}

describe("parseDecimal", () => {
  it("reads dot and Vietnamese comma decimals, and empty as no value", () => {
    expect(parseDecimal("92.18")).toEqual({ ok: true, value: 92.18 });
    expect(parseDecimal(" 92,18 ")).toEqual({ ok: true, value: 92.18 });
    expect(parseDecimal("")).toEqual({ ok: true, value: null });
    expect(parseDecimal("92.18000000000001")).toEqual({ ok: true, value: 92.18 });
  });
  it("refuses text, thousands separators and more than two decimals", () => {
    expect(parseDecimal("abc").ok).toBe(false);
    expect(parseDecimal("1.234,5").ok).toBe(false);
    expect(parseDecimal("92.185")).toMatchObject({ ok: false, message: expect.stringContaining("2 chữ số thập phân") });
  });
});

describe("resolveTotal", () => {
  const par = { defs: PAR_COMPONENTS, additive: true, maxScore: 100, label: "PAR INDEX năm 2020" };
  const all = { APPRAISAL: 55.25, SIPAS: 8.5, LEADER_SURVEY: 18.75, SOCIO_ECONOMIC: 5.5 }; // = 88.00

  it("takes the sum of the components when the total is missing", () => {
    expect(resolveTotal({ ...par, score: null, components: all })).toEqual({ ok: true, score: 88 });
  });
  it("accepts a total within 0.02 of the sum (published components are rounded) and refuses one further away", () => {
    expect(resolveTotal({ ...par, score: 88.02, components: all })).toEqual({ ok: true, score: 88.02 });
    expect(resolveTotal({ ...par, score: 87.98, components: all })).toEqual({ ok: true, score: 87.98 });
    const refused = resolveTotal({ ...par, score: 88.03, components: all });
    expect(refused).toMatchObject({
      ok: false,
      issues: [{ key: "score", message: expect.stringContaining("khác tổng các thành phần 88") }],
    });
  });
  it("refuses a component above its maximum, naming it", () => {
    const refused = resolveTotal({ ...par, score: null, components: { ...all, APPRAISAL: 62 } });
    expect(refused).toMatchObject({
      ok: false,
      issues: [{ key: "APPRAISAL", message: "Điểm thẩm định phải từ 0 đến 61,5 điểm (đang là 62)." }],
    });
  });
  it("needs a total when only some components are given, and refuses parts that add up to more than it", () => {
    expect(resolveTotal({ ...par, score: null, components: { SIPAS: 8 } })).toMatchObject({ ok: false, issues: [{ key: "score" }] });
    expect(resolveTotal({ ...par, score: 80, components: { SIPAS: 8 } })).toEqual({ ok: true, score: 80 });
    expect(resolveTotal({ ...par, score: 50, components: { APPRAISAL: 45, SIPAS: 8 } })).toMatchObject({ ok: false });
  });
  it("never sums SIPAS elements: they are percentages of their own", () => {
    const sipas = { defs: SIPAS_ELEMENTS, additive: false, maxScore: 100, label: "SIPAS năm 2020" };
    expect(resolveTotal({ ...sipas, score: 85.1, components: { TIEP_CAN: 83, TTHC: 84 } })).toEqual({ ok: true, score: 85.1 });
    expect(resolveTotal({ ...sipas, score: null, components: { TIEP_CAN: 83 } })).toMatchObject({ ok: false, issues: [{ key: "score" }] });
  });
});

describe("planImport", () => {
  it("plans a valid table: new rows, a Vietnamese decimal comma, a total summed from the components", async () => {
    const result = await plan(`
year,index,unit_code,score,rank,source,appraisal,sipas,leader_survey,socio_economic
2020,PAR_INDEX,22,"91,04",1,nguồn A,,,,
2020,PAR_INDEX,01,,2,nguồn A,55.25,8.5,18.75,5.5
2020,SIPAS,1,85.5,,nguồn B,,,,`);
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => [r.row, r.unitName, r.status, r.next.score])).toEqual([
      [2, "Quảng Ninh", "new", 91.04],
      [3, "Hà Nội", "new", 88],
      [4, "Hà Nội", "new", 85.5], // "1" as a spreadsheet writes "01"
    ]);
    expect(result.rows[1].next.components).toEqual({ APPRAISAL: 55.25, SIPAS: 8.5, LEADER_SURVEY: 18.75, SOCIO_ECONOMIC: 5.5 });
  });

  it("names the missing header columns and checks nothing else", async () => {
    const result = await plan("year,index,unit_code,score\n2020,PAR_INDEX,22,90");
    expect(result.issues).toEqual([
      { row: 1, column: "rank", message: expect.stringContaining('Thiếu cột "rank"') },
      { row: 1, column: "source", message: expect.stringContaining('Thiếu cột "source"') },
    ]);
  });

  it("refuses an unknown column (a typo would otherwise drop data)", async () => {
    const result = await plan(`${HEADER},apraisal\n2020,PAR_INDEX,22,90,,nguồn,50`);
    expect(result.issues).toEqual([{ row: 1, column: "apraisal", message: expect.stringContaining("không thuộc mẫu nhập") }]);
  });

  it("reports every error kind with its row and column, in Vietnamese", async () => {
    const result = await plan(`
${HEADER},appraisal,sipas,leader_survey,socio_economic
2020,PAR_INDEX,22,90.5,1,nguồn,,,,
2021,PAR_INDEX,01,88,,nguồn,,,,
2020,PAR_INDEX,99,88,,nguồn,,,,
2020,KHONG_CO,01,88,,nguồn,,,,
2020,INTERNAL_PAR,01,88,,nguồn,,,,
2020,PAR_INDEX,02,100.5,,nguồn,,,,
2020,PAR_INDEX,04,abc,,nguồn,,,,
2020,PAR_INDEX,06,80,5,,,,,
2020,PAR_INDEX,08,80,0,nguồn,,,,
2020,SIPAS,22,85,,nguồn,40,,,
2020,SIPAS,01,85,,nguồn,,,,
2020,PAR_INDEX,22,91,,nguồn,,,,
2020,SIPAS,89,80,9,nguồn,,,,`);
    expect(result.rows).toEqual([]);
    expect(result.issues.map((i) => [i.row, i.column])).toEqual([
      [3, "year"],
      [4, "unit_code"],
      [5, "index"],
      [6, "index"],
      [7, "score"],
      [8, "score"],
      [9, "source"],
      [10, "rank"],
      [11, "appraisal"],
      [13, "unit_code"],
      [14, "rank"],
    ]);
    const message = (row: number) => result.issues.find((i) => i.row === row)!.message;
    expect(message(3)).toBe("Năm 2021 khác năm 2020 của dòng 2: mỗi tệp chỉ chứa kết quả của một năm.");
    expect(message(4)).toContain('Không có tỉnh, thành phố mã "99" trong năm 2020');
    expect(message(5)).toContain('Không có chỉ số "KHONG_CO"');
    expect(message(6)).toContain("không xếp hạng các tỉnh, thành phố");
    expect(message(7)).toBe("Điểm tổng phải từ 0 đến 100 (đang là 100,5).");
    expect(message(8)).toContain('"abc" không phải là số');
    expect(message(9)).toContain("Thiếu nguồn");
    expect(message(10)).toContain("từ 1 đến 8 (số tỉnh, thành phố năm 2020)");
    expect(message(11)).toContain('SIPAS năm 2020 không có thành phần "appraisal"');
    expect(message(13)).toBe("Trùng với dòng 2: PAR INDEX của Quảng Ninh (mã 22) đã có trong tệp. Giữ một dòng.");
  });

  it("refuses a component above its maximum and a total far from the sum of its components", async () => {
    const result = await plan(`
${HEADER},appraisal,sipas,leader_survey,socio_economic
2020,PAR_INDEX,01,,,nguồn,62,8,18,5
2020,PAR_INDEX,22,88.10,,nguồn,55.25,8.5,18.75,5.5
2020,PAR_INDEX,89,88.02,,nguồn,55.25,8.5,18.75,5.5
2020,PAR_INDEX,91,-1,,nguồn,,,,`);
    expect(result.issues.map((i) => [i.row, i.column])).toEqual([
      [2, "appraisal"],
      [3, "score"],
      [5, "score"],
    ]);
    expect(result.issues[1].message).toContain("chênh 0,1");
  });

  it("refuses a year in the future and a malformed year", async () => {
    const future = await plan(`${HEADER}\n2030,PAR_INDEX,01,88,,nguồn`);
    expect(future.issues).toEqual([{ row: 2, column: "year", message: "Năm 2030 là năm trong tương lai: chưa có kết quả công bố." }]);
    const malformed = await plan(`${HEADER}\n20x0,PAR_INDEX,01,88,,nguồn`);
    expect(malformed.issues[0]).toMatchObject({ row: 2, column: "year" });
  });

  const stored = (overrides: Partial<StoredResult> = {}): StoredResult => ({
    id: 500,
    indexCode: "PAR_INDEX",
    provinceId: 1,
    version: 0,
    score: 88,
    officialRank: 2,
    source: "nguồn A",
    note: null,
    components: {},
    ...overrides,
  });

  it("tells new, updated and unchanged rows apart and lists the changes", async () => {
    const result = await plan(
      `
${HEADER}
2020,PAR_INDEX,01,88.00,2,nguồn A
2020,PAR_INDEX,22,"90,5",1,nguồn A`,
      { stored: [stored(), stored({ id: 501, provinceId: 22, score: 90, officialRank: null })] },
    );
    expect(result.issues).toEqual([]);
    expect(result.rows.map((r) => [r.unitCode, r.status])).toEqual([
      ["01", "unchanged"],
      ["22", "updated"],
    ]);
    expect(result.rows[1].changes).toEqual([
      { column: "score", old: 90, new: 90.5 },
      { column: "rank", old: null, new: 1 },
    ]);
  });

  it("keeps stored components whose columns the file does not have, and checks the new total against them", async () => {
    const components = { APPRAISAL: 55.25, SIPAS: 8.5, LEADER_SURVEY: 18.75, SOCIO_ECONOMIC: 5.5 };
    const same = await plan(`${HEADER}\n2020,PAR_INDEX,01,88,2,nguồn A`, { stored: [stored({ components })] });
    expect(same.rows[0]).toMatchObject({ status: "unchanged", next: { components } });
    const moved = await plan(`${HEADER}\n2020,PAR_INDEX,01,89,2,nguồn A`, { stored: [stored({ components })] });
    expect(moved.issues).toEqual([{ row: 2, column: "score", message: expect.stringContaining("khác tổng các thành phần 88") }]);
  });

  // Issue 11, item 10: rows of other provinces need the national table's own permission
  // (results.importNational, administrators), new rows as much as changed ones.
  it("lets a province's staff write only their own province's rows; rows of other provinces pass only unchanged", async () => {
    const mayWrite = (unit: { id: number }) => unit.id === 89;
    const stores = { stored: [stored(), stored({ id: 502, provinceId: 89, score: 79 })], mayWrite };
    const result = await plan(
      `
${HEADER}
2020,PAR_INDEX,01,88.5,2,nguồn A
2020,PAR_INDEX,22,91,1,nguồn A
2020,PAR_INDEX,89,80,,nguồn A`,
      stores,
    );
    expect(result.rows).toEqual([]);
    expect(result.issues).toEqual([
      { row: 2, column: "score", message: expect.stringContaining(otherProvinceRule()) },
      { row: 3, column: "unit_code", message: expect.stringContaining(otherProvinceRule()) },
    ]);
    expect(result.issues[0].message).toContain("Hà Nội");

    const own = await plan(`${HEADER}\n2020,PAR_INDEX,01,88,2,nguồn A\n2020,PAR_INDEX,89,80,,nguồn A`, stores);
    expect(own.rows.map((r) => r.status)).toEqual(["unchanged", "updated"]);
    const national = await plan(`${HEADER}\n2020,PAR_INDEX,01,88,2,nguồn A\n2020,PAR_INDEX,22,91,1,nguồn A\n2020,PAR_INDEX,89,80,,nguồn A`, {
      ...stores,
      mayWrite: () => true,
    });
    expect(national.rows.map((r) => r.status)).toEqual(["unchanged", "new", "updated"]);
  });
});

describe("export rows", () => {
  it("write the import's columns with the framework's components and '.' decimals in CSV", () => {
    expect(exportColumns(PAR_COMPONENTS)).toEqual([
      "year",
      "index",
      "unit_code",
      "unit_name",
      "score",
      "rank",
      "source",
      "appraisal",
      "sipas",
      "leader_survey",
      "socio_economic",
      "note",
    ]);
    const values = { score: 90.1, officialRank: 3, source: "=nguồn", note: null, components: { APPRAISAL: 55 } };
    expect(exportRow(2020, "PAR_INDEX", { code: "01", nameVi: "Hà Nội" }, values, PAR_COMPONENTS, "csv")).toEqual([
      2020,
      "PAR_INDEX",
      "01",
      "Hà Nội",
      "90.10",
      3,
      "=nguồn",
      "55.00",
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("who may write a unit's results", () => {
  // New An Giang (id 200) was formed from old An Giang (89) and Kiên Giang (91).
  const links = [
    { predecessorId: 89, successorId: 200 },
    { predecessorId: 91, successorId: 200 },
    { predecessorId: 22, successorId: 222 },
  ];
  const actor = (role: Actor["role"], provinceId: number | null): Actor => ({
    id: 1,
    email: "x@demo.local",
    name: "x",
    role,
    provinceId,
    provinceName: null,
    agencyId: null,
    agencyName: null,
  });

  it("follows the lineage both ways", () => {
    expect(unitAndSuccessors(89, links)).toEqual([89, 200]);
    expect(unitAndPredecessors(200, links).sort((a, b) => a - b)).toEqual([89, 91, 200]);
  });
  it("lets Home Affairs staff of a new province write the results of the old units it was formed from, and nothing else", () => {
    const noivu = actor("HOME_AFFAIRS", 200);
    expect([200, 89, 91, 22, 222].map((id) => mayOnUnit(noivu, "results.write", id, links))).toEqual([true, true, true, false, false]);
    expect(mayOnUnit(actor("ADMIN", null), "results.write", 22, links)).toBe(true);
    expect(mayOnUnit(actor("LEADER", 200), "results.write", 200, links)).toBe(false);
  });
});
