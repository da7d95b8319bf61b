// The cache of what is computed from published data (lib/db/published-cache.ts): answers are
// reused while nothing changed, and any write to the published tables — here plain SQL from
// another connection, as another instance or a restore would write — is seen by the next request.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/rankings/route";
import { getRanking } from "@/lib/results/queries";
import { getProvinceProfile } from "@/lib/profiles/queries";
import { testDb } from "../support/db";

const rankingsApi = async () =>
  (await (await GET(new NextRequest("http://localhost/api/v1/rankings?index=PAR_INDEX&year=2023"))).json()) as {
    items: { unitName: string; score: number }[];
  };

describe("cache of published data", () => {
  it("reuses a computed ranking while the published data is unchanged", async () => {
    const first = await getRanking("PAR_INDEX", 2023);
    expect(await getRanking("PAR_INDEX", 2023)).toBe(first);
  });

  it("sees a write made by another connection on the next request, everywhere the result is used", async () => {
    const before = await rankingsApi();
    expect(before.items[0]).toMatchObject({ unitName: "Quảng Ninh", score: 92.18 });
    const profileBefore = await getProvinceProfile("22", null, { indexCode: null, target: null });

    const quangNinh = await testDb.province.findFirstOrThrow({ where: { code: "22", validTo: { not: null } } });
    await testDb.$executeRaw`UPDATE published_result SET score = 99.5 WHERE province_id = ${quangNinh.id} AND index_code = 'PAR_INDEX' AND year = 2023`;

    // Twenty requests at once after the write: none of them gets the old table.
    const after = await Promise.all(Array.from({ length: 20 }, () => rankingsApi()));
    for (const body of after) expect(body.items[0]).toMatchObject({ unitName: "Quảng Ninh", score: 99.5 });
    const profileAfter = await getProvinceProfile("22", null, { indexCode: null, target: null });
    expect(profileAfter).not.toBe(profileBefore);
    const row = profileAfter.indices.find((i) => i.code === "PAR_INDEX")!.rows.find((r) => r.year === 2023)!;
    expect(row.score).toBe(99.5);
  });

  it("keeps the version in the database: triggers bump it once per writing statement", async () => {
    const version = async () => (await testDb.$queryRaw<{ version: bigint }[]>`SELECT version FROM published_data_version`)[0].version;
    const start = await version();
    await testDb.$executeRaw`UPDATE published_result SET note = note WHERE year = 2023`;
    expect(await version()).toBe(start + 1n);
    await testDb.$executeRaw`UPDATE criterion_score SET version = version WHERE false`;
    expect(await version()).toBe(start + 1n);
  });
});
