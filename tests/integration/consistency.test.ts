// Consistency analytics (issue 17, item 6) against real PostgreSQL: the report's numbers recomputed
// here from the database with Prisma (the seeded, finished 2025 period, and a 2024 period added with
// explanations and round-2 scores), and who may read it.
import { beforeAll, describe, expect, it } from "vitest";

const { consistency } = await import("@/lib/assessments/consistency/queries");
const { ForbiddenError } = await import("@/lib/errors");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor, head: Actor, leader: Actor;
const n = (value: unknown) => (value === null || value === undefined ? null : Number(value));
const r2 = (value: number) => Math.round(value * 100) / 100;

/** An agency's self and final appraised totals in a year, from the rows, as the page defines them. */
async function totals(agencyId: number, year: number) {
  const rows = await testDb.criterionScore.findMany({
    where: {
      notApplicable: false,
      selfScore: { not: null },
      criterion: { method: "APPRAISAL" },
      assessment: { agencyId, status: "FINALIZED", period: { year, provinceId: staff.provinceId! } },
    },
  });
  const appraised = rows.map((r) => n(r.finalScore) ?? n(r.round2Score) ?? n(r.round1Score)).filter((v): v is number => v !== null);
  const withBoth = rows.filter((r) => (n(r.finalScore) ?? n(r.round2Score) ?? n(r.round1Score)) !== null);
  return {
    self: r2(withBoth.reduce((s, r) => s + Number(r.selfScore), 0)),
    appraised: r2(appraised.reduce((s, v) => s + v, 0)),
    round1: r2(rows.filter((r) => r.round1Score !== null).reduce((s, r) => s + Number(r.round1Score), 0)),
    round1Self: r2(rows.filter((r) => r.round1Score !== null).reduce((s, r) => s + Number(r.selfScore), 0)),
  };
}

beforeAll(async () => {
  [staff, head, leader] = await Promise.all(["noivu", "thutruong", "lanhdao"].map((u) => actorFor(`${u}@demo.local`)));
  // A finished 2024 period for three agencies, copied from 2025 with changes: STP scored itself
  // 2 points higher on its first sub-criterion, and explanations were asked on two of them.
  const seeded = await testDb.assessmentPeriod.findFirstOrThrow({
    where: { provinceId: staff.provinceId!, year: 2025, isDemo: true },
    include: { assessments: { include: { agency: true, scores: { include: { criterion: true }, orderBy: { criterion: { sortOrder: "asc" } } } } } },
  });
  const period = await testDb.assessmentPeriod.create({
    data: {
      provinceId: seeded.provinceId,
      frameworkId: seeded.frameworkId,
      year: 2024,
      selfScoringDeadline: new Date("2024-12-15T16:59:59Z"),
      status: "PUBLISHED",
    },
  });
  for (const a of seeded.assessments.filter((x) => ["STP", "SNV", "STC"].includes(x.agency.code))) {
    const leaves = a.scores.filter((s) => s.criterion.method === "APPRAISAL");
    await testDb.assessment.create({
      data: {
        periodId: period.id,
        agencyId: a.agencyId,
        status: "FINALIZED",
        scores: {
          create: a.scores.map((s) => {
            const i = leaves.findIndex((l) => l.id === s.id);
            const base = { criterionId: s.criterionId, selfScore: s.selfScore, round1Score: s.round1Score, finalScore: s.finalScore };
            if (a.agency.code !== "STP" || i < 0 || i > 1) return base;
            // STP, first leaf: self 2, round 1 gave 0, explanation accepted in part (round 2: 1).
            // STP, second leaf: self 2, round 1 gave 0, explanation refused (round 2: 0).
            const round2 = i === 0 ? 1 : 0;
            return { ...base, selfScore: 2, round1Score: 0, explanationRequest: "Bổ sung minh chứng", round2Score: round2, finalScore: round2 };
          }),
        },
      },
    });
  }
});

describe("the consistency report", () => {
  it("gives each agency's gap to round 1 and to the final appraisal, as the database has them", async () => {
    const report = await consistency(staff, 2025);
    expect(report.years.slice(0, 2)).toEqual([2025, 2024]);
    const finished = await testDb.assessment.findMany({ where: { status: "FINALIZED", period: { year: 2025, provinceId: staff.provinceId! } } });
    expect(report.agencies).toHaveLength(finished.length);
    for (const a of report.agencies) {
      const t = await totals(a.agencyId, 2025);
      expect(a.final).toMatchObject({ self: t.self, appraised: t.appraised, gap: r2(t.self - t.appraised) });
      expect(a.round1?.gap).toBe(r2(t.round1Self - t.round1));
    }
    // The seed has agencies scoring themselves above the appraisal (a quarter of the maximum on ~30% of leaves).
    expect(report.agencies.some((a) => (a.final?.gap ?? 0) > 0)).toBe(true);
  });

  it("follows an agency over the years, and states its verdict by the rule", async () => {
    const report = await consistency(staff, 2025);
    const stp = report.agencies.find((a) => a.agencyCode === "STP")!;
    const [y24, y25] = [await totals(stp.agencyId, 2024), await totals(stp.agencyId, 2025)];
    expect(stp.years).toEqual([
      { year: 2024, gap: r2(y24.self - y24.appraised) },
      { year: 2025, gap: r2(y25.self - y25.appraised) },
    ]);
    const gaps = [y24.self - y24.appraised, y25.self - y25.appraised];
    const mean = (gaps[0] + gaps[1]) / 2;
    const expected = gaps.every((g) => g > 0) && mean >= 1 ? "systematic" : gaps[1] >= 1 ? "watch" : "none";
    expect(stp.verdict).toBe(expected);
  });

  it("counts round-2 reversals by criterion and the explanations accepted", async () => {
    const report = await consistency(staff, 2024);
    expect(report.year).toBe(2024);
    const reviewed = await testDb.criterionScore.findMany({
      where: { round2Score: { not: null }, round1Score: { not: null }, assessment: { status: "FINALIZED", period: { provinceId: staff.provinceId! } } },
      include: { criterion: true },
    });
    expect(reviewed).toHaveLength(2);
    for (const row of reviewed) {
      const line = report.criteria.find((c) => c.criterionId === row.criterionId)!;
      expect(line.reviewed).toBe(1);
      expect(line.reversed).toBe(Number(row.round2Score) !== Number(row.round1Score) ? 1 : 0);
    }
    expect(report.criteria.reduce((s, c) => s + c.reversed, 0)).toBe(1);
    // Two explanations decided: one raised from 0 to 1 (accepted, not fully: self was 2), one refused.
    expect(report.explanations).toEqual({ decided: 2, accepted: 1, fullyAccepted: 0 });
  });

  it("is for Home Affairs and the province's leaders (item 6: who over-reports); an agency head is refused", async () => {
    await expect(consistency(head, null)).rejects.toBeInstanceOf(ForbiddenError);
    // The leader reads the very report Home Affairs reads, of their own province only.
    await expect(consistency(leader, 2025)).resolves.toEqual(await consistency(staff, 2025));
    const other = await testDb.province.findFirstOrThrow({ where: { code: "01", validTo: null } });
    const otherLeader = { ...leader, id: leader.id + 100_000, provinceId: other.id, provinceName: other.nameVi };
    const report = await consistency(otherLeader, null);
    expect(report.agencies.map((a) => a.agencyCode)).not.toContain("STP");
    expect(report.year).toBeNull();
  });
});
