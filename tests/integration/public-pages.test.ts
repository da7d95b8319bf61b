import { AsyncLocalStorage } from "node:async_hooks";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as exportRankingRoute } from "@/app/api/v1/rankings/export/route";
import { readTable } from "@/lib/io/table-file";
import { getRanking } from "@/lib/results/queries";
import { getProvinceProfile } from "@/lib/profiles/queries";
import { testDb } from "../support/db";
// Next.js provides AsyncLocalStorage on globalThis (the request's language, lib/i18n/message-locale.ts); here the test does.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

const d = (iso: string) => new Date(`${iso}T00:00:00Z`);
const noAsk = { indexCode: null, target: null };

const download = async (query: string, locale?: "en") => {
  const headers = locale ? { cookie: `NEXT_LOCALE=${locale}` } : undefined;
  const response = await exportRankingRoute(new NextRequest(`http://localhost/api/v1/rankings/export?${query}`, { headers }));
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
};

describe("province profile", () => {
  it("shows the new An Giang's history through Kiên Giang and the old An Giang, one line each, no combined figure", async () => {
    const profile = await getProvinceProfile("91", null, noAsk);
    expect(profile.unit).toMatchObject({
      name: "An Giang",
      label: "An Giang (từ 01/07/2025)",
      regionName: "Đồng bằng sông Cửu Long",
      path: "/tinh/91",
    });
    expect(profile.formedFrom.map((link) => link.unit.label).sort()).toEqual(["An Giang (đến 30/06/2025)", "Kiên Giang (đến 30/06/2025)"]);
    expect(profile.formedFrom[0].legalBasis).toBe("Nghị quyết 202/2025/QH15");

    const par = profile.indices.find((index) => index.code === "PAR_INDEX")!;
    expect(par.lines.map((line) => line.label)).toEqual(expect.arrayContaining(["An Giang (đến 30/06/2025)", "Kiên Giang (đến 30/06/2025)"]));
    expect(par.lines).toHaveLength(2);
    expect(par.rows.map((row) => [row.year, row.unit.label, row.score, row.rank])).toEqual([
      [2023, "An Giang (đến 30/06/2025)", 81.32, 63],
      [2021, "Kiên Giang (đến 30/06/2025)", 79.97, 63],
      [2019, "An Giang (đến 30/06/2025)", 83.32, 11],
      [2018, "An Giang (đến 30/06/2025)", 80.77, 8],
      [2012, "An Giang (đến 30/06/2025)", 83.25, null],
    ]);
    expect(par.rows.find((row) => row.year === 2012)).toMatchObject({ rankMin: 5, rankMax: 17 }); // Quảng Ninh 19th with 80,21: at most 16 above An Giang
    // Every row is a result as published for one old unit: none belongs to the new province.
    const published = await testDb.publishedResult.findMany({
      where: { indexCode: "PAR_INDEX", province: { code: { in: ["89", "91"] }, validTo: { not: null } } },
    });
    expect(par.rows.map((row) => row.id).sort()).toEqual(published.map((r) => r.id).sort());
    expect(par.rows.every((row) => row.unit.id !== profile.unit.id)).toBe(true);
    expect(profile.indices.find((index) => index.code === "SIPAS")!.rows.map((row) => [row.year, row.unit.label, row.score])).toEqual([
      [2019, "An Giang (đến 30/06/2025)", 89.81],
    ]);
  });

  it("gives a 2025 result of the new province its own line beside the old units'", async () => {
    const anGiang = await testDb.province.findFirstOrThrow({ where: { code: "91", validTo: null } });
    const added = await testDb.publishedResult.create({
      data: { provinceId: anGiang.id, indexCode: "PAR_INDEX", year: 2025, score: 88.5, source: "kiểm thử" },
    });
    const par = (await getProvinceProfile("91", null, noAsk)).indices.find((index) => index.code === "PAR_INDEX")!;
    await testDb.publishedResult.delete({ where: { id: added.id } });
    expect(par.lines.map((line) => line.label)).toEqual(["An Giang (từ 01/07/2025)", "An Giang (đến 30/06/2025)", "Kiên Giang (đến 30/06/2025)"]);
    expect(par.rows[0]).toMatchObject({ year: 2025, score: 88.5, unitCount: 34, rank: null, rankMin: 1, rankMax: 34 });
    expect(par.rows.filter((row) => row.year === 2025)).toHaveLength(1);
  });

  it("names a reused code's old unit by date, and a code no longer used by itself", async () => {
    const kienGiang = await getProvinceProfile("91", d("2025-06-30"), noAsk);
    expect(kienGiang.unit).toMatchObject({ name: "Kiên Giang", path: "/tinh/91?ngay=2025-06-30" });
    expect(kienGiang.wentInto.map((link) => link.unit.path)).toEqual(["/tinh/91"]);
    expect(kienGiang.indices.find((index) => index.code === "PAR_INDEX")!.lines.map((line) => line.label)).toEqual(["Kiên Giang (đến 30/06/2025)"]);
    const oldAnGiang = await getProvinceProfile("89", null, noAsk);
    expect(oldAnGiang.unit).toMatchObject({ name: "An Giang", validTo: d("2025-06-30") });
    await expect(getProvinceProfile("99", null, noAsk)).rejects.toThrow("Không có tỉnh, thành phố mã 99");
    await expect(getProvinceProfile("89", d("2025-07-01"), noAsk)).rejects.toMatchObject({ status: 404 });
  });

  it("shows Quảng Ninh's 2023 PAR INDEX with its components labelled by the framework in force", async () => {
    const result = await testDb.publishedResult.findFirstOrThrow({
      where: { indexCode: "PAR_INDEX", year: 2023, province: { code: "22" } },
    });
    await testDb.resultComponent.createMany({
      data: [
        { resultId: result.id, code: "APPRAISAL", value: 57.1 },
        { resultId: result.id, code: "SIPAS", value: 9.06 },
      ],
    });
    const profile = await getProvinceProfile("22", d("2023-12-31"), noAsk);
    const row = profile.indices.find((index) => index.code === "PAR_INDEX")!.rows.find((r) => r.year === 2023)!;
    expect(row).toMatchObject({ score: 92.18, rank: 1, officialRank: 1, group: "A", unitCount: 63 });
    expect(row.components).toEqual([
      { code: "APPRAISAL", nameVi: "Điểm thẩm định", value: 57.1 },
      { code: "SIPAS", nameVi: "Chỉ số hài lòng (SIPAS)", value: 9.06 },
    ]);
    expect(profile.indices.find((index) => index.code === "PAR_INDEX")!.nationalAverages).toContainEqual(expect.objectContaining({ year: 2023, value: 86.98 }));
  });

  it("invents no region for a province formed from units of two regions", async () => {
    const lamDong = await getProvinceProfile("68", null, noAsk);
    expect(lamDong.unit.regionName).toBeNull();
    expect(lamDong.unit.regionNote).toContain("2 vùng");
    expect(lamDong.formedFrom).toHaveLength(3);
  });
});

describe("score needed for rank N on the profile", () => {
  it("defaults to ten places up and gives Đồng Nai the gap to Hải Phòng's 96,17 in 2024", async () => {
    const { scoreForRank } = await getProvinceProfile("75", d("2024-12-31"), noAsk);
    expect(scoreForRank).toMatchObject({
      year: 2024,
      target: 1,
      targetIsDefault: true,
      unitCount: 63,
      answer: { kind: "exact", score: 96.17 },
    });
    expect(scoreForRank.sentence).toContain("chưa đầy đủ: mới biết kết quả của 3/63");
    expect(scoreForRank.sentence).toContain("Năm 2024, Đồng Nai đạt 90,69 điểm (hạng 8): cần thêm 5,48 điểm.");
  });

  it("answers for SIPAS and a chosen rank, and for a new province as an entrant to the old table", async () => {
    const { scoreForRank } = await getProvinceProfile("91", null, { indexCode: "SIPAS", target: 41 });
    expect(scoreForRank).toMatchObject({ year: 2024, target: 41, answer: { kind: "exact", score: 82.71 } });
    expect(scoreForRank.sentence).toContain("An Giang không nằm trong 63 tỉnh, thành phố được xếp hạng năm 2024");
  });

  it("refuses a rank beyond the table without failing the profile", async () => {
    const { scoreForRank } = await getProvinceProfile("22", null, { indexCode: "PAR_INDEX", target: 64 });
    expect(scoreForRank.error).toBe("Hạng cần đạt phải từ 1 đến 63: bảng PAR INDEX năm 2024 xếp hạng 63 tỉnh, thành phố.");
    const unknown = await getProvinceProfile("22", null, { indexCode: "KHONG_CO", target: null });
    expect(unknown.scoreForRank.error).toBe('Không có chỉ số "KHONG_CO". Chọn một trong: PAR INDEX, SIPAS.');
  });
});

describe("rankings by region and their download", () => {
  it("adds the previous year's rank and keeps each unit's region", async () => {
    const ranking = await getRanking("PAR_INDEX", 2024);
    expect(ranking.items.find((i) => i.unitName === "Đồng Nai")).toMatchObject({
      rank: 8,
      previous: { rank: 32, unitCount: 63 },
      change: 24,
      regionCode: "DNB",
      regionName: "Đông Nam Bộ",
      profilePath: "/tinh/75?ngay=2025-06-30",
    });
    expect(ranking.regions).toHaveLength(6);
  });

  it("downloads the displayed table of one region as CSV, ranks national, text protected against formulas", async () => {
    const result = await testDb.publishedResult.findFirstOrThrow({
      where: { indexCode: "PAR_INDEX", year: 2023, province: { code: "36" } },
    });
    await testDb.publishedResult.update({ where: { id: result.id }, data: { note: "=1+1" } });
    const { status, headers, bytes } = await download("index=PAR_INDEX&year=2023&region=DBSH&format=csv");
    expect(status).toBe(200);
    expect(headers.get("content-disposition")).toBe('attachment; filename="xep-hang-PAR_INDEX-2023-DBSH.csv"');
    const lines = bytes
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe('Hạng,Mã tỉnh,"Tỉnh, thành phố",Vùng,Điểm,Nhóm,Hạng năm trước,Thay đổi (bậc),Nguồn,Ghi chú');
    expect(lines.slice(1).map((line) => line.split(",").slice(0, 3).join(","))).toEqual([
      "1,22,Quảng Ninh",
      "2,31,Hải Phòng",
      "3,01,Hà Nội",
      "11,37,Ninh Bình",
      "29,36,Nam Định",
    ]);
    // Issue 14, item 11: the decimal comma of a Vietnamese file (was 92.18).
    expect(lines[1]).toContain('"92,18",A,1,0,en.baochinhphu.vn/');
    expect(lines[5]).toMatch(/,'=1\+1$/);
  });

  it("downloads in English for an English visitor: English headings and notes, the decimal point", async () => {
    const { bytes } = await download("index=PAR_INDEX&year=2023&region=DBSH&format=csv", "en");
    const lines = bytes
      .toString("utf8")
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe("Rank,Province code,Province,Region,Score,Group,Previous year's rank,Change (places),Source,Note");
    expect(lines[1]).toContain("92.18,A,1,0,en.baochinhphu.vn/");
  });

  it("downloads XLSX with the same rows, and answers a bad or unknown region with 400", async () => {
    const { status, bytes } = await download("index=PAR_INDEX&year=2023&region=dbsh&format=xlsx");
    expect(status).toBe(200);
    const table = await readTable(bytes, "xlsx");
    expect(table.rows.map((row) => row.values["tỉnh, thành phố"])).toEqual(["Quảng Ninh", "Hải Phòng", "Hà Nội", "Ninh Bình", "Nam Định"]);
    expect(table.rows[0].values.điểm).toBe("92.18");
    const unknown = await download("index=PAR_INDEX&year=2023&region=XYZ");
    expect(unknown.status).toBe(400);
    expect(JSON.parse(unknown.bytes.toString())).toMatchObject({ error: expect.stringContaining("DBSH") });
    expect((await download("index=PAR_INDEX&year=2023&region=D;B")).status).toBe(400);
  });

  it("lists 2025 provinces without a region under 'none' and names them when a region filter leaves them out", async () => {
    const units = await testDb.province.findMany({ where: { validTo: null }, orderBy: { code: "asc" } });
    await testDb.publishedResult.createMany({
      data: units.map((unit, i) => ({ provinceId: unit.id, indexCode: "SIPAS", year: 2025, score: 90 - i * 0.25, source: "kiểm thử" })),
    });
    const none = await download("index=SIPAS&year=2025&region=none&format=csv");
    const names = none.bytes
      .toString("utf8")
      .trim()
      .split("\r\n")
      .slice(1)
      .map((line) => line.split(",")[2]);
    const withoutRegion = units.filter((unit) => unit.regionCode === null).map((unit) => unit.nameVi);
    expect(withoutRegion.length).toBeGreaterThan(0);
    expect(names.sort()).toEqual(withoutRegion.sort());
    expect(none.bytes.toString("utf8")).toContain("chưa xác định vùng");
  });
});
