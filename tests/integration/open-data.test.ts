// The open data of /du-lieu: the downloads hold exactly the published rows of the database, a
// rank published without a score stays without one, and a province's JSON is its rows.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET as getAverages } from "@/app/api/v1/open-data/averages/route";
import { GET as getProvince } from "@/app/api/v1/open-data/provinces/[code]/route";
import { GET as getResults } from "@/app/api/v1/open-data/results/route";
import { readTable } from "@/lib/io/table-file";
import { testDb } from "../support/db";

const download = async (handler: typeof getResults, path: string) => {
  const response = await handler(new NextRequest(`http://localhost${path}`));
  return { response, body: Buffer.from(await response.arrayBuffer()) };
};
const province = async (code: string) => {
  const response = await getProvince(new NextRequest(`http://localhost/api/v1/open-data/provinces/${code}`), { params: Promise.resolve({ code }) });
  return { status: response.status, body: await response.json() };
};
const key = (row: Record<string, unknown>) => `${row.year}|${row.index}|${row.unit_code}|${row.unit_valid_from}`;

async function storedResults() {
  const rows = await testDb.publishedResult.findMany({ include: { province: true, components: true } });
  return new Map(
    rows.map((r) => [
      `${r.year}|${r.indexCode}|${r.province.code}|${r.province.validFrom.toISOString().slice(0, 10)}`,
      { score: r.score === null ? null : Number(r.score), rank: r.officialRank, source: r.source, components: r.components },
    ]),
  );
}

describe("GET /api/v1/open-data/results", () => {
  it("JSON: one object per published row of the database, scores and ranks as stored, rank-only rows with a null score", async () => {
    const stored = await storedResults();
    const { response, body } = await download(getResults, "/api/v1/open-data/results?format=json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toContain("ket-qua-cong-bo.json");
    const rows: Record<string, unknown>[] = JSON.parse(body.toString("utf8"));
    expect(rows).toHaveLength(stored.size);
    expect(new Set(rows.map(key))).toEqual(new Set(stored.keys()));
    for (const row of rows) {
      const original = stored.get(key(row))!;
      expect(row.score).toBe(original.score);
      expect(row.rank).toBe(original.rank);
      expect(row.source).toBe(original.source);
    }
    const rankOnly = rows.filter((row) => row.score === null);
    expect(rankOnly.length).toBe(await testDb.publishedResult.count({ where: { score: null } }));
    expect(rankOnly.length).toBeGreaterThan(0);
    expect(rankOnly.every((row) => typeof row.rank === "number")).toBe(true);
    expect(rows).toContainEqual(expect.objectContaining({ year: 2023, index: "PAR_INDEX", unit_code: "22", unit_name: "Quảng Ninh", score: 92.18, rank: 1 }));
  });

  it("CSV and XLSX: the same rows, an empty score cell where the source published only the rank", async () => {
    const stored = await storedResults();
    for (const format of ["csv", "xlsx"] as const) {
      const { response, body } = await download(getResults, `/api/v1/open-data/results?format=${format}`);
      expect(response.status).toBe(200);
      const table = await readTable(body, format);
      expect(table.columns.slice(0, 8)).toEqual(["year", "index", "unit_code", "unit_name", "unit_valid_from", "unit_valid_to", "score", "rank"]);
      expect(table.rows).toHaveLength(stored.size);
      const byKey = new Map(table.rows.map((row) => [key(row.values), row.values]));
      for (const [k, original] of stored) {
        const row = byKey.get(k)!;
        expect(row.score === "" ? null : Number(row.score), `${format} ${k}`).toBe(original.score);
        expect(row.rank === "" ? null : Number(row.rank)).toBe(original.rank);
        for (const component of original.components) expect(Number(row[component.code.toLowerCase()])).toBe(Number(component.value));
      }
      expect([...byKey.values()].filter((row) => row.score === "").length).toBe(await testDb.publishedResult.count({ where: { score: null } }));
    }
  });

  it("refuses an unknown format with 400 and a message naming it", async () => {
    const response = await getResults(new NextRequest("http://localhost/api/v1/open-data/results?format=pdf"));
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/format/);
  });
});

describe("GET /api/v1/open-data/averages", () => {
  it("holds every published average, the national PAR INDEX 2021 one among them", async () => {
    const { body } = await download(getAverages, "/api/v1/open-data/averages?format=json");
    const rows: Record<string, unknown>[] = JSON.parse(body.toString("utf8"));
    expect(rows).toHaveLength(await testDb.publishedAggregate.count());
    expect(rows).toContainEqual({ year: 2021, index: "PAR_INDEX", kind: "NATIONAL_AVERAGE", subject: "", value: 86.37, source: expect.any(String) });
    const csv = await readTable((await download(getAverages, "/api/v1/open-data/averages")).body, "csv");
    expect(csv.rows).toHaveLength(rows.length);
  });
});

describe("GET /api/v1/open-data/provinces/[code]", () => {
  it("gives every unit that has had the code with exactly its stored results, at …/91 and …/91.json alike", async () => {
    const { status, body } = await province("91");
    expect(status).toBe(200);
    const units = await testDb.province.findMany({ where: { code: "91" }, include: { results: true } });
    expect(body.units).toHaveLength(units.length);
    for (const unit of units) {
      const served = body.units.find((u: { validFrom: string }) => u.validFrom === unit.validFrom.toISOString().slice(0, 10));
      expect(served.name).toBe(unit.nameVi);
      expect(served.results).toHaveLength(unit.results.length);
      for (const result of unit.results) {
        expect(served.results).toContainEqual(
          expect.objectContaining({
            index: result.indexCode,
            year: result.year,
            score: result.score === null ? null : Number(result.score),
            rank: result.officialRank,
          }),
        );
      }
    }
    expect(body.units.flatMap((u: { results: unknown[] }) => u.results).length).toBeGreaterThan(0);
    expect((await province("91.json")).body).toEqual(body);
  });

  it("answers a code no unit has with 404, and a malformed one with 400", async () => {
    expect((await province("99")).status).toBe(404);
    expect((await province("9x")).status).toBe(400);
  });
});
