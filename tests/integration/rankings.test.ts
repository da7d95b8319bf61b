import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/rankings/route";
import { importResults } from "@/lib/results/mutations";
import { getRanking } from "@/lib/results/queries";
import { rankByComponent } from "@/lib/results/ranking-view";
import { actorFor } from "../support/actors";
import { testDb } from "../support/db";

const api = async (query: string) => {
  const response = await GET(new NextRequest(`http://localhost/api/v1/rankings?${query}`));
  return { status: response.status, body: await response.json() };
};

describe("GET /api/v1/rankings", () => {
  it("returns the PAR INDEX 2023 table ordered by rank, Quảng Ninh first with 92.18 in group A", async () => {
    const { status, body } = await api("index=PAR_INDEX&year=2023");
    expect(status).toBe(200);
    expect(body).toMatchObject({ index: "PAR_INDEX", year: 2023, partial: true });
    expect(body.items[0]).toMatchObject({ rank: 1, unitCode: "22", unitName: "Quảng Ninh", score: 92.18, group: "A" });
    const ranks = body.items.map((i: { rank: number }) => i.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(body.items[0].source).toContain("baochinhphu.vn");
  });

  it("serves SIPAS the same way, without PAR INDEX groups", async () => {
    const { body } = await api("index=SIPAS&year=2023");
    expect(body.items[0]).toMatchObject({ rank: 1, unitName: "Quảng Ninh", score: 90.61, group: null });
    expect(body.items.at(-1)).toMatchObject({ rank: 63, unitName: "Bắc Kạn" });
  });

  it.each([
    ["index=PAR_INDEX", /year/],
    ["year=2023", /index/],
    ["index=PAR_INDEX&year=20x3", /year/],
    ["index=PAR_INDEX&year=1999", /2000/],
    ["index=par index&year=2023", /index/],
    ["index=KHONG_CO&year=2023", /KHONG_CO/],
  ])("answers %s with 400 and a message", async (query, message) => {
    const { status, body } = await api(query);
    expect(status).toBe(400);
    expect(body.error).toMatch(message);
  });

  it("answers a year without results with an empty, partial table", async () => {
    const { status, body } = await api("index=PAR_INDEX&year=2030");
    expect(status).toBe(200);
    expect(body).toMatchObject({ partial: true, items: [], unitCount: 34 });
  });
});

describe("getRanking", () => {
  it("computes the change from the previous year for the same unit", async () => {
    const ranking = await getRanking("PAR_INDEX", 2024);
    expect(ranking.items.find((i) => i.unitName === "Đồng Nai")).toMatchObject({ rank: 8, change: 24 });
  });

  it("bounds unpublished ranks and shows the national and regional averages", async () => {
    const ranking = await getRanking("PAR_INDEX", 2021);
    expect(ranking.items.find((i) => i.unitName === "Bà Rịa - Vũng Tàu")).toMatchObject({ rank: null, rankMin: 6, rankMax: 33 });
    expect(ranking.nationalAverage?.value).toBe(86.37);
    const ranking2023 = await getRanking("PAR_INDEX", 2023);
    expect(ranking2023.regionAverages).toHaveLength(6);
  });

  it("is complete once every unit of the year has a result, and then computes every rank", async () => {
    const units = await testDb.province.findMany({ where: { validTo: null }, orderBy: { code: "asc" } });
    await testDb.publishedResult.createMany({
      data: units.map((unit, i) => ({ provinceId: unit.id, indexCode: "PAR_INDEX", year: 2025, score: 95 - i * 0.5, source: "kiểm thử" })),
    });
    const ranking = await getRanking("PAR_INDEX", 2025);
    expect(ranking.partial).toBe(false);
    expect(ranking.items.map((i) => i.rank)).toEqual(units.map((_, i) => i + 1));
    // 2025 belongs to the 34 new provinces: no rank change against the old units of 2024.
    expect(ranking.items.every((i) => i.change === null)).toBe(true);
  });
});

describe("rankings by component", () => {
  const SOURCE = "stttt.quangngai.gov.vn (Chỉ số CCHC của tỉnh Quảng Ngãi tăng 24 bậc)";
  const table = [
    "year,index,unit_code,score,rank,source,appraisal,sipas,leader_survey,socio_economic",
    `2021,PAR_INDEX,31,91.80,1,${SOURCE},58.00,9.10,18.70,6.00`,
    `2021,PAR_INDEX,22,91.14,2,${SOURCE},57.50,9.30,18.44,5.90`,
    `2021,PAR_INDEX,48,90.25,3,${SOURCE},58.20,8.80,17.55,5.70`,
  ].join("\n");

  it("says no component is published for a year without them", async () => {
    expect((await getRanking("PAR_INDEX", 2023)).components).toEqual([]);
    const { body } = await api("index=PAR_INDEX&year=2023");
    expect(body.items[0].components).toEqual({});
  });

  it("ranks a year by each component its imported results publish, units without it left out", async () => {
    const admin = await actorFor("quantri@demo.local");
    const outcome = await importResults(admin, { name: "thanh-phan-2021.csv", bytes: Buffer.from(`${table}\n`) }, { dryRun: false });
    expect(outcome.summary.new + outcome.summary.updated).toBe(3);
    const ranking = await getRanking("PAR_INDEX", 2021);
    expect(ranking.components.map((c) => c.code)).toEqual(["APPRAISAL", "SIPAS", "LEADER_SURVEY", "SOCIO_ECONOMIC"]);
    expect(ranking.items.length).toBeGreaterThan(3);
    const appraisal = rankByComponent(ranking.items, "APPRAISAL", ranking.unitCount);
    expect(appraisal.map((row) => [row.item.unitCode, row.value])).toEqual([
      ["48", 58.2],
      ["31", 58],
      ["22", 57.5],
    ]);
    // Fewer units known than ranked: bounds, never a rank the sources did not give.
    expect(appraisal.map((row) => [row.rank, row.rankMin])).toEqual([
      [null, 1],
      [null, 2],
      [null, 3],
    ]);
    expect(rankByComponent(ranking.items, "SIPAS", ranking.unitCount).map((row) => row.item.unitCode)).toEqual(["22", "31", "48"]);
    const { body } = await api("index=PAR_INDEX&year=2021");
    expect(body.items.find((i: { unitCode: string }) => i.unitCode === "48").components).toEqual({
      APPRAISAL: 58.2,
      SIPAS: 8.8,
      LEADER_SURVEY: 17.55,
      SOCIO_ECONOMIC: 5.7,
    });
  });
});
