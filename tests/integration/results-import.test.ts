import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/exports/results/route";
import { ConflictError, ForbiddenError, UnauthenticatedError, ValidationError } from "@/lib/errors";
import { readTable, writeCsv, writeXlsx } from "@/lib/io/table-file";
import { importResults, saveResult } from "@/lib/results/mutations";
import { exportResultsTable, getProvinceResults, getRanking, getResultEntry } from "@/lib/results/queries";
import type { ResultEntryInput } from "@/lib/results/schema";
import { actorFor } from "../support/actors";
import { testDb } from "../support/db";

const csvFile = (text: string, name = "bang-ket-qua.csv") => ({ name, bytes: Buffer.from(`${text.trim()}\n`) });
const HEADER = "year,index,unit_code,score,rank,source,appraisal,sipas,leader_survey,socio_economic";

async function snapshot() {
  const [results, components, audit] = await Promise.all([
    testDb.publishedResult.findMany({ orderBy: { id: "asc" } }),
    testDb.resultComponent.count(),
    testDb.auditLog.count(),
  ]);
  return { results: JSON.stringify(results), components, audit };
}

async function rejection(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}

async function result2020(code: string, indexCode = "PAR_INDEX") {
  return testDb.publishedResult.findFirst({
    where: { indexCode, year: 2020, province: { code, validTo: { not: null } } },
    include: { components: true, province: true },
  });
}

describe("import of a national table", () => {
  const table2020 = `
${HEADER}
2020,PAR_INDEX,22,"90,27",1,Bộ Nội vụ: Báo cáo PAR INDEX 2020 (kiểm thử),,,,
2020,PAR_INDEX,48,,2,Bộ Nội vụ: Báo cáo PAR INDEX 2020 (kiểm thử),54.75,8.9,19.6,5.9
2020,PAR_INDEX,89,82.5,,Bộ Nội vụ: Báo cáo PAR INDEX 2020 (kiểm thử),,,,`;

  it("previews a dry run without writing anything", async () => {
    const admin = await actorFor("quantri@demo.local");
    const before = await snapshot();
    const outcome = await importResults(admin, csvFile(table2020), { dryRun: true });
    expect(outcome).toMatchObject({ dryRun: true, year: 2020, summary: { new: 3, updated: 0, unchanged: 0 } });
    expect(outcome.rows.map((r) => [r.row, r.unitCode, r.unitName, r.status, r.score])).toEqual([
      [2, "22", "Quảng Ninh", "new", 90.27],
      [3, "48", "Đà Nẵng", "new", 89.15],
      [4, "89", "An Giang", "new", 82.5],
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("writes a valid table with its components, audits every row, and then ranks it", async () => {
    // The national table, rows of several provinces: an administrator's (README, "Published results").
    const admin = await actorFor("quantri@demo.local");
    const outcome = await importResults(admin, csvFile(table2020), { dryRun: false });
    expect(outcome.summary).toEqual({ new: 3, updated: 0, unchanged: 0 });
    const daNang = await result2020("48");
    expect(Number(daNang?.score)).toBe(89.15); // the sum of its components
    expect(Object.fromEntries(daNang!.components.map((c) => [c.code, Number(c.value)]))).toEqual({
      APPRAISAL: 54.75,
      SIPAS: 8.9,
      LEADER_SURVEY: 19.6,
      SOCIO_ECONOMIC: 5.9,
    });
    const audit = await testDb.auditLog.findMany({ where: { action: "publishedResult.import", entityId: String(daNang!.id) } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorEmail: "quantri@demo.local",
      oldValue: null,
      newValue: expect.objectContaining({ score: 89.15, year: 2020 }),
    });

    const ranking = await getRanking("PAR_INDEX", 2020);
    expect(ranking.items.map((i) => [i.unitName, i.rank])).toEqual([
      ["Quảng Ninh", 1],
      ["Đà Nẵng", 2],
      ["An Giang", null],
    ]);
    expect(ranking.items[2]).toMatchObject({ rankMin: 3, rankMax: 63 });
  });

  it("updates a changed row with a new version and audits old and new values; unchanged rows stay as they are", async () => {
    const admin = await actorFor("quantri@demo.local");
    const before = await result2020("22");
    const changed = table2020.replace('"90,27",1', "90.31,1");
    const outcome = await importResults(admin, csvFile(changed), { dryRun: false });
    expect(outcome.summary).toEqual({ new: 0, updated: 1, unchanged: 2 });
    expect(outcome.rows[0].changes).toEqual([{ column: "score", old: 90.27, new: 90.31 }]);
    const after = await result2020("22");
    expect(after).toMatchObject({ version: before!.version + 1 });
    const audit = await testDb.auditLog.findFirstOrThrow({
      where: { entityId: String(after!.id), actorEmail: "quantri@demo.local" },
      orderBy: { id: "desc" },
    });
    expect(audit.oldValue).toMatchObject({ score: 90.27 });
    expect(audit.newValue).toMatchObject({ score: 90.31 });
  });

  it("rejects a file with one bad row among good ones as a whole, reporting every error by row and column", async () => {
    const admin = await actorFor("quantri@demo.local");
    const before = await snapshot();
    const bad = `
${HEADER}
2020,PAR_INDEX,01,88.1,,nguồn,,,,
2020,PAR_INDEX,31,,,nguồn,62,8,18,5
2020,PAR_INDEX,79,87.2,64,nguồn,,,,
2020,PAR_INDEX,01,88.1,,nguồn,,,,
2019,PAR_INDEX,80,85,,nguồn,,,,`;
    const error = await rejection(importResults(admin, csvFile(bad), { dryRun: false }));
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain("4 lỗi");
    expect((error as ValidationError).issues).toEqual([
      { row: 3, column: "appraisal", message: "Điểm thẩm định phải từ 0 đến 61,5 điểm (đang là 62)." },
      { row: 4, column: "rank", message: expect.stringContaining("từ 1 đến 63") },
      { row: 5, column: "unit_code", message: expect.stringContaining("Trùng với dòng 2") },
      { row: 6, column: "year", message: expect.stringContaining("khác năm 2020") },
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it("resolves unit codes for the year: 91 is Kiên Giang in 2020 and An Giang in 2025", async () => {
    const admin = await actorFor("quantri@demo.local");
    const old = await importResults(admin, csvFile(`${HEADER}\n2020,SIPAS,91,80.1,,nguồn,,,,`), { dryRun: true });
    expect(old.rows[0].unitName).toBe("Kiên Giang");
    const merged = await importResults(admin, csvFile(`${HEADER}\n2025,SIPAS,91,80.1,,nguồn,,,,`), { dryRun: true });
    expect(merged.rows[0].unitName).toBe("An Giang");
    const gone = await rejection(importResults(admin, csvFile(`${HEADER}\n2025,SIPAS,89,80.1,,nguồn,,,,`), { dryRun: true }));
    expect((gone as ValidationError).issues).toEqual([
      {
        row: 2,
        column: "unit_code",
        message: expect.stringContaining('Không có tỉnh, thành phố mã "89" trong năm 2025 (năm này có 34 đơn vị'),
      },
    ]);
  });

  it("names the missing header columns", async () => {
    const admin = await actorFor("quantri@demo.local");
    const error = await rejection(importResults(admin, csvFile("year,index,unit_code,score\n2020,PAR_INDEX,01,80"), { dryRun: true }));
    expect((error as ValidationError).issues.map((i) => i.column)).toEqual(["rank", "source"]);
  });

  it("refuses a file that is neither CSV nor XLSX", async () => {
    const admin = await actorFor("quantri@demo.local");
    const error = await rejection(importResults(admin, { name: "bang.txt", bytes: Buffer.from("x") }, { dryRun: true }));
    expect((error as ValidationError).issues[0].message).toContain("không phải CSV hoặc XLSX");
  });
});

describe("export → import", () => {
  it("round-trips the seeded PAR INDEX 2023 table through CSV and XLSX with every row unchanged", async () => {
    const admin = await actorFor("quantri@demo.local");
    const csv = await exportResultsTable("PAR_INDEX", 2023, "csv");
    expect(csv.columns).toEqual([
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
    expect(csv.rows[0]).toEqual([2023, "PAR_INDEX", "22", "Quảng Ninh", "92.18", 1, expect.stringContaining("baochinhphu.vn"), null, null, null, null, null]);
    const fromCsv = await importResults(admin, { name: "a.csv", bytes: Buffer.from(writeCsv(csv.columns, csv.rows)) }, { dryRun: true });
    expect(fromCsv.summary).toEqual({ new: 0, updated: 0, unchanged: 19 });

    const xlsx = await exportResultsTable("PAR_INDEX", 2023, "xlsx");
    const fromXlsx = await importResults(admin, { name: "a.xlsx", bytes: await writeXlsx(xlsx.sheetName, xlsx.columns, xlsx.rows) }, { dryRun: true });
    expect(fromXlsx.summary).toEqual({ new: 0, updated: 0, unchanged: 19 });
  });

  it("round-trips components, notes and text that looks like a formula", async () => {
    const admin = await actorFor("quantri@demo.local");
    await importResults(admin, csvFile(`${HEADER},note\n2020,PAR_INDEX,30,,5,=HYPERLINK(nguồn),55.1,8.22,19.03,5.6,"ghi chú, có dấu phẩy"`), { dryRun: false });
    const before = await snapshot();
    for (const format of ["csv", "xlsx"] as const) {
      const table = await exportResultsTable("PAR_INDEX", 2020, format);
      const bytes = format === "csv" ? Buffer.from(writeCsv(table.columns, table.rows)) : await writeXlsx(table.sheetName, table.columns, table.rows);
      if (format === "csv") expect(bytes.toString("utf8")).toContain("'=HYPERLINK(nguồn)");
      const outcome = await importResults(admin, { name: `a.${format}`, bytes }, { dryRun: false });
      expect(outcome.summary.new + outcome.summary.updated).toBe(0);
      expect(outcome.summary.unchanged).toBe(table.rows.length);
    }
    expect(await snapshot()).toEqual(before);
    const haiDuong = await result2020("30");
    expect(haiDuong).toMatchObject({ source: "=HYPERLINK(nguồn)", note: "ghi chú, có dấu phẩy" });
    expect(Number(haiDuong!.score)).toBe(87.95);
  });

  it("serves the export over HTTP as a file, public like the ranking", async () => {
    const response = await exportRoute(new NextRequest("http://localhost/api/v1/exports/results?index=SIPAS&year=2020&format=csv"));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("ket-qua-SIPAS-2020.csv");
    const table = await readTable(Buffer.from(await response.arrayBuffer()), "csv");
    expect(table.columns).toEqual([
      "year",
      "index",
      "unit_code",
      "unit_name",
      "score",
      "rank",
      "source",
      "tiep_can",
      "tthc",
      "cong_chuc",
      "ket_qua",
      "gop_y",
      "note",
    ]);
    expect(table.rows[0].values).toMatchObject({ unit_code: "22", score: "95.76", rank: "1" });
    const xlsx = await exportRoute(new NextRequest("http://localhost/api/v1/exports/results?index=SIPAS&year=2020&format=xlsx"));
    expect(xlsx.headers.get("content-type")).toContain("spreadsheetml");
    const bad = await exportRoute(new NextRequest("http://localhost/api/v1/exports/results?index=SIPAS&year=2020&format=pdf"));
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain("csv hoặc xlsx");
  });
});

describe("who may import", () => {
  it("lets Home Affairs staff write their own province's rows, and refuses rows of other provinces, new or changed (issue 11, item 10)", async () => {
    const noivu = await actorFor("noivu@demo.local");
    const before = await snapshot();
    // PAR INDEX 2023: Quảng Ninh 92.18 is seeded, Khánh Hòa is not; An Giang (89) is an old unit of noivu's province.
    const otherRows = `${HEADER}\n2023,PAR_INDEX,22,92.5,1,nguồn khác,,,,\n2023,PAR_INDEX,56,88,,nguồn,,,,\n2023,PAR_INDEX,89,84.1,,nguồn,,,,`;
    const error = await rejection(importResults(noivu, csvFile(otherRows), { dryRun: false }));
    expect((error as ValidationError).issues).toEqual([
      { row: 2, column: "score", message: expect.stringMatching(/^Chỉ quản trị hệ thống được nhập kết quả của tỉnh khác .*\(Quảng Ninh/) },
      { row: 3, column: "unit_code", message: expect.stringMatching(/^Chỉ quản trị hệ thống được nhập kết quả của tỉnh khác .*\(Khánh Hòa/) },
    ]);
    expect(await snapshot()).toEqual(before);

    const adds = `${HEADER}\n2023,PAR_INDEX,22,92.18,1,en.baochinhphu.vn/moj-quang-ninh-province-lead-public-administrative-reform-index-111240417164329841.htm,,,,\n2023,PAR_INDEX,89,84.1,,nguồn,,,,\n2023,PAR_INDEX,91,83.2,,nguồn,,,,`;
    // Kiên Giang (91) has no 2023 row; the old An Giang's (89, seeded 81,32) is its own to correct.
    const added = await importResults(noivu, csvFile(adds), { dryRun: false });
    expect(added.summary).toEqual({ new: 1, updated: 1, unchanged: 1 });

    // A row of another province that changes nothing (the table as exported) passes; their own (old) units may change.
    const own = await importResults(noivu, csvFile(adds.replace("84.1", "84.3")), { dryRun: false });
    expect(own.summary).toEqual({ new: 0, updated: 1, unchanged: 2 });
  });

  it.each(["lanhdao@demo.local", "thutruong@demo.local"])("forbids %s and changes nothing", async (email) => {
    const actor = await actorFor(email);
    const before = await snapshot();
    const error = await rejection(importResults(actor, csvFile(`${HEADER}\n2020,PAR_INDEX,01,80,,nguồn,,,,`), { dryRun: false }));
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(await snapshot()).toEqual(before);
  });

  it("asks a signed-out caller to sign in", async () => {
    await expect(importResults(null, csvFile(`${HEADER}\n2020,PAR_INDEX,01,80,,nguồn,,,,`), { dryRun: true })).rejects.toBeInstanceOf(UnauthenticatedError);
  });
});

describe("entry form", () => {
  const entry = (overrides: Partial<ResultEntryInput> = {}): ResultEntryInput => ({
    id: "",
    version: "",
    indexCode: "PAR_INDEX",
    year: "2022",
    provinceId: "",
    score: "",
    officialRank: "",
    source: "Quyết định công bố PAR INDEX 2022 (kiểm thử)",
    note: "",
    components: {},
    fieldScores: {},
    ...overrides,
  });
  const unit = async (code: string, old = true) =>
    String((await testDb.province.findFirstOrThrow({ where: { code, validTo: old ? { not: null } : null } })).id);

  it("computes the total as the sum of the components when it is missing, with field scores", async () => {
    const noivu = await actorFor("noivu@demo.local");
    const field = await testDb.criterion.findFirstOrThrow({
      where: { level: "FIELD", code: "3", framework: { key: "par-index-provincial", version: 2 } },
    });
    const saved = await saveResult(
      noivu,
      entry({
        provinceId: await unit("89"),
        officialRank: "12",
        components: { APPRAISAL: "53,25", SIPAS: "8.41", LEADER_SURVEY: "18,9", SOCIO_ECONOMIC: "5.2" },
        fieldScores: { [field.id]: "11,5" },
      }),
    );
    expect(saved).toMatchObject({ created: true, version: 0 });
    const stored = await testDb.publishedResult.findUniqueOrThrow({
      where: { id: saved.id },
      include: { components: true, criterionScores: true },
    });
    expect(Number(stored.score)).toBe(85.76);
    expect(stored.components).toHaveLength(4);
    expect(stored.criterionScores.map((c) => Number(c.score))).toEqual([11.5]);
    const audit = await testDb.auditLog.findFirstOrThrow({ where: { action: "publishedResult.create", entityId: String(saved.id) } });
    expect(audit.newValue).toMatchObject({ score: 85.76, officialRank: 12 });
  });

  it("refuses a total more than 0.02 away from its components, and a component above its maximum", async () => {
    const admin = await actorFor("quantri@demo.local");
    const provinceId = await unit("01");
    const far = await rejection(
      saveResult(
        admin,
        entry({
          provinceId,
          score: "85.80",
          components: { APPRAISAL: "53.25", SIPAS: "8.41", LEADER_SURVEY: "18.9", SOCIO_ECONOMIC: "5.2" },
        }),
      ),
    );
    expect((far as ValidationError).issues).toEqual([{ field: "score", message: expect.stringContaining("Điểm tổng 85,8 khác tổng các thành phần 85,76") }]);
    const near = await saveResult(
      admin,
      entry({
        provinceId: await unit("02"),
        score: "85.78",
        components: { APPRAISAL: "53.25", SIPAS: "8.41", LEADER_SURVEY: "18.9", SOCIO_ECONOMIC: "5.2" },
      }),
    );
    expect(near.created).toBe(true);
    const above = await rejection(
      saveResult(admin, entry({ provinceId, components: { APPRAISAL: "53.25", SIPAS: "10.5", LEADER_SURVEY: "18.9", SOCIO_ECONOMIC: "5.2" } })),
    );
    expect((above as ValidationError).issues).toEqual([
      { field: "components.SIPAS", message: "Chỉ số hài lòng (SIPAS) phải từ 0 đến 10 điểm (đang là 10,5)." },
    ]);
    const rank = await rejection(saveResult(admin, entry({ provinceId, score: "80", officialRank: "64" })));
    expect((rank as ValidationError).issues).toEqual([{ field: "officialRank", message: expect.stringContaining("từ 1 đến 63") }]);
    const future = await rejection(saveResult(admin, entry({ year: "2099", provinceId: await unit("01", false), score: "80" })));
    expect((future as ValidationError).issues).toContainEqual({
      field: "year",
      message: "Năm 2099 chưa đến: chưa có kết quả công bố để nhập.",
    });
    const wrongUnit = await rejection(saveResult(admin, entry({ provinceId: await unit("91", false), score: "80" })));
    expect((wrongUnit as ValidationError).issues[0]).toMatchObject({
      field: "provinceId",
      message: expect.stringContaining("không phải đơn vị của năm 2022"),
    });
  });

  it("refuses a stale version with the current value, and saves with the current one", async () => {
    const admin = await actorFor("quantri@demo.local");
    const noivu = await actorFor("noivu@demo.local");
    const seeded = await testDb.publishedResult.findFirstOrThrow({
      where: { indexCode: "PAR_INDEX", year: 2019, province: { code: "89" } },
    });
    const form = await getResultEntry(noivu, { id: seeded.id });
    expect(form.result).toMatchObject({ score: 83.32, officialRank: 11, version: seeded.version });
    const edit = entry({
      id: String(seeded.id),
      version: String(seeded.version),
      indexCode: "PAR_INDEX",
      year: "2019",
      provinceId: String(seeded.provinceId),
      officialRank: "11",
      source: seeded.source,
    });

    await saveResult(admin, { ...edit, score: "83.40" });
    const error = await rejection(saveResult(noivu, { ...edit, score: "83.35" }));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toContain("điểm 83,4; hạng 11");
    expect((error as ConflictError).current).toMatchObject({ score: 83.4, version: seeded.version + 1 });

    const saved = await saveResult(noivu, { ...edit, version: String(seeded.version + 1), score: "83.35" });
    expect(saved).toEqual({ id: seeded.id, version: seeded.version + 2, created: false });
    const audit = await testDb.auditLog.findMany({
      where: { action: "publishedResult.update", entityId: String(seeded.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => [(a.oldValue as { score: number }).score, (a.newValue as { score: number }).score])).toEqual([
      [83.32, 83.4],
      [83.4, 83.35],
    ]);
  });

  it("refuses a new entry where a result exists, pointing to it", async () => {
    const admin = await actorFor("quantri@demo.local");
    const error = await rejection(saveResult(admin, entry({ year: "2023", provinceId: await unit("22"), score: "92.18" })));
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).message).toContain("Đã có kết quả PAR INDEX năm 2023 của Quảng Ninh (điểm 92,18; hạng 1)");
  });

  it("lets Home Affairs staff enter only their own province (and its old units), and no one else write", async () => {
    const noivu = await actorFor("noivu@demo.local");
    await expect(saveResult(noivu, entry({ provinceId: await unit("01"), score: "80" }))).rejects.toBeInstanceOf(ForbiddenError);
    for (const email of ["lanhdao@demo.local", "thutruong@demo.local"]) {
      await expect(saveResult(await actorFor(email), entry({ provinceId: await unit("89"), score: "80" }))).rejects.toBeInstanceOf(ForbiddenError);
    }
    const form = await getResultEntry(noivu, { indexCode: "PAR_INDEX", year: 2022 });
    expect(form.units.map((u) => u.label)).toEqual(["An Giang (mã 89)", "Kiên Giang (mã 91)"]);
    expect(form.framework?.components.map((c) => [c.code, c.maxPoints])).toEqual([
      ["APPRAISAL", 61.5],
      ["SIPAS", 10],
      ["LEADER_SURVEY", 22],
      ["SOCIO_ECONOMIC", 6.5],
    ]);
    expect(form.framework?.fields).toHaveLength(8);
    const form2025 = await getResultEntry(noivu, { indexCode: "SIPAS", year: 2025 });
    expect(form2025.units.map((u) => u.label)).toEqual(["An Giang (mã 91)"]);
    expect(form2025.framework?.components.map((c) => c.code)).toEqual(["CHINH_SACH", "DICH_VU"]);
  });
});

describe("a province's results page", () => {
  it("shows Home Affairs staff their province with the old units it was formed from, ranked, with the official mark", async () => {
    const noivu = await actorFor("noivu@demo.local");
    const view = await getProvinceResults(noivu, null);
    expect(view.province?.label).toBe("An Giang (từ 01/07/2025)");
    expect(view.province?.history).toEqual(expect.arrayContaining(["An Giang (đến 30/06/2025)", "Kiên Giang (đến 30/06/2025)"]));
    const par = view.indices.find((i) => i.code === "PAR_INDEX")!;
    expect(par.rows.find((r) => r.year === 2018)).toMatchObject({
      unitName: "An Giang (đến 30/06/2025)",
      score: 80.77,
      rank: 8,
      officialRankDisagrees: false,
    });
    expect(par.rows.find((r) => r.year === 2021)).toMatchObject({ unitName: "Kiên Giang (đến 30/06/2025)", rank: 63, unitCount: 63 });
  });

  it("lets an administrator pick any province and forbids leaders", async () => {
    const admin = await actorFor("quantri@demo.local");
    const none = await getProvinceResults(admin, null);
    expect(none.province).toBeNull();
    expect(none.choices).toHaveLength(34);
    const haiPhong = none.choices.find((c) => c.label.startsWith("Hải Phòng"))!;
    const view = await getProvinceResults(admin, haiPhong.id);
    expect(view.indices.find((i) => i.code === "PAR_INDEX")!.rows.find((r) => r.year === 2024)).toMatchObject({ rank: 1, group: "A" });
    await expect(getProvinceResults(await actorFor("lanhdao@demo.local"), null)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("marks an official rank that the year's scores contradict", async () => {
    const admin = await actorFor("quantri@demo.local");
    // SIPAS 2019: Quảng Ninh 95.26 is 1st and An Giang 89.81 is 8th, so 94 ranks 2nd to 7th, not 9th.
    await importResults(admin, csvFile(`${HEADER}\n2019,SIPAS,01,94,9,nguồn kiểm thử,,,,`), { dryRun: false });
    const haNoi = (await getProvinceResults(admin, null)).choices.find((c) => c.label.startsWith("Hà Nội"))!;
    const row = (await getProvinceResults(admin, haNoi.id)).indices.find((i) => i.code === "SIPAS")!.rows.find((r) => r.year === 2019);
    expect(row).toMatchObject({ year: 2019, rank: 9, officialRank: 9, rankMin: 2, rankMax: 7, officialRankDisagrees: true });
  });
});
