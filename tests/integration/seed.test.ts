import fs from "node:fs";
import path from "node:path";
import { describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/prisma";
import { migrate } from "@/lib/db/migrate";
import { seed, seedDemoInProgress, SEED_DATA_DIR } from "@/prisma/seed";
import { createDatabase } from "../support/postgres";
import { testDb } from "../support/db";

const csvRows = (file: string) => fs.readFileSync(path.join(SEED_DATA_DIR, file), "utf8").trim().split("\n").length - 1;

async function counts(db = testDb) {
  const [provinces, lineage, results, aggregates, directives, tasks, targets, frameworks, criteria, users, agencies, scores] = await Promise.all([
    db.province.count(),
    db.provinceLineage.count(),
    db.publishedResult.count(),
    db.publishedAggregate.count(),
    db.directive.count(),
    db.task.count(),
    db.target.count(),
    db.framework.count(),
    db.criterion.count(),
    db.user.count(),
    db.agency.count(),
    db.criterionScore.count(),
  ]);
  return { provinces, lineage, results, aggregates, directives, tasks, targets, frameworks, criteria, users, agencies, scores };
}

describe("seed", () => {
  it("loads every reference and published row of the data files", async () => {
    const c = await counts();
    expect(c.provinces).toBe(63 + 34);
    expect(c.lineage).toBe(63); // every old unit went into exactly one new unit
    expect(c.results).toBe(csvRows("published-results.csv"));
    expect(c.aggregates).toBe(csvRows("published-national.csv"));
    expect(c.directives).toBe(5);
    expect(c.targets).toBe(4);
    expect(await testDb.region.count()).toBe(6);
  });

  it("gives a year's results to the units in force then (codes are reused after the merger)", async () => {
    const anGiang2018 = await testDb.publishedResult.findFirstOrThrow({
      where: { year: 2018, indexCode: "PAR_INDEX", province: { code: "89" } },
      include: { province: true },
    });
    expect(anGiang2018.province.nameVi).toBe("An Giang");
    expect(anGiang2018.province.validTo?.toISOString().slice(0, 10)).toBe("2025-06-30");
    const kienGiang = await testDb.publishedResult.findFirstOrThrow({
      where: { year: 2021, province: { code: "91" } },
      include: { province: true },
    });
    expect(kienGiang.province.nameVi).toBe("Kiên Giang");
  });

  it("links each new province to the old ones it was formed from", async () => {
    const anGiang = await testDb.province.findFirstOrThrow({
      where: { code: "91", validTo: null },
      include: { predecessors: { include: { predecessor: true } } },
    });
    expect(anGiang.nameVi).toBe("An Giang");
    expect(anGiang.predecessors.map((l) => l.predecessor.nameVi).sort()).toEqual(["An Giang", "Kiên Giang"]);
    expect(anGiang.regionCode).toBe("DBSCL");
    const lamDong = await testDb.province.findFirstOrThrow({ where: { code: "68", validTo: null } });
    expect(lamDong.regionCode).toBeNull(); // formed from units of two regions: none invented
  });

  it("builds the 2022–2030 PAR INDEX framework: 8 fields adding up to 100, marked illustrative", async () => {
    const framework = await testDb.framework.findUniqueOrThrow({
      where: { key_version: { key: "par-index-provincial", version: 2 } },
      include: { criteria: true, components: true },
    });
    expect(framework.isIllustrative).toBe(true);
    const fields = framework.criteria.filter((c) => c.level === "FIELD");
    expect(fields).toHaveLength(8);
    expect(fields.reduce((s, f) => s + Number(f.maxPoints), 0)).toBe(100);
    expect(framework.components.map((c) => [c.code, Number(c.maxPoints)])).toEqual([
      ["APPRAISAL", 61.5],
      ["SIPAS", 10],
      ["LEADER_SURVEY", 22],
      ["SOCIO_ECONOMIC", 6.5],
    ]);
    const appraisal = framework.criteria.filter((c) => c.level === "SUB_CRITERION" && c.method === "APPRAISAL");
    expect(appraisal.reduce((s, c) => s + Number(c.maxPoints), 0)).toBe(61.5);
  });

  it("records 1020/UBND-TH as the công văn its symbol says it is, noting that the article calls it a quyết định", async () => {
    const directive = await testDb.directive.findFirstOrThrow({ where: { number: "1020/UBND-TH" } });
    expect(directive.kind).toBe("CONG_VAN");
    expect(directive.note).toContain("Quyết định 1020/UBND-TH");
  });

  it("links 1020/UBND-TH to 733/UBND-TH, which its tasks implement", async () => {
    const links = await testDb.directiveLink.findMany({ include: { from: true, to: true } });
    expect(links.map((l) => `${l.from.number} → ${l.to.number}`)).toEqual(["1020/UBND-TH → 733/UBND-TH"]);
  });

  it("adds nothing when run again", async () => {
    const before = await counts();
    await seed(testDb, { demo: true, inProgress: false });
    expect(await counts()).toEqual(before);
  });

  it("seeds no demo accounts or demo scores for a production database", async () => {
    const url = await createDatabase(inject("cluster"), { empty: true });
    await migrate(url);
    const db = createPrismaClient(url, 2);
    try {
      await seed(db, { demo: false });
      const c = await counts(db);
      expect(c).toMatchObject({ users: 0, agencies: 0, scores: 0, provinces: 97 });
      expect(c.results).toBe(csvRows("published-results.csv"));
      expect(await db.framework.count({ where: { isDemo: true } })).toBe(0);
    } finally {
      await db.$disconnect();
    }
  });

  it("gives an existing database the new published rows at its next start: no duplicate, nothing a user entered overwritten", async () => {
    const url = await createDatabase(inject("cluster"), { empty: true });
    await migrate(url);
    const db = createPrismaClient(url, 2);
    try {
      await seed(db, { demo: false });
      // A database seeded before the ranks published alone were in the file…
      const rankOnly = await db.publishedResult.findMany({ where: { score: null }, include: { province: true } });
      expect(rankOnly.length).toBe(42);
      await db.publishedResult.deleteMany({ where: { score: null } });
      // …where a user corrected a seeded row and entered the score of a unit the file gives only a rank for.
      const edited = await db.publishedResult.findFirstOrThrow({ where: { score: { not: null } }, orderBy: { id: "asc" } });
      await db.publishedResult.update({ where: { id: edited.id }, data: { score: 12.34, source: "sửa tay", version: { increment: 1 } } });
      const entered = rankOnly[0];
      await db.publishedResult.create({
        data: { provinceId: entered.provinceId, indexCode: entered.indexCode, year: entered.year, score: 77.77, officialRank: null, source: "người dùng nhập" },
      });

      await seed(db, { demo: false });
      expect(await db.publishedResult.count()).toBe(csvRows("published-results.csv"));
      expect(await db.publishedResult.count({ where: { score: null } })).toBe(41);
      const kept = await db.publishedResult.findUniqueOrThrow({ where: { id: edited.id } });
      expect([Number(kept.score), kept.source]).toEqual([12.34, "sửa tay"]);
      const own = await db.publishedResult.findUniqueOrThrow({
        where: { indexCode_year_provinceId: { indexCode: entered.indexCode, year: entered.year, provinceId: entered.provinceId } },
      });
      expect([Number(own.score), own.officialRank, own.source]).toEqual([77.77, null, "người dùng nhập"]);
    } finally {
      await db.$disconnect();
    }
  });

  it("refuses a published result with neither a score nor a rank", async () => {
    const unit = await testDb.province.findFirstOrThrow({ where: { code: "01", validTo: null } });
    await expect(
      testDb.publishedResult.create({ data: { provinceId: unit.id, indexCode: "PAR_INDEX", year: 2030, score: null, officialRank: null, source: "x" } }),
    ).rejects.toThrow(/published_result_score_or_rank/);
    expect(await testDb.publishedResult.count({ where: { year: 2030 } })).toBe(0);
  });

  it("ranks and classifies the demo agencies from their final scores", async () => {
    const assessments = await testDb.assessment.findMany({ include: { agency: true }, orderBy: { rank: "asc" } });
    expect(assessments.length).toBe(14);
    for (let i = 1; i < assessments.length; i++) {
      expect(Number(assessments[i].finalTotal)).toBeLessThanOrEqual(Number(assessments[i - 1].finalTotal));
    }
    expect(assessments.every((a) => a.agency.isDemo && a.classification)).toBe(true);
  });
});

// Last: it adds the open period to this file's database.
describe("the demo's open period of the current year", () => {
  // 10:00 on 05/12/2026 in Viet Nam; 03:00 on 01/01/2027 there is still 31/12/2026 in UTC.
  const NOW = new Date("2026-12-05T03:00:00Z");

  it("puts the demo agencies at different steps, self-scoring due in five days, labelled demo", async () => {
    await seedDemoInProgress(testDb, NOW);
    const period = await testDb.assessmentPeriod.findFirstOrThrow({
      where: { year: 2026 },
      include: { assessments: { include: { agency: true, scores: { include: { criterion: true } } } } },
    });
    expect(period).toMatchObject({ status: "SELF_SCORING", isDemo: true });
    // 23:59:59 on 10/12/2026 in Viet Nam.
    expect(period.selfScoringDeadline.toISOString()).toBe("2026-12-10T16:59:59.000Z");
    const byCode = new Map(period.assessments.map((a) => [a.agency.code, a]));
    expect(period.assessments).toHaveLength(14);
    expect(period.assessments.every((a) => a.agency.isDemo)).toBe(true);
    expect(Object.fromEntries([...byCode].map(([code, a]) => [code, a.status]))).toMatchObject({
      SNV: "SUBMITTED",
      SXD: "EXPLANATION_REQUESTED",
      SYT: "EXPLANATION_REQUESTED",
      STP: "DRAFT",
    });
    expect(period.assessments.filter((a) => a.status === "DRAFT")).toHaveLength(11);
    const selfScorable = (code: string) => byCode.get(code)!.scores.filter((s) => s.criterion.method === "APPRAISAL");
    // The demo agency head's agency is half-way; a submitted sheet is complete.
    const stp = selfScorable("STP");
    expect(stp.filter((s) => s.selfScore !== null)).toHaveLength(Math.round(stp.length / 2));
    expect(selfScorable("SNV").every((s) => s.selfScore !== null)).toBe(true);
    // One agency has requests waiting, another has answered them; the requests are released to both.
    const requests = (code: string) => byCode.get(code)!.scores.filter((s) => s.explanationRequest !== null);
    expect(requests("SXD").length).toBeGreaterThan(0);
    expect(requests("SXD").every((s) => s.explanationResponse === null)).toBe(true);
    expect(requests("SYT").length).toBeGreaterThan(0);
    expect(requests("SYT").every((s) => s.explanationResponse !== null)).toBe(true);
    expect([byCode.get("SXD")!.appraisalReleasedAt, byCode.get("SYT")!.appraisalReleasedAt].every(Boolean)).toBe(true);
    expect(byCode.get("STP")!.appraisalReleasedAt).toBeNull();
  });

  it("adds nothing when run again, and nothing for a year the demo framework does not cover", async () => {
    const before = await counts();
    await seedDemoInProgress(testDb, NOW);
    await seedDemoInProgress(testDb, new Date("2024-06-01T03:00:00Z"));
    expect(await counts()).toEqual(before);
    expect(await testDb.assessmentPeriod.count()).toBe(2);
  });
});
