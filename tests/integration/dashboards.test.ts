// The signed-in dashboards against the seeded database: who may read what, and every number
// checked against the database by an independent query (or a hand-made row added here).
import { beforeAll, describe, expect, it } from "vitest";

const { getLeaderDashboard } = await import("@/lib/dashboards/leader/queries");
const { getAgencyView, listAgencies } = await import("@/lib/dashboards/agency/queries");
const { getAgencyTargets, getProvinceTargets } = await import("@/lib/targets/queries");
const { ForbiddenError } = await import("@/lib/errors");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor, head: Actor, leader: Actor, admin: Actor;
let anGiang: number; // the province formed on 01/07/2025
let oldAnGiang: number; // code 89 until 30/06/2025
let stp: { id: number }; // Sở Tư pháp, the demo agency head's agency
let snv: { id: number };
let frameworkId: number;
const NOW = new Date("2026-11-22T03:00:00Z");

/** STP's 2025 criteria with points lost, straight from the database. */
async function stpScores2025() {
  return testDb.criterionScore.findMany({
    where: { assessment: { agencyId: stp.id, period: { year: 2025 } } },
    include: { criterion: true },
  });
}
const lostOf = (s: { criterion: { maxPoints: unknown }; finalScore: unknown }) =>
  Math.round((Number(s.criterion.maxPoints) - Number(s.finalScore ?? 0)) * 100) / 100;
const byCode = (a: string, b: string) => a.localeCompare(b, "vi", { numeric: true });

beforeAll(async () => {
  [staff, head, leader, admin] = await Promise.all(["noivu", "thutruong", "lanhdao", "quantri"].map((u) => actorFor(`${u}@demo.local`)));
  anGiang = leader.provinceId!;
  oldAnGiang = (await testDb.province.findFirstOrThrow({ where: { code: "89", validTo: { not: null } } })).id;
  stp = await testDb.agency.findFirstOrThrow({ where: { provinceId: anGiang, code: "STP" } });
  snv = await testDb.agency.findFirstOrThrow({ where: { provinceId: anGiang, code: "SNV" } });
  frameworkId = (await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } })).id;
});

describe("who may read the dashboards", () => {
  it("refuses a leader or Home Affairs officer another province's dashboard, and an agency head any", async () => {
    const haNoi = await testDb.province.findFirstOrThrow({ where: { code: "01", validTo: null } });
    await expect(getLeaderDashboard(leader, { provinceId: haNoi.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getLeaderDashboard(staff, { provinceId: haNoi.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getLeaderDashboard(head, {})).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getProvinceTargets(head, anGiang, 2025)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getLeaderDashboard(staff, {})).province?.id).toBe(anGiang);
  });

  it("lets an administrator pick any province, and shows only the choices before", async () => {
    const none = await getLeaderDashboard(admin, {}, NOW);
    expect(none.province).toBeNull();
    expect(none.choices).toHaveLength(34);
    const picked = await getLeaderDashboard(admin, { provinceId: anGiang }, NOW);
    expect(picked.province?.label).toBe("An Giang (từ 01/07/2025)");
  });

  it("shows an agency head their own agency only; staff and leaders any agency of their province", async () => {
    await expect(getAgencyView(head, snv.id, { sort: "lost" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAgencyTargets(head, snv.id, 2025)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getAgencyView(head, stp.id, { sort: "lost" })).agencies).toEqual([]);
    expect((await getAgencyView(staff, snv.id, { sort: "lost" })).agencies).toHaveLength(14);
    expect((await getAgencyView(leader, snv.id, { sort: "lost" })).assessment?.year).toBe(2025);
    expect((await listAgencies(head, anGiang)).map((a) => a.code)).toEqual(["STP"]);

    const elsewhere = await testDb.province.findFirstOrThrow({ where: { code: "01", validTo: null } });
    const foreign = await testDb.agency.create({
      data: { provinceId: elsewhere.id, code: "STP", name: "Sở Tư pháp Hà Nội", kind: "DEPARTMENT", validFrom: new Date("2025-07-01") },
    });
    await expect(getAgencyView(leader, foreign.id, { sort: "lost" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAgencyView(staff, foreign.id, { sort: "lost" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAgencies(leader, elsewhere.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getAgencyView(admin, foreign.id, { sort: "lost" })).assessment).toBeNull();
  });
});

describe("leader dashboard numbers come from the database", () => {
  it("says the new province has no published result and shows each old unit's latest with rank and change", async () => {
    const dashboard = await getLeaderDashboard(leader, {}, NOW);
    expect(dashboard.year).toBe(2025);
    expect(dashboard.province?.predecessors).toEqual(["An Giang (đến 30/06/2025)", "Kiên Giang (đến 30/06/2025)"]);
    const par = dashboard.indices.find((i) => i.code === "PAR_INDEX")!;
    expect(par.selfHasResult).toBe(false);
    expect(par.latestYear).toBe((await testDb.publishedResult.findFirstOrThrow({ where: { indexCode: "PAR_INDEX" }, orderBy: { year: "desc" } })).year);

    const stored = await testDb.publishedResult.findMany({
      where: { provinceId: oldAnGiang, indexCode: "PAR_INDEX" },
      orderBy: { year: "desc" },
    });
    const [latest] = stored;
    // The year before the latest, when one was published (a rank change needs consecutive years).
    const before = stored.find((r) => r.year === latest.year - 1) ?? null;
    const line = par.summary.find((s) => s.unitId === oldAnGiang)!;
    expect(line.label).toBe("An Giang (đến 30/06/2025)");
    expect(line.latest).toMatchObject({ year: latest.year, score: Number(latest.score), rank: latest.officialRank, unitCount: 63 });
    if (before) {
      expect(line.previous).toMatchObject({ year: before.year, score: Number(before.score), rank: before.officialRank });
      expect(line.latest.change).toBe(before.officialRank! - latest.officialRank!);
    } else {
      expect(line.previous).toBeNull();
      expect(line.latest.change).toBeNull();
    }
    // 2018 rank 8 → 2019 rank 11: down 3 places.
    const ofAnGiang = par.history.find((h) => h.unitId === oldAnGiang)!;
    expect(ofAnGiang.rows.find((r) => r.year === 2019)).toMatchObject({ rank: 11, change: -3 });

    const kienGiang = par.summary.find((s) => s.label.startsWith("Kiên Giang"))!;
    expect(kienGiang.latest).toMatchObject({ year: 2021, score: 79.97, rank: 63 });
    // The history is per old unit, never a combined line.
    expect(par.history.map((h) => [h.label, h.rows.length])).toEqual([
      ["An Giang (đến 30/06/2025)", stored.length],
      [
        "Kiên Giang (đến 30/06/2025)",
        await testDb.publishedResult.count({ where: { indexCode: "PAR_INDEX", province: { code: "91", validTo: { not: null } } } }),
      ],
    ]);
    const averages = await testDb.publishedAggregate.findMany({
      where: { indexCode: "PAR_INDEX", kind: "NATIONAL_AVERAGE" },
      orderBy: { year: "asc" },
    });
    expect(par.nationalAverages).toEqual(averages.map((a) => ({ year: a.year, value: Number(a.value) })));
    expect(par.components).toEqual([]);
    expect(dashboard.targets).toEqual([]);
  });

  it("ranks the agencies of the published year as stored, and finds the ten criteria that lost the most points", async () => {
    const dashboard = await getLeaderDashboard(leader, { year: 2025 }, NOW);
    const [period] = dashboard.periods;
    const stored = (await testDb.assessment.findMany({ where: { period: { provinceId: anGiang, year: 2025 } }, include: { agency: true } })).sort(
      (x, y) => x.rank! - y.rank! || x.agency.name.localeCompare(y.agency.name, "vi"),
    );
    // Equal totals share a rank.
    expect(new Set(stored.map((a) => a.rank)).size).toBeLessThan(stored.length);
    expect(period.standings.map((s) => [s.code, s.rank, s.finalTotal, s.classification])).toEqual(
      stored.map((a) => [a.agency.code, a.rank, Number(a.finalTotal), a.classification]),
    );
    const lost = await testDb.$queryRaw<{ code: string; lost: string }[]>`
      SELECT c.code, SUM(c.max_points - COALESCE(s.final_score, 0))::text AS lost
      FROM criterion_score s JOIN criterion c ON c.id = s.criterion_id
      JOIN assessment a ON a.id = s.assessment_id JOIN assessment_period p ON p.id = a.period_id
      WHERE p.province_id = ${anGiang} AND p.year = 2025 AND a.status = 'FINALIZED'
      GROUP BY c.code HAVING SUM(c.max_points - COALESCE(s.final_score, 0)) > 0`;
    const expected = lost
      .map((r) => ({ code: r.code, lost: Number(r.lost) }))
      .sort((a, b) => b.lost - a.lost || byCode(a.code, b.code))
      .slice(0, 10);
    expect(period.lostCriteria.map((c) => ({ code: c.code, lost: c.lost }))).toEqual(expected);
  });

  it("compares components with the national average and the province ranked first, when they are known", async () => {
    const result2019 = await testDb.publishedResult.findFirstOrThrow({
      where: { provinceId: oldAnGiang, indexCode: "PAR_INDEX", year: 2019 },
    });
    const first2019 = await testDb.publishedResult.findFirstOrThrow({
      where: { indexCode: "PAR_INDEX", year: 2019, officialRank: 1 },
      include: { province: true },
    });
    await testDb.resultComponent.createMany({
      data: [
        { resultId: result2019.id, code: "APPRAISAL", value: 52.1 },
        { resultId: result2019.id, code: "SIPAS", value: 8.9 },
        { resultId: first2019.id, code: "APPRAISAL", value: 57.3 },
      ],
    });
    await testDb.publishedAggregate.create({
      data: { indexCode: "PAR_INDEX", year: 2019, kind: "ELEMENT_AVERAGE", subject: "APPRAISAL", value: 50.02, source: "kiểm thử" },
    });
    const par = (await getLeaderDashboard(leader, {}, NOW)).indices.find((i) => i.code === "PAR_INDEX")!;
    expect(par.components).toHaveLength(1);
    expect(par.components[0]).toMatchObject({
      unitLabel: "An Giang (đến 30/06/2025)",
      year: 2019,
      leader: { label: `${first2019.province.nameVi} (đến 30/06/2025)`, score: 90.09 },
    });
    expect(par.components[0].items).toEqual([
      { code: "APPRAISAL", nameVi: expect.any(String), maxPoints: 61.5, value: 52.1, nationalAverage: 50.02, leaderValue: 57.3 },
      { code: "SIPAS", nameVi: expect.any(String), maxPoints: 10, value: 8.9, nationalAverage: null, leaderValue: null },
    ]);
  });
});

describe("agency view", () => {
  it("lists every criterion of the latest assessment, the weakest first, with flags from the stored scores", async () => {
    const view = await getAgencyView(head, stp.id, { sort: "lost" });
    const a = view.assessment!;
    expect(a).toMatchObject({ year: 2025, basis: "final", periodStatus: "PUBLISHED" });
    const stored = await stpScores2025();
    expect(a.rows).toHaveLength(stored.length);
    const weakest = [...stored].sort((x, y) => lostOf(y) - lostOf(x) || byCode(x.criterion.code, y.criterion.code))[0];
    expect(a.rows[0]).toMatchObject({ code: weakest.criterion.code, lost: lostOf(weakest), finalScore: Number(weakest.finalScore) });
    for (let i = 1; i < a.rows.length; i++) expect(a.rows[i - 1].lost).toBeGreaterThanOrEqual(a.rows[i].lost);
    for (const row of a.rows) {
      const s = stored.find((x) => x.criterion.code === row.code)!;
      const final = Number(s.finalScore);
      const expected = final === 0 ? ["not_scored"] : final < Number(s.criterion.maxPoints) ? ["below_max"] : [];
      expect(row.flags).toEqual(expected);
      expect(row.selfScore).toBe(s.selfScore === null ? null : Number(s.selfScore));
    }
    const assessment = await testDb.assessment.findFirstOrThrow({ where: { agencyId: stp.id, period: { year: 2025 } } });
    expect(a.total).toBe(Number(assessment.finalTotal));
    expect(a.rank).toEqual({ value: assessment.rank, of: 14 });
    expect(a.classification).toBe(assessment.classification);
    expect(a.previousYear).toBeNull();
    expect(a.rows.every((r) => r.yoy.change === null)).toBe(true);
  });

  it("sorts by code on request", async () => {
    const view = await getAgencyView(staff, stp.id, { sort: "code" });
    const codes = view.assessment!.rows.map((r) => r.code);
    expect(codes).toEqual([...codes].sort(byCode));
  });

  it("plans what to fix to the next classification threshold and the rank it would give among the published totals", async () => {
    const view = await getAgencyView(head, stp.id, { sort: "lost" });
    const a = view.assessment!;
    const bands = (await testDb.gradeBand.findMany({ where: { frameworkId } })).map((b) => Number(b.minScore));
    const next = Math.min(...bands.filter((b) => b > a.total));
    expect(a.whatToFix.targetSource).toMatchObject({ source: "next_band", value: next });
    const plan = a.whatToFix.plan!;
    expect(plan.status).toBe("reachable");
    expect(plan.recovered).toBeGreaterThanOrEqual(next - a.total);
    // Only what the agency can act on (issue 14, item 8): survey criteria are named, never proposed.
    const survey = a.rows.filter((r) => r.method !== "APPRAISAL" && r.lost > 0).map((r) => r.code);
    expect(a.whatToFix.notActionable).toEqual(survey);
    expect(plan.picks.filter((p) => survey.includes(p.code))).toEqual([]);
    const totals = (await testDb.assessment.findMany({ where: { period: { year: 2025, provinceId: anGiang } } }))
      .filter((x) => x.agencyId !== stp.id)
      .map((x) => Number(x.finalTotal));
    expect(a.whatToFix.newRank).toEqual({ rank: 1 + totals.filter((t) => t > plan.newTotal).length, of: 14 });
    expect(a.whatToFix.currentRank?.rank).toBe(a.rank?.value);

    const above = (await getAgencyView(head, stp.id, { sort: "lost", target: 101 })).assessment!.whatToFix.plan!;
    expect(above).toMatchObject({ status: "impossible", aboveMaximum: true });
  });
});

describe("targets of the year, evaluated", () => {
  let directiveId: number;
  let weakCode: string;

  beforeAll(async () => {
    weakCode = (await getAgencyView(staff, stp.id, { sort: "lost", year: 2025 })).assessment!.rows[0].code;
    const weak = await testDb.criterion.findFirstOrThrow({ where: { frameworkId, code: weakCode } });
    const full = await testDb.criterion.findFirstOrThrow({ where: { frameworkId, code: "1.1.1" } });
    const directive = await testDb.directive.create({
      data: {
        provinceId: anGiang,
        number: "99/KH-UBND",
        kind: "KE_HOACH",
        issuer: "UBND tỉnh An Giang (kiểm thử)",
        title: "Kế hoạch nâng cao Chỉ số CCHC năm 2025",
        years: [2025, 2026],
      },
    });
    directiveId = directive.id;
    await testDb.target.createMany({
      data: [
        { directiveId, kind: "MIN_SCORE", indexCode: "PAR_INDEX", year: 2025, value: 85, unit: "%", provinceId: anGiang },
        {
          directiveId,
          kind: "RANK_IMPROVEMENT",
          indexCode: "PAR_INDEX",
          year: 2025,
          value: 10,
          valueMax: 15,
          unit: "bậc",
          provinceId: anGiang,
        },
        { directiveId, kind: "MIN_SCORE", indexCode: "INTERNAL_PAR", year: 2025, value: 92, unit: "điểm", agencyId: stp.id },
        { directiveId, kind: "CRITERION_SCORE", year: 2025, value: 6, unit: "điểm", agencyId: stp.id, criterionId: weak.id },
        { directiveId, kind: "CRITERION_SCORE", year: 2025, value: 1, unit: "điểm", agencyId: stp.id, criterionId: full.id },
        { directiveId, kind: "COMMITMENT_COMPLETION", year: 2026, value: 100, unit: "%", agencyId: stp.id },
      ],
    });
    const task = await testDb.task.create({
      data: {
        directiveId,
        sortOrder: 1,
        title: `Khắc phục tiêu chí ${weakCode}`,
        leadAgencyId: stp.id,
        dueOn: new Date("2026-06-30"),
        status: "IN_PROGRESS",
        progressPercent: 40,
      },
    });
    await testDb.taskCriterion.create({ data: { taskId: task.id, criterionId: weak.id } });
    await testDb.task.create({
      data: { directiveId, sortOrder: 2, title: "Rà soát thủ tục", leadAgencyId: stp.id, status: "DONE", progressPercent: 100 },
    });
    // The old An Giang's plan of 2019, evaluated against the published 2019 and 2012 tables.
    const old = await testDb.directive.create({
      data: {
        provinceId: oldAnGiang,
        number: "98/KH-UBND",
        kind: "KE_HOACH",
        issuer: "UBND tỉnh An Giang (kiểm thử)",
        title: "Kế hoạch 2019",
        years: [2012, 2019],
      },
    });
    await testDb.target.createMany({
      data: [
        { directiveId: old.id, kind: "MAX_RANK", indexCode: "PAR_INDEX", year: 2019, value: 10, unit: "hạng", provinceId: oldAnGiang },
        {
          directiveId: old.id,
          kind: "RANK_IMPROVEMENT",
          indexCode: "PAR_INDEX",
          year: 2019,
          value: 1,
          valueMax: 3,
          unit: "bậc",
          provinceId: oldAnGiang,
        },
        { directiveId: old.id, kind: "MIN_SCORE", indexCode: "SIPAS", year: 2019, value: 85, unit: "%", provinceId: oldAnGiang },
        {
          directiveId: old.id,
          kind: "MIN_PERCENT_OF_MAX",
          indexCode: "PAR_INDEX",
          year: 2019,
          value: 85,
          unit: "%",
          provinceId: oldAnGiang,
        },
        { directiveId: old.id, kind: "MAX_RANK", indexCode: "PAR_INDEX", year: 2012, value: 10, unit: "hạng", provinceId: oldAnGiang },
      ],
    });
  });

  it("evaluates the province's and its agencies' targets of 2025", async () => {
    const targets = await getProvinceTargets(leader, anGiang, 2025, NOW);
    expect(targets.map((t) => [t.evaluation.targetText, t.evaluation.status, t.evaluation.actualText])).toEqual([
      ["PAR INDEX ≥ 85%", "not_yet_known", "—"],
      ["PAR INDEX: tăng 10–15 bậc", "not_yet_known", "—"],
      ["Sở Tư pháp ≥ 92 điểm", "missed", "89,25 điểm"],
      [`Sở Tư pháp – tiêu chí ${weakCode} ≥ 6 điểm`, "missed", "0,00 điểm"],
      ["Sở Tư pháp – tiêu chí 1.1.1 ≥ 1 điểm", "met", "2,00 điểm"],
    ]);
    expect(targets[1].evaluation.explanation).toContain("thành lập từ 01/07/2025");
    expect(targets[2].evaluation.gap).toBe(2.75);
    expect((await getLeaderDashboard(leader, { year: 2025 }, NOW)).targets).toHaveLength(5);
  });

  it("evaluates the old unit's 2019 targets on the published tables, partial ones included", async () => {
    const targets = await getProvinceTargets(staff, anGiang, 2019, NOW);
    expect(targets.map((t) => [t.unitLabel, t.evaluation.targetText, t.evaluation.status, t.evaluation.actualText])).toEqual([
      ["An Giang (đến 30/06/2025)", "PAR INDEX: xếp hạng từ 1 đến 10", "missed", "hạng 11/63"],
      ["An Giang (đến 30/06/2025)", "PAR INDEX: tăng 1–3 bậc", "missed", "giảm 3 bậc"],
      ["An Giang (đến 30/06/2025)", "SIPAS ≥ 85%", "met", "89,81%"],
      ["An Giang (đến 30/06/2025)", "PAR INDEX ≥ 85% điểm tối đa", "missed", "83,32%"],
    ]);
    // 2012: the table gives An Giang no rank; the known rows put it between 5 and 17.
    const [partial] = await getProvinceTargets(staff, anGiang, 2012, NOW);
    expect(partial.evaluation).toMatchObject({ status: "not_yet_known", actualText: "hạng 5–17 (trên 63)" });
  });

  it("marks the weak criterion below its target, makes the agency's target the default of what to fix, and shows the task beside it", async () => {
    const a = (await getAgencyView(head, stp.id, { sort: "lost", year: 2025 }, NOW)).assessment!;
    const weak = a.rows.find((r) => r.code === weakCode)!;
    expect(weak).toMatchObject({ target: 6, flags: ["not_scored", "below_target"] });
    expect(weak.tasks).toEqual([
      expect.objectContaining({
        title: `Khắc phục tiêu chí ${weakCode}`,
        directiveNumber: "99/KH-UBND",
        status: "IN_PROGRESS",
        overdue: true,
      }),
    ]);
    expect(a.rows.find((r) => r.code === "1.1.1")).toMatchObject({ target: 1, flags: [] });
    expect(a.whatToFix.targetSource).toMatchObject({ source: "agency_target", value: 92 });
    expect(a.whatToFix.plan?.recovered).toBeGreaterThanOrEqual(2.75);
  });

  it("evaluates commitment completion from the tasks: at risk with an overdue task, missed after the year, met when all are done", async () => {
    const completion = async (now: Date) => (await getAgencyTargets(head, stp.id, 2026, now)).find((t) => t.kind === "COMMITMENT_COMPLETION")!.evaluation;
    expect(await completion(NOW)).toMatchObject({ status: "at_risk", actualText: "50% (1/2)" });
    expect(await completion(new Date("2027-01-05T03:00:00Z"))).toMatchObject({ status: "missed" });
    await testDb.task.updateMany({ where: { directiveId }, data: { status: "DONE" } });
    expect(await completion(NOW)).toMatchObject({ status: "met", actualText: "100% (2/2)" });
  });

  it("is at risk mid-year when the self-scored total is below the agency's target", async () => {
    const period = await testDb.assessmentPeriod.create({
      data: { provinceId: anGiang, frameworkId, year: 2026, selfScoringDeadline: new Date("2026-12-15T16:59:59Z"), status: "SELF_SCORING" },
    });
    const leaves = await testDb.criterion.findMany({ where: { frameworkId, level: "SUB_CRITERION" } });
    await testDb.assessment.create({
      data: {
        periodId: period.id,
        agencyId: stp.id,
        scores: { create: leaves.map((c) => ({ criterionId: c.id, selfScore: c.method === "APPRAISAL" ? 2 : null })) },
      },
    });
    await testDb.target.create({
      data: { directiveId, kind: "MIN_SCORE", indexCode: "INTERNAL_PAR", year: 2026, value: 80, unit: "điểm", agencyId: stp.id },
    });
    const selfTotal = 2 * leaves.filter((c) => c.method === "APPRAISAL").length;
    const evaluation = (await getAgencyTargets(head, stp.id, 2026, NOW)).find((t) => t.kind === "MIN_SCORE")!.evaluation;
    expect(evaluation).toMatchObject({ status: "at_risk", gap: 80 - selfTotal });
    expect(evaluation.explanation).toContain("tổng điểm tự chấm");
    // The agency view of that year reads its flags from the self scores, and says so.
    const a = (await getAgencyView(head, stp.id, { sort: "lost", year: 2026 }, NOW)).assessment!;
    expect(a).toMatchObject({ basis: "self", total: selfTotal, rank: null });
    await testDb.assessment.deleteMany({ where: { periodId: period.id } });
    await testDb.assessmentPeriod.delete({ where: { id: period.id } });
  });
});

describe("year-over-year change across framework versions", () => {
  it("matches criteria by code, marks new codes and changed maxima", async () => {
    const v1 = await testDb.criterion.findMany({ where: { frameworkId, level: "SUB_CRITERION" }, orderBy: { sortOrder: "asc" } });
    const v2 = await testDb.framework.create({
      data: {
        indexCode: "INTERNAL_PAR",
        ownerProvinceId: anGiang,
        key: "an-giang-so-ban-nganh",
        version: 2,
        name: "Bộ chỉ số 2026 (kiểm thử)",
        validFromYear: 2026,
        maxScore: 100,
        previousVersionId: frameworkId,
        gradeBands: {
          create: [
            { label: "Xuất sắc", minScore: 90 },
            { label: "Tốt", minScore: 80 },
            { label: "Yếu", minScore: 0 },
          ],
        },
        criteria: {
          create: v1.map((c, i) => ({
            level: "SUB_CRITERION" as const,
            code: c.code === "1.2.2" ? "1.2.9" : c.code,
            name: c.name,
            maxPoints: c.code === "1.1.1" ? 3 : c.maxPoints,
            method: c.method,
            sortOrder: i + 1,
          })),
        },
      },
      include: { criteria: true },
    });
    const period = await testDb.assessmentPeriod.create({
      data: {
        provinceId: anGiang,
        frameworkId: v2.id,
        year: 2026,
        selfScoringDeadline: new Date("2026-03-01T16:59:59Z"),
        status: "PUBLISHED",
        publishedAt: new Date("2026-04-01"),
      },
    });
    const weak = (await stpScores2025()).sort((x, y) => lostOf(y) - lostOf(x) || byCode(x.criterion.code, y.criterion.code))[0];
    await testDb.assessment.create({
      data: {
        periodId: period.id,
        agencyId: stp.id,
        status: "FINALIZED",
        finalTotal: 99,
        rank: 1,
        classification: "Xuất sắc",
        scores: {
          create: v2.criteria.map((c) => {
            const final = c.code === weak.criterion.code ? 1.5 : Number(c.maxPoints);
            return { criterionId: c.id, selfScore: final, round1Score: final, finalScore: final };
          }),
        },
      },
    });
    // Without a year the view opens the latest published year, 2026, and compares with 2025.
    const a = (await getAgencyView(head, stp.id, { sort: "lost" }, NOW)).assessment!;
    expect(a).toMatchObject({ year: 2026, previousYear: 2025 });
    const row = (code: string) => a.rows.find((r) => r.code === code)!;
    expect(row(weak.criterion.code).yoy).toEqual({
      previous: Number(weak.finalScore),
      change: 1.5 - Number(weak.finalScore),
      isNew: false,
      maxChanged: false,
    });
    expect(row("1.1.1").yoy).toMatchObject({ maxChanged: true });
    expect(row("1.2.9").yoy).toMatchObject({ isNew: true, change: null });
  });
});
