// The province's own PAR INDEX self-assessment and the nowcast (issue 17, item 7) against real
// PostgreSQL: Home Affairs opens the self-assessment (the national framework, the province itself
// assessed, audited) and self-scores it through the workflow; the nowcast's numbers are recomputed
// here from the database — with the seeded data, where no component is published, and with a
// province whose components, appraisal gap and last table are published — and who may read it.
import { beforeAll, describe, expect, it } from "vitest";

const { openSelfAssessment } = await import("@/lib/assessments/self-assessment/mutations");
const { listSelfAssessments } = await import("@/lib/assessments/self-assessment/queries");
const { openingOptions } = await import("@/lib/assessments/periods/queries");
const { selfScore } = await import("@/lib/assessments/mutations");
const { getNowcast, nowcastOf } = await import("@/lib/dashboards/nowcast/queries");
const { rankBand } = await import("@/lib/dashboards/nowcast/rules");
const { ForbiddenError, ValidationError } = await import("@/lib/errors");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor, head: Actor, leader: Actor;
let parFramework: { id: number; components: { code: string; maxPoints: unknown }[] };
const r2 = (value: number) => Math.round(value * 100) / 100;

/** The self-assessed appraisal points of an assessment, summed here from its rows. */
async function selfPoints(assessmentId: number) {
  const rows = await testDb.criterionScore.findMany({ where: { assessmentId, notApplicable: false, criterion: { method: "APPRAISAL" } } });
  return r2(rows.reduce((s, r) => s + Number(r.selfScore ?? 0), 0));
}

beforeAll(async () => {
  [staff, head, leader] = await Promise.all(["noivu", "thutruong", "lanhdao"].map((u) => actorFor(`${u}@demo.local`)));
  parFramework = await testDb.framework.findFirstOrThrow({
    where: { indexCode: "PAR_INDEX", ownerProvinceId: null, validFromYear: { lte: 2026 }, OR: [{ validToYear: null }, { validToYear: { gte: 2026 } }] },
    include: { components: true },
  });
});

describe("the province's own self-assessment", () => {
  let assessmentId: number;

  it("is opened by Home Affairs with the national framework: one assessment, the province itself, audited", async () => {
    const opened = await openSelfAssessment(staff, { provinceId: staff.provinceId, frameworkId: parFramework.id, year: 2026, deadline: "2100-12-15" });
    assessmentId = opened.assessmentId;
    const period = await testDb.assessmentPeriod.findUniqueOrThrow({ where: { id: opened.periodId }, include: { assessments: { include: { agency: true } } } });
    expect(period.provinceId).toBe(staff.provinceId);
    expect(period.assessments).toHaveLength(1);
    expect(period.assessments[0].agency).toMatchObject({ kind: "PROVINCE", provinceId: staff.provinceId });
    const leaves = await testDb.criterion.count({ where: { frameworkId: parFramework.id, children: { none: {} } } });
    expect(await testDb.criterionScore.count({ where: { assessmentId } })).toBe(leaves);
    const audit = await testDb.auditLog.findMany({
      where: { provinceId: staff.provinceId, action: { in: ["assessmentPeriod.open", "agency.create"] } },
      orderBy: { id: "desc" },
      take: 2,
    });
    expect(audit.map((a) => a.action).sort()).toEqual(["agency.create", "assessmentPeriod.open"]);
    expect(audit.find((a) => a.action === "assessmentPeriod.open")?.newValue).toMatchObject({ year: 2026, selfAssessment: true, assessmentId });
  });

  it("is self-scored on the same sheet rules (versions, audit) by Home Affairs", async () => {
    const rows = await testDb.criterionScore.findMany({
      where: { assessmentId, criterion: { method: "APPRAISAL" } },
      include: { criterion: true },
      orderBy: { criterion: { sortOrder: "asc" } },
      take: 3,
    });
    for (const row of rows)
      await selfScore(staff, {
        criterionScoreId: row.id,
        version: row.version,
        score: String(Number(row.criterion.maxPoints)),
        comment: "Có tài liệu kiểm chứng",
      });
    const [mine] = await listSelfAssessments(leader, staff.provinceId!);
    expect(mine).toMatchObject({ assessmentId, year: 2026, scored: 3, selfPoints: await selfPoints(assessmentId) });
    expect(mine.maxPoints).toBe(61.5);
    expect(await testDb.auditLog.count({ where: { action: "criterionScore.selfScore", entityId: { in: rows.map((r) => String(r.id)) } } })).toBe(3);
  });

  it("refuses a second opening of the year, a leader, and another province; the province is not offered as an agency", async () => {
    await expect(
      openSelfAssessment(staff, { provinceId: staff.provinceId, frameworkId: parFramework.id, year: 2026, deadline: "2100-12-15" }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(
      openSelfAssessment(leader, { provinceId: staff.provinceId, frameworkId: parFramework.id, year: 2027, deadline: "2100-12-15" }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    const other = await testDb.province.findFirstOrThrow({ where: { code: "01", validTo: null } });
    await expect(openSelfAssessment(staff, { provinceId: other.id, frameworkId: parFramework.id, year: 2027, deadline: "2100-12-15" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    const options = await openingOptions(staff, staff.provinceId!);
    expect(options.agencies.some((a) => a.kind === "PROVINCE")).toBe(false);
  });
});

describe("the nowcast", () => {
  it("with today's data: the self-assessed points, and plainly no component, total or band", async () => {
    const nowcast = await getNowcast(leader);
    const mine = await testDb.assessment.findFirstOrThrow({ where: { agency: { kind: "PROVINCE", provinceId: leader.provinceId! }, period: { year: 2026 } } });
    const appraisal = nowcast.components.find((c) => c.source.kind === "self");
    expect(appraisal?.value).toBe(await selfPoints(mine.id));
    expect(nowcast.components.filter((c) => c.source.kind === "none").map((c) => c.code)).toEqual(nowcast.missing);
    expect(nowcast.missing.length).toBe(parFramework.components.length - 1);
    expect(nowcast).toMatchObject({ expected: null, range: null, band: null, gap: null });
    // The last table with scores, from the database: the province's own units (the new one and the two
    // it was formed from) leave it, the estimate comes in once.
    const latest = await testDb.publishedResult.findFirstOrThrow({ where: { indexCode: "PAR_INDEX", score: { not: null } }, orderBy: { year: "desc" } });
    const formedFrom = await testDb.provinceLineage.findMany({ where: { successorId: leader.provinceId! } });
    const own = [leader.provinceId!, ...formedFrom.map((l) => l.predecessorId)];
    const others = await testDb.publishedResult.count({
      where: { indexCode: "PAR_INDEX", year: latest.year, score: { not: null }, provinceId: { notIn: own } },
    });
    const end = new Date(Date.UTC(latest.year, 11, 31));
    const inForce = { validFrom: { lte: end }, OR: [{ validTo: null }, { validTo: { gte: end } }] };
    const units = await testDb.province.count({ where: inForce });
    const ownThen = await testDb.province.count({ where: { id: { in: own }, ...inForce } });
    expect(nowcast.distribution).toEqual({ year: latest.year, published: others, unitCount: units - ownThen + 1 });
  });

  it("with published components, last year's gap and a last table: the expected total, its range and rank band", async () => {
    // A province formed from exactly one unit; its 2025 self-assessment (every appraisal criterion at
    // its maximum) and its 2025 result with the four components, then a 2026 self-assessment.
    const links = await testDb.provinceLineage.groupBy({ by: ["successorId"], _count: { predecessorId: true } });
    const single = links.find((l) => l._count.predecessorId === 1 && l.successorId !== staff.provinceId)!;
    const province = await testDb.province.findUniqueOrThrow({ where: { id: single.successorId } });
    const admin = await actorFor("quantri@demo.local");
    const y2025 = await openSelfAssessment(admin, { provinceId: province.id, frameworkId: parFramework.id, year: 2025, deadline: "2100-12-15" });
    const y2026 = await openSelfAssessment(admin, { provinceId: province.id, frameworkId: parFramework.id, year: 2026, deadline: "2100-12-15" });
    for (const { assessmentId } of [y2025, y2026]) {
      const rows = await testDb.criterionScore.findMany({ where: { assessmentId, criterion: { method: "APPRAISAL" } }, include: { criterion: true } });
      for (const row of rows) await testDb.criterionScore.update({ where: { id: row.id }, data: { selfScore: row.criterion.maxPoints } });
    }
    const parts = { APPRAISAL: 55.25, SIPAS: 8.5, LEADER_SURVEY: 16, SOCIO_ECONOMIC: 5 };
    await testDb.publishedResult.create({
      data: {
        provinceId: province.id,
        indexCode: "PAR_INDEX",
        year: 2025,
        score: 84.75,
        source: "thử nghiệm",
        components: { create: Object.entries(parts).map(([code, value]) => ({ code, value })) },
      },
    });
    const others = await testDb.province.findMany({ where: { validTo: null, id: { not: province.id } }, take: 5, orderBy: { code: "asc" } });
    const scores = [90, 86, 84, 80, 78];
    await testDb.publishedResult.createMany({
      data: others.map((p, i) => ({ provinceId: p.id, indexCode: "PAR_INDEX", year: 2025, score: scores[i], source: "thử nghiệm" })),
    });

    const nowcast = await nowcastOf(province.id);
    const self2026 = await selfPoints(y2026.assessmentId);
    const self2025 = await selfPoints(y2025.assessmentId);
    expect([self2025, self2026]).toEqual([61.5, 61.5]);
    // By hand: 61.5 + 8.5 + 16 + 5 = 91; the Ministry appraised 55.25 of 61.5 in 2025 (−6.25), so
    // 84.75 to 91; among 90, 86, 84, 80, 78 and 28 unpublished of 34 units: 1st at best, 31st at worst.
    expect(nowcast.expected).toBe(91);
    expect(nowcast.gap).toEqual({ year: 2025, self: 61.5, appraised: 55.25, gap: -6.25 });
    expect(nowcast.range).toEqual({ low: 84.75, high: 91 });
    expect(nowcast.distribution).toEqual({ year: 2025, published: 5, unitCount: 34 });
    expect(nowcast.band).toEqual({ best: 1, worst: 31 });
    expect(nowcast.band).toEqual(rankBand(nowcast.range!, scores, 34));
    expect(nowcast.components.map((c) => [c.code, c.value, c.source])).toEqual([
      ["APPRAISAL", 61.5, { kind: "self", year: 2026 }],
      ["SIPAS", 8.5, { kind: "published", year: 2025 }],
      ["LEADER_SURVEY", 16, { kind: "published", year: 2025 }],
      ["SOCIO_ECONOMIC", 5, { kind: "published", year: 2025 }],
    ]);
  });

  it("is for Home Affairs and the leaders of the province: an agency head is refused", async () => {
    await expect(getNowcast(head)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listSelfAssessments(head, head.provinceId!)).rejects.toBeInstanceOf(ForbiddenError);
    const other = await testDb.province.findFirstOrThrow({ where: { code: "01", validTo: null } });
    await expect(listSelfAssessments(leader, other.id)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getNowcast(staff)).resolves.toEqual(await getNowcast(leader));
  });
});
