// Issue 17, item 3's last part against real PostgreSQL: a framework per peer group. A province's
// departments and communes are scored in one year by different frameworks, each in a period opened
// for its group; a group has one period a year, an agency one period a year; the year's ranking
// across both compares percentages of the applicable maximum, recomputed here from the database.
import { beforeAll, describe, expect, it } from "vitest";

const { openPeriod, publishPeriod, addAgencyToPeriod } = await import("@/lib/assessments/periods/mutations");
const { getYearRanking } = await import("@/lib/assessments/year/queries");
const { competitionRanks } = await import("@/lib/results/ranking");
const { ForbiddenError, ValidationError } = await import("@/lib/errors");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor, leader: Actor, head: Actor;
let province: number;
const agency: Record<string, number> = {}; // code → id
const group: Record<string, { id: number; name: string }> = {};
let departments: number; // the departments' framework (100 points, from the seed)
let communes: number; // the communes' own framework (50 points)
let other: number; // a third framework, for an agency scored twice
const YEAR = "2030";

/** An active internal framework of the province: one field, two sub-criteria of `points` each. */
async function framework(name: string, points: number) {
  const created = await testDb.framework.create({
    data: {
      indexCode: "INTERNAL_PAR",
      ownerProvinceId: province,
      key: `khung-nhom-${name}`,
      version: 1,
      name,
      validFromYear: 2025,
      maxScore: points * 2,
      bonusCap: 0,
      penaltyCap: 0,
      status: "ACTIVE",
      gradeBands: { create: [{ label: "Khá", minScore: 0 }] },
    },
  });
  const field = await testDb.criterion.create({
    data: { frameworkId: created.id, level: "FIELD", code: "1", name: "Lĩnh vực", maxPoints: points * 2, sortOrder: 1 },
  });
  for (const [i, code] of ["1.1", "1.2"].entries()) {
    await testDb.criterion.create({
      data: { frameworkId: created.id, parentId: field.id, level: "CRITERION", code, name: `Tiêu chí ${code}`, maxPoints: points, sortOrder: i + 2 },
    });
  }
  return created.id;
}

const open = (frameworkId: number, codes: string[], peerGroupId?: number) =>
  openPeriod(staff, {
    frameworkId: String(frameworkId),
    year: YEAR,
    deadline: "2030-03-31",
    agencyIds: codes.map((code) => String(agency[code])),
    peerGroupId: peerGroupId ? String(peerGroupId) : "",
  });
const refusal = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return (error as InstanceType<typeof ValidationError>).issues.map((i) => i.message).join(" ");
};

beforeAll(async () => {
  [staff, leader, head] = await Promise.all(["noivu", "lanhdao", "thutruong"].map((u) => actorFor(`${u}@demo.local`)));
  province = staff.provinceId!;
  for (const [name, key] of [
    ["Sở, ban, ngành (thử khung)", "so"],
    ["Xã, phường (thử khung)", "xa"],
  ] as const) {
    group[key] = await testDb.peerGroup.create({ data: { provinceId: province, name } });
  }
  for (const a of await testDb.agency.findMany({ where: { provinceId: province, code: { in: ["STP", "SNV"] } } })) {
    agency[a.code] = a.id;
    await testDb.agency.update({ where: { id: a.id }, data: { peerGroupId: group.so.id } });
  }
  for (const code of ["XA-THU-1", "XA-THU-2"]) {
    const created = await testDb.agency.create({
      data: { provinceId: province, code, name: `UBND xã ${code}`, kind: "COMMUNE", validFrom: new Date("2025-07-01"), peerGroupId: group.xa.id },
    });
    agency[code] = created.id;
  }
  departments = (await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } })).id;
  communes = await framework("Bộ chỉ số cấp xã (thử)", 25);
  other = await framework("Bộ chỉ số khác (thử)", 10);
});

describe("a period opened for a peer group", () => {
  it("takes the group's agencies only, and records the group", async () => {
    const periods = await testDb.assessmentPeriod.count();
    expect(await refusal(open(communes, ["XA-THU-1", "STP"], group.xa.id))).toMatch(/không thuộc nhóm Xã, phường \(thử khung\)/);
    expect(await testDb.assessmentPeriod.count()).toBe(periods);

    const { periodId } = await open(communes, ["XA-THU-1", "XA-THU-2"], group.xa.id);
    expect(await testDb.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId } })).toMatchObject({ peerGroupId: group.xa.id, frameworkId: communes });
    const audit = await testDb.auditLog.findFirstOrThrow({ where: { action: "assessmentPeriod.open", entityId: String(periodId) } });
    expect(audit.newValue).toMatchObject({ peerGroup: group.xa.name, framework: "Bộ chỉ số cấp xã (thử)" });
    // The departments' group is opened the same year with the departments' framework.
    await open(departments, ["STP", "SNV"], group.so.id);
  });

  it("is one a year for a group, and an agency is scored by one period a year", async () => {
    const periods = await testDb.assessmentPeriod.count();
    expect(await refusal(open(other, ["XA-THU-1"], group.xa.id))).toMatch(/đã có kỳ đánh giá năm 2030 \(bộ chỉ số Bộ chỉ số cấp xã \(thử\)\)/);
    expect(await refusal(open(other, ["XA-THU-2"]))).toMatch(/UBND xã XA-THU-2 đã được đánh giá năm 2030 theo bộ chỉ số Bộ chỉ số cấp xã/);
    expect(await testDb.assessmentPeriod.count()).toBe(periods);
    // Nor can an agency of another group be added to a group's period later.
    const communePeriod = await testDb.assessmentPeriod.findFirstOrThrow({ where: { peerGroupId: group.xa.id, year: 2030 } });
    expect(await refusal(addAgencyToPeriod(staff, { periodId: String(communePeriod.id), agencyId: String(agency.STP) }))).toMatch(/không thuộc nhóm/);
  });
});

describe("the year's ranking across the groups' frameworks", () => {
  it("compares percentages of the applicable maximum, overall and within each group, as recomputed from the database", async () => {
    const periods = await testDb.assessmentPeriod.findMany({
      where: { provinceId: province, year: 2030 },
      include: { assessments: { include: { agency: true } } },
    });
    // Finished sheets: totals of different scales (the departments' 100 points, the communes' 50), and
    // one commune's criterion not applicable (its maximum 25 instead of 50).
    const totals: Record<string, number> = { STP: 80, SNV: 92.83, "XA-THU-1": 40, "XA-THU-2": 21.25 };
    for (const period of periods) {
      for (const a of period.assessments) {
        await testDb.assessment.update({ where: { id: a.id }, data: { status: "FINALIZED", finalTotal: totals[a.agency.code] } });
      }
    }
    const x2 = periods.flatMap((p) => p.assessments).find((a) => a.agency.code === "XA-THU-2")!;
    const [firstScore] = await testDb.criterionScore.findMany({ where: { assessmentId: x2.id }, orderBy: { id: "asc" } });
    await testDb.criterionScore.update({ where: { id: firstScore.id }, data: { notApplicable: true, notApplicableReason: "Không có cửa khẩu" } });
    for (const period of periods) await publishPeriod(staff, { periodId: String(period.id), version: String(period.version) });

    const ranking = await getYearRanking(leader, province, 2030);
    expect(ranking.periods.map((p) => p.peerGroup).sort()).toEqual([group.so.name, group.xa.name].sort());
    // Recomputed: final total over the sum of the applicable sub-criteria's maxima.
    const rows = await testDb.assessment.findMany({
      where: { period: { provinceId: province, year: 2030 } },
      include: { agency: { include: { peerGroup: true } }, scores: { include: { criterion: true } } },
    });
    const percent = rows.map((a) => {
      const max = a.scores.filter((s) => !s.notApplicable).reduce((sum, s) => sum + Number(s.criterion.maxPoints), 0);
      return Math.round((Number(a.finalTotal) / max) * 10_000) / 100;
    });
    const ranks = competitionRanks(percent);
    const expected = rows.map((a, i) => ({ code: a.agency.code, percent: percent[i], rank: ranks[i] }));
    expect(ranking.rows.map((r) => ({ code: r.agencyCode, percent: r.percent, rank: r.rank })).sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      expected.sort((a, b) => a.code.localeCompare(b.code)),
    );
    // By hand: SNV 92,83 %, XA-THU-2 21,25 of 25 = 85 %, STP 80 %, XA-THU-1 40 of 50 = 80 % (tied with STP).
    expect(ranking.rows.map((r) => [r.agencyCode, r.percent, r.rank, r.peerRank])).toEqual([
      ["SNV", 92.83, 1, 1],
      ["XA-THU-2", 85, 2, 1],
      ["STP", 80, 3, 2],
      ["XA-THU-1", 80, 3, 2],
    ]);
  });

  it("is for those who read the whole province", async () => {
    await expect(getYearRanking(head, province, 2030)).rejects.toBeInstanceOf(ForbiddenError);
    const otherProvince = await testDb.province.findFirstOrThrow({ where: { code: "01", validTo: null } });
    await expect(getYearRanking(staff, otherProvince.id, 2030)).rejects.toBeInstanceOf(ForbiddenError);
  });
});
