// Issue 17 against real PostgreSQL: criteria not applicable to one agency (its applicable maximum,
// percentage and rank), peer-group ranks, and the period control board (progress, extension,
// returning and withdrawing a submitted sheet) — every change audited, every refusal changing nothing.
import { beforeAll, describe, expect, it } from "vitest";

const { selfScore, advance } = await import("@/lib/assessments/mutations");
const { setNotApplicable, extendDeadline } = await import("@/lib/assessments/board/mutations");
const { periodProgress } = await import("@/lib/assessments/board/queries");
const { openPeriod, publishPeriod } = await import("@/lib/assessments/periods/mutations");
const { getPeriod } = await import("@/lib/assessments/periods/queries");
const { ForbiddenError, ValidationError } = await import("@/lib/errors");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");
const { storedEvidence } = await import("../support/authz-fixtures");

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor, head: Actor;
let periodId: number;
const ids: Record<string, number> = {}; // agency code → assessment id
const BEFORE_DEADLINE = new Date("2027-03-01T03:00:00Z");
const AFTER_DEADLINE = new Date("2027-04-05T03:00:00Z");

const leavesOf = (code: string) =>
  testDb.criterionScore.findMany({
    where: { assessmentId: ids[code], criterion: { method: "APPRAISAL" } },
    include: { criterion: true },
    orderBy: { criterion: { sortOrder: "asc" } },
  });
const auditOf = (action: string) => testDb.auditLog.findMany({ where: { action }, orderBy: { id: "asc" } });
const version = async (code: string) => (await testDb.assessment.findUniqueOrThrow({ where: { id: ids[code] } })).version;

beforeAll(async () => {
  [staff, head] = await Promise.all(["noivu", "thutruong"].map((u) => actorFor(`${u}@demo.local`)));
  const framework = await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } });
  const agencies = await testDb.agency.findMany({ where: { code: { in: ["STP", "SNV", "STC"] }, provinceId: staff.provinceId! } });
  ({ periodId } = await openPeriod(staff, {
    frameworkId: String(framework.id),
    year: "2027",
    deadline: "2027-03-31",
    agencyIds: agencies.map((a) => String(a.id)),
  }));
  for (const a of await testDb.assessment.findMany({ where: { periodId }, include: { agency: true } })) ids[a.agency.code] = a.id;
  // Two peer groups: STP and STC compared with each other, SNV alone.
  const withProcedures = await testDb.peerGroup.create({ data: { provinceId: staff.provinceId!, name: "Sở có TTHC (thử)" } });
  const without = await testDb.peerGroup.create({ data: { provinceId: staff.provinceId!, name: "Sở không có TTHC (thử)" } });
  await testDb.agency.updateMany({
    where: { id: { in: agencies.filter((a) => a.code !== "SNV").map((a) => a.id) } },
    data: { peerGroupId: withProcedures.id },
  });
  await testDb.agency.updateMany({ where: { id: agencies.find((a) => a.code === "SNV")!.id }, data: { peerGroupId: without.id } });
});

describe("a criterion not applicable to one agency", () => {
  it("is marked by Home Affairs with a reason, clears the self score, lowers the maximum, and is audited", async () => {
    const [first] = await leavesOf("SNV");
    await selfScore(staff, { criterionScoreId: first.id, version: first.version, score: "0" }, BEFORE_DEADLINE);
    const scored = (await leavesOf("SNV"))[0];
    await setNotApplicable(staff, { criterionScoreId: scored.id, version: scored.version, notApplicable: "1", reason: "Không có thủ tục hành chính" });
    const after = await testDb.criterionScore.findUniqueOrThrow({ where: { id: scored.id } });
    expect(after).toMatchObject({ notApplicable: true, notApplicableReason: "Không có thủ tục hành chính", selfScore: null });
    const [row] = await auditOf("criterionScore.notApplicable");
    expect(row.oldValue).toMatchObject({ notApplicable: false, selfScore: 0, criterion: first.criterion.code, agency: "SNV" });
    expect(row.newValue).toMatchObject({ notApplicable: true, notApplicableReason: "Không có thủ tục hành chính" });
    // The agency cannot score it any more.
    await expect(selfScore(head, { criterionScoreId: after.id, version: after.version, score: "0" }, BEFORE_DEADLINE)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(selfScore(staff, { criterionScoreId: after.id, version: after.version, score: "0" }, BEFORE_DEADLINE)).rejects.toThrow(/không áp dụng/);
  });

  it("needs a reason, Home Affairs of the province, and a sheet not yet submitted", async () => {
    const [, second] = await leavesOf("STP");
    const audits = await testDb.auditLog.count();
    await expect(setNotApplicable(staff, { criterionScoreId: second.id, version: second.version, notApplicable: "1" })).rejects.toBeInstanceOf(ValidationError);
    await expect(setNotApplicable(head, { criterionScoreId: second.id, version: second.version, notApplicable: "1", reason: "x" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    expect(await testDb.criterionScore.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({ notApplicable: false, version: second.version });
    expect(await testDb.auditLog.count()).toBe(audits);
  });
});

describe("the control board", () => {
  it("counts sub-criteria to self-score (not applicable ones left out), scored ones and evidence, as the database holds them", async () => {
    const stp = await leavesOf("STP");
    for (const s of stp.slice(0, 3)) await selfScore(head, { criterionScoreId: s.id, version: s.version, score: "0" }, BEFORE_DEADLINE);
    const progress = await periodProgress(staff, periodId, BEFORE_DEADLINE);
    const expected = await testDb.$queryRaw<{ code: string; total: bigint; scored: bigint }[]>`
      SELECT a.code, count(*) FILTER (WHERE NOT cs.not_applicable) AS total,
             count(*) FILTER (WHERE NOT cs.not_applicable AND cs.self_score IS NOT NULL) AS scored
        FROM criterion_score cs JOIN criterion c ON c.id = cs.criterion_id
        JOIN assessment s ON s.id = cs.assessment_id JOIN agency a ON a.id = s.agency_id
       WHERE s.period_id = ${periodId} AND c.method = 'APPRAISAL' GROUP BY a.code`;
    for (const row of expected) {
      const line = progress.agencies.find((a) => a.agencyCode === row.code)!;
      expect({ total: line.total, scored: line.scored }).toEqual({ total: Number(row.total), scored: Number(row.scored) });
    }
    const stpLine = progress.agencies.find((a) => a.agencyCode === "STP")!;
    expect(stpLine.scored).toBe(3);
    expect(progress.agencies.find((a) => a.agencyCode === "SNV")!.total).toBe(stp.length - 1);
    expect(stpLine).toMatchObject({ status: "DRAFT", evidenceCount: 0, late: false, extended: false });
    // After the deadline the agencies still self-scoring are late; an agency head sees only its own line.
    expect((await periodProgress(staff, periodId, AFTER_DEADLINE)).agencies.every((a) => a.late)).toBe(true);
    expect((await periodProgress(head, periodId)).agencies.map((a) => a.agencyCode)).toEqual(["STP"]);
  });

  it("counts each evidence file once: the same figures as the scores joined to their files and counted distinct", async () => {
    const [stp, snv] = [await leavesOf("STP"), await leavesOf("SNV")];
    for (const score of [stp[0], stp[0], stp[4], snv[1]]) await storedEvidence(score.id);
    const progress = await periodProgress(staff, periodId, BEFORE_DEADLINE);
    // The board's count before it was rewritten without the join (and its sort of every score for DISTINCT).
    const joined = await testDb.$queryRaw<{ code: string; total: bigint; scored: bigint; evidence: bigint }[]>`
      SELECT a.code,
             count(DISTINCT cs.id) FILTER (WHERE c.method = 'APPRAISAL' AND NOT cs.not_applicable) AS total,
             count(DISTINCT cs.id) FILTER (WHERE c.method = 'APPRAISAL' AND NOT cs.not_applicable AND cs.self_score IS NOT NULL) AS scored,
             count(DISTINCT f.id) AS evidence
        FROM criterion_score cs JOIN criterion c ON c.id = cs.criterion_id
        LEFT JOIN stored_file f ON f.criterion_score_id = cs.id
        JOIN assessment s ON s.id = cs.assessment_id JOIN agency a ON a.id = s.agency_id
       WHERE s.period_id = ${periodId} GROUP BY a.code`;
    expect(joined).toHaveLength(3);
    const figures = progress.agencies.map((a) => ({ code: a.agencyCode, total: a.total, scored: a.scored, evidence: a.evidenceCount }));
    const expected = joined.map((r) => ({ code: r.code, total: Number(r.total), scored: Number(r.scored), evidence: Number(r.evidence) }));
    expect(figures.sort((a, b) => a.code.localeCompare(b.code))).toEqual(expected.sort((a, b) => a.code.localeCompare(b.code)));
    expect(figures.find((a) => a.code === "STP")!.evidence).toBe(3);
    expect(figures.find((a) => a.code === "SNV")!.evidence).toBe(1);
    expect(figures.find((a) => a.code === "STC")!.evidence).toBe(0);
  });

  it("extends one agency's deadline with a reason: that agency scores after the period's deadline, the others are still locked", async () => {
    await extendDeadline(staff, { assessmentId: ids.STP, version: await version("STP"), deadline: "2027-04-10", reason: "Thay đổi lãnh đạo sở" });
    const [first] = await leavesOf("STP");
    await selfScore(head, { criterionScoreId: first.id, version: first.version, score: "0" }, AFTER_DEADLINE);
    const stc = (await leavesOf("STC"))[0];
    await expect(selfScore(staff, { criterionScoreId: stc.id, version: stc.version, score: "0" }, AFTER_DEADLINE)).rejects.toThrow(/quá hạn/);
    const progress = await periodProgress(staff, periodId, AFTER_DEADLINE);
    expect(progress.agencies.find((a) => a.agencyCode === "STP")).toMatchObject({ late: false, extended: true, extensionReason: "Thay đổi lãnh đạo sở" });
    const [row] = await auditOf("assessment.extendDeadline");
    expect(row.newValue).toMatchObject({ extensionReason: "Thay đổi lãnh đạo sở", agency: "STP" });
    await expect(extendDeadline(staff, { assessmentId: ids.STC, version: await version("STC"), deadline: "2027-03-01", reason: "x" })).rejects.toBeInstanceOf(
      ValidationError,
    );
  });

  it("lets the agency withdraw its submission, and Home Affairs return a submitted sheet for correction, only before appraisal", async () => {
    for (const s of await leavesOf("STP"))
      if (s.selfScore === null) await selfScore(head, { criterionScoreId: s.id, version: s.version, score: "0" }, BEFORE_DEADLINE);
    await advance(head, { assessmentId: ids.STP, version: await version("STP"), step: "submit" }, BEFORE_DEADLINE);
    await advance(head, { assessmentId: ids.STP, version: await version("STP"), step: "withdraw" });
    expect(await testDb.assessment.findUniqueOrThrow({ where: { id: ids.STP } })).toMatchObject({ status: "DRAFT", submittedAt: null });
    await advance(head, { assessmentId: ids.STP, version: await version("STP"), step: "submit" }, BEFORE_DEADLINE);
    await expect(advance(head, { assessmentId: ids.STP, version: await version("STP"), step: "returnForCorrection" })).rejects.toBeInstanceOf(ForbiddenError);
    await advance(staff, { assessmentId: ids.STP, version: await version("STP"), step: "returnForCorrection", reason: "Thiếu minh chứng tiêu chí 1" });
    expect((await testDb.assessment.findUniqueOrThrow({ where: { id: ids.STP } })).status).toBe("DRAFT");
    const [returned] = await auditOf("assessment.returnForCorrection");
    expect(returned.newValue).toMatchObject({ status: "DRAFT", reason: "Thiếu minh chứng tiêu chí 1" });
    expect(await auditOf("assessment.withdraw")).toHaveLength(1);
    // Once appraisal started, neither.
    await advance(head, { assessmentId: ids.STP, version: await version("STP"), step: "submit" }, BEFORE_DEADLINE);
    await testDb.assessment.update({ where: { id: ids.STP }, data: { status: "ROUND1" } });
    await expect(advance(head, { assessmentId: ids.STP, version: await version("STP"), step: "withdraw" })).rejects.toBeInstanceOf(ValidationError);
    await expect(advance(staff, { assessmentId: ids.STP, version: await version("STP"), step: "returnForCorrection" })).rejects.toBeInstanceOf(ValidationError);
  });
});

describe("publishing: percentages of the applicable maximum, overall and peer-group ranks", () => {
  it("ranks and grades by the percentage the database's scores give", async () => {
    // Appraise every applicable sub-criterion at half its maximum (SNV: in full), then finalize and publish.
    for (const code of ["STP", "SNV", "STC"]) {
      for (const s of await testDb.criterionScore.findMany({ where: { assessmentId: ids[code] }, include: { criterion: true } })) {
        if (s.notApplicable) continue;
        const max = Number(s.criterion.maxPoints);
        await testDb.criterionScore.update({ where: { id: s.id }, data: { round1Score: code === "SNV" ? max : Math.floor(max * 50) / 100 } });
      }
      await testDb.assessment.update({ where: { id: ids[code] }, data: { status: "ROUND1" } });
      await advance(staff, { assessmentId: ids[code], version: await version(code), step: "finalize" });
    }
    const period = await testDb.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId } });
    await publishPeriod(staff, { periodId: String(periodId), version: String(period.version) });

    // Recompute from the database: final total ÷ Σ max of applicable sub-criteria.
    const rows = await testDb.$queryRaw<{ code: string; final: string; applicable: string }[]>`
      SELECT a.code, s.final_total::text AS final, sum(c.max_points) FILTER (WHERE NOT cs.not_applicable)::text AS applicable
        FROM assessment s JOIN agency a ON a.id = s.agency_id
        JOIN criterion_score cs ON cs.assessment_id = s.id JOIN criterion c ON c.id = cs.criterion_id
       WHERE s.period_id = ${periodId} GROUP BY a.code, s.final_total`;
    const shown = await getPeriod(staff, periodId);
    for (const row of rows) {
      const line = shown.assessments.find((a) => a.agencyCode === row.code)!;
      expect(line.applicableMax).toBeCloseTo(Number(row.applicable), 2);
      expect(line.finalPercent).toBeCloseTo(Math.round((Number(row.final) / Number(row.applicable)) * 10000) / 100, 2);
    }
    const snv = shown.assessments.find((a) => a.agencyCode === "SNV")!;
    expect(snv.notApplicableCount).toBe(1);
    expect(snv.finalPercent).toBe(100);
    expect(snv).toMatchObject({ rank: 1, peerRank: 1, peerGroup: "Sở không có TTHC (thử)" });
    // STP and STC scored the same share: they share rank 2 overall and rank 1 in their group.
    for (const code of ["STP", "STC"]) expect(shown.assessments.find((a) => a.agencyCode === code)).toMatchObject({ rank: 2, peerRank: 1 });
    const [published] = await auditOf("assessmentPeriod.publish");
    expect(JSON.stringify(published.newValue)).toContain('"peerRank"');
  });
});
