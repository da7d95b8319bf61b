// The internal scoring workflow against real PostgreSQL: every validation and permission rule,
// the audit trail and optimistic concurrency.
import { AsyncLocalStorage } from "node:async_hooks";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Papa from "papaparse";
import { beforeAll, describe, expect, it } from "vitest";
// Next.js provides AsyncLocalStorage on globalThis (the request's language, lib/i18n/message-locale.ts); here the test does.
(globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage ??= AsyncLocalStorage;

process.env.EVIDENCE_DIR = fs.mkdtempSync(path.join(os.tmpdir(), "evidence-"));

const { selfScore, addEvidence, removeEvidence, advance, appraise, requestExplanation, answerExplanation, setAdjustments } = await import(
  "@/lib/assessments/mutations"
);
const { openPeriod, publishPeriod, importScores } = await import("@/lib/assessments/periods/mutations");
const { getAssessmentSheet, getEvidenceFile } = await import("@/lib/assessments/queries");
const { getPeriod, exportScores } = await import("@/lib/assessments/periods/queries");
const { scoreHeadings } = await import("@/lib/assessments/scores-file");
const { inLocale } = await import("@/lib/i18n/message-locale");
// The scores file is downloaded with the headings of the request's language (Vietnamese by default).
const H = scoreHeadings("vi");
const { ConflictError, ForbiddenError, ValidationError } = await import("@/lib/errors");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor, head: Actor, leader: Actor, admin: Actor;
let periodId: number;
let ownAssessmentId: number; // Sở Tư pháp, the demo agency head's agency
let otherAssessmentId: number; // Sở Nội vụ
const BEFORE_DEADLINE = new Date("2026-12-01T03:00:00Z");
const AFTER_DEADLINE = new Date("2026-12-16T03:00:00Z");
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function scoresOf(assessmentId: number) {
  return testDb.criterionScore.findMany({
    where: { assessmentId },
    include: { criterion: true },
    orderBy: { criterion: { sortOrder: "asc" } },
  });
}
async function firstAppraisalScore(assessmentId: number) {
  return (await scoresOf(assessmentId)).find((s) => s.criterion.method === "APPRAISAL")!;
}
async function auditCount() {
  return testDb.auditLog.count();
}
async function expectUnchanged<T>(work: () => Promise<unknown>, error: new (...args: never[]) => T) {
  const before = await testDb.criterionScore.findMany({ orderBy: { id: "asc" } });
  const audits = await auditCount();
  await expect(work()).rejects.toBeInstanceOf(error);
  expect(await testDb.criterionScore.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  expect(await auditCount()).toBe(audits);
}

beforeAll(async () => {
  [staff, head, leader, admin] = await Promise.all(["noivu", "thutruong", "lanhdao", "quantri"].map((u) => actorFor(`${u}@demo.local`)));
  const framework = await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } });
  const agencies = await testDb.agency.findMany({ where: { code: { in: ["STP", "SNV", "STC"] }, provinceId: staff.provinceId! } });
  ({ periodId } = await openPeriod(staff, {
    frameworkId: String(framework.id),
    year: "2026",
    deadline: "2026-12-15",
    agencyIds: agencies.map((a) => String(a.id)),
  }));
  const assessments = await testDb.assessment.findMany({ where: { periodId }, include: { agency: true } });
  ownAssessmentId = assessments.find((a) => a.agency.code === "STP")!.id;
  otherAssessmentId = assessments.find((a) => a.agency.code === "SNV")!.id;
});

describe("opening a year", () => {
  it("creates one assessment per agency with one score per sub-criterion, and an audit row", async () => {
    const period = await testDb.assessmentPeriod.findUniqueOrThrow({
      where: { id: periodId },
      include: { assessments: { include: { scores: true } } },
    });
    const leaves = await testDb.criterion.count({ where: { frameworkId: period.frameworkId, level: "SUB_CRITERION" } });
    expect(period.assessments).toHaveLength(3);
    expect(period.assessments.every((a) => a.scores.length === leaves && a.status === "DRAFT")).toBe(true);
    // 23:59:59 on 15/12/2026 in Hà Nội.
    expect(period.selfScoringDeadline.toISOString()).toBe("2026-12-15T16:59:59.000Z");
    expect(await testDb.auditLog.count({ where: { action: "assessmentPeriod.open", entityId: String(periodId) } })).toBe(1);
  });

  it("refuses a second period for the same year, a year outside the framework, a leader, and names the field", async () => {
    const framework = await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } });
    const agency = await testDb.agency.findFirstOrThrow({ where: { code: "SYT" } });
    const input = { frameworkId: String(framework.id), deadline: "2026-12-15", agencyIds: [String(agency.id)] };
    await expect(openPeriod(staff, { ...input, year: "2026" })).rejects.toThrow(/đã được mở/);
    await expect(openPeriod(staff, { ...input, year: "2024" })).rejects.toThrow(/áp dụng từ năm 2025/);
    await expect(openPeriod(leader, { ...input, year: "2027" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(openPeriod(staff, { ...input, year: "2027", agencyIds: [] })).rejects.toThrow(/ít nhất một cơ quan/);
    await expect(openPeriod(staff, { ...input, year: "2027", deadline: "15/12/2027" })).rejects.toThrow(/Hạn tự chấm/);
    expect(await testDb.assessmentPeriod.count({ where: { year: 2027 } })).toBe(0);
  });
});

describe("self-scoring", () => {
  it("saves the agency head's score and comment with an audit row holding old and new values", async () => {
    const score = await firstAppraisalScore(ownAssessmentId);
    await selfScore(head, { criterionScoreId: score.id, version: score.version, score: "1,5", comment: "Đã ban hành kế hoạch" }, BEFORE_DEADLINE);
    const saved = await testDb.criterionScore.findUniqueOrThrow({ where: { id: score.id } });
    expect([Number(saved.selfScore), saved.selfComment, saved.version]).toEqual([1.5, "Đã ban hành kế hoạch", score.version + 1]);
    const audit = await testDb.auditLog.findFirstOrThrow({
      where: { entityType: "CriterionScore", entityId: String(score.id) },
      orderBy: { id: "desc" },
    });
    expect(audit).toMatchObject({ actorEmail: "thutruong@demo.local", action: "criterionScore.selfScore" });
    expect(audit.oldValue).toMatchObject({ selfScore: null });
    expect(audit.newValue).toMatchObject({ selfScore: 1.5, selfComment: "Đã ban hành kế hoạch" });
  });

  it("forbids an agency head to touch another agency, and a leader to write at all", async () => {
    const other = await firstAppraisalScore(otherAssessmentId);
    await expectUnchanged(() => selfScore(head, { criterionScoreId: other.id, version: other.version, score: "1" }, BEFORE_DEADLINE), ForbiddenError);
    await expectUnchanged(() => selfScore(leader, { criterionScoreId: other.id, version: other.version, score: "1" }, BEFORE_DEADLINE), ForbiddenError);
  });

  it("lets Home Affairs staff score for an agency", async () => {
    const other = await firstAppraisalScore(otherAssessmentId);
    await selfScore(staff, { criterionScoreId: other.id, version: other.version, score: "2" }, BEFORE_DEADLINE);
    expect(Number((await testDb.criterionScore.findUniqueOrThrow({ where: { id: other.id } })).selfScore)).toBe(2);
  });

  it.each([
    ["99", /vượt điểm tối đa/],
    ["-1", /không được âm/],
    ["abc", /phải là một số/],
    ["1.234", /2 chữ số thập phân/],
    ["", /Nhập điểm/],
  ])("refuses the score %j with a message and changes nothing", async (value, message) => {
    const score = await firstAppraisalScore(ownAssessmentId);
    const attempt = () => selfScore(head, { criterionScoreId: score.id, version: score.version, score: value }, BEFORE_DEADLINE);
    await expect(attempt()).rejects.toThrow(message);
    await expectUnchanged(attempt, ValidationError);
  });

  it("refuses a self score on a survey criterion", async () => {
    const survey = (await scoresOf(ownAssessmentId)).find((s) => s.criterion.method === "SURVEY")!;
    await expect(selfScore(head, { criterionScoreId: survey.id, version: survey.version, score: "5" }, BEFORE_DEADLINE)).rejects.toThrow(/khảo sát/);
  });

  it("locks self scores after the deadline", async () => {
    const score = await firstAppraisalScore(ownAssessmentId);
    await expect(selfScore(head, { criterionScoreId: score.id, version: score.version, score: "1" }, AFTER_DEADLINE)).rejects.toThrow(/quá hạn/);
  });

  it("refuses a stale save and shows the current value (optimistic concurrency)", async () => {
    const score = await firstAppraisalScore(ownAssessmentId);
    const error = await selfScore(head, { criterionScoreId: score.id, version: score.version - 1, score: "1" }, BEFORE_DEADLINE).catch((e) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect(error.message).toContain("1,50");
    expect(error.current).toMatchObject({ selfScore: 1.5, version: score.version });
  });

  it("lets exactly one of two simultaneous saves of the same version win", async () => {
    const score = (await scoresOf(ownAssessmentId)).filter((s) => s.criterion.method === "APPRAISAL")[1];
    const audits = await auditCount();
    const outcomes = await Promise.allSettled(
      ["1", "2"].map((value) => selfScore(head, { criterionScoreId: score.id, version: score.version, score: value }, BEFORE_DEADLINE)),
    );
    expect(outcomes.filter((o) => o.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((o) => o.status === "rejected" && o.reason instanceof ConflictError)).toHaveLength(1);
    expect(await auditCount()).toBe(audits + 1);
  });
});

describe("evidence", () => {
  it("stores a PDF outside the web root with its SHA-256 and serves it only to allowed users", async () => {
    const score = await firstAppraisalScore(ownAssessmentId);
    const stored = await addEvidence(head, score.id, { name: "ke-hoach-cchc.pdf", bytes: PDF }, BEFORE_DEADLINE);
    expect(stored).toMatchObject({ fileName: "ke-hoach-cchc.pdf", contentType: "application/pdf", sizeBytes: PDF.length });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(fs.existsSync(path.join(process.env.EVIDENCE_DIR!, stored.storageKey))).toBe(true);
    expect(path.resolve(process.env.EVIDENCE_DIR!)).not.toContain(`${path.sep}public`);
    await expect(getEvidenceFile(staff, stored.id)).resolves.toMatchObject({ fileName: "ke-hoach-cchc.pdf" });
    const otherHead = { ...head, agencyId: -5 };
    await expect(getEvidenceFile(otherHead, stored.id)).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("stores and serves a file under a name whose extension is its real type (issue 11, item 8)", async () => {
    const score = await firstAppraisalScore(ownAssessmentId);
    for (const [name, expected] of [
      ["report.html", "report.pdf"],
      ["bao-cao", "bao-cao.pdf"],
      ["scan.PDF", "scan.PDF"],
      ["x.pdf.svg", "x.pdf.pdf"],
    ]) {
      const stored = await addEvidence(head, score.id, { name, bytes: PDF }, BEFORE_DEADLINE);
      expect(stored.fileName).toBe(expected);
      await expect(getEvidenceFile(staff, stored.id)).resolves.toMatchObject({ fileName: expected, contentType: "application/pdf" });
    }
  });

  it("refuses files that are not PDF, DOCX, XLSX or images, whatever their name says", async () => {
    const score = await firstAppraisalScore(ownAssessmentId);
    const before = await testDb.storedFile.count();
    await expect(
      addEvidence(head, score.id, { name: "bao-cao.pdf", bytes: new TextEncoder().encode("MZ\x90\x00 not a pdf") }, BEFORE_DEADLINE),
    ).rejects.toThrow(/không phải định dạng được chấp nhận/);
    await expect(addEvidence(head, score.id, { name: "trong.pdf", bytes: new Uint8Array() }, BEFORE_DEADLINE)).rejects.toThrow(/trống/);
    expect(await testDb.storedFile.count()).toBe(before);
  });

  it("refuses evidence on another agency and removes a file with its record", async () => {
    const other = await firstAppraisalScore(otherAssessmentId);
    await expect(addEvidence(head, other.id, { name: "x.pdf", bytes: PDF }, BEFORE_DEADLINE)).rejects.toBeInstanceOf(ForbiddenError);
    const score = await firstAppraisalScore(ownAssessmentId);
    const stored = await addEvidence(head, score.id, { name: "xoa.pdf", bytes: PDF }, BEFORE_DEADLINE);
    await removeEvidence(head, stored.id, BEFORE_DEADLINE);
    expect(await testDb.storedFile.findUnique({ where: { id: stored.id } })).toBeNull();
    expect(fs.existsSync(path.join(process.env.EVIDENCE_DIR!, stored.storageKey))).toBe(false);
  });
});

describe("the workflow through appraisal to publication", () => {
  const selfScoreAll = async (actor: Actor, assessmentId: number) => {
    for (const s of await scoresOf(assessmentId)) {
      if (s.criterion.method !== "APPRAISAL") continue;
      await selfScore(actor, { criterionScoreId: s.id, version: s.version, score: String(Number(s.criterion.maxPoints)) }, BEFORE_DEADLINE);
    }
  };
  const version = async (assessmentId: number) => (await testDb.assessment.findUniqueOrThrow({ where: { id: assessmentId } })).version;

  it("refuses to submit an incomplete sheet, then submits and locks the self scores", async () => {
    await expect(advance(head, { assessmentId: ownAssessmentId, version: await version(ownAssessmentId), step: "submit" })).rejects.toThrow(/chưa tự chấm/);
    await selfScoreAll(head, ownAssessmentId);
    await advance(head, { assessmentId: ownAssessmentId, version: await version(ownAssessmentId), step: "submit" }, BEFORE_DEADLINE);
    const score = await firstAppraisalScore(ownAssessmentId);
    await expect(selfScore(head, { criterionScoreId: score.id, version: score.version, score: "0" }, BEFORE_DEADLINE)).rejects.toThrow(/đã nộp/);
    await expect(advance(head, { assessmentId: otherAssessmentId, version: await version(otherAssessmentId), step: "submit" })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it("runs round 1, hides it from the agency until released, asks for an explanation, gets the answer, runs round 2", async () => {
    const scores = await scoresOf(ownAssessmentId);
    const [first, second] = scores;
    await expect(appraise(head, { criterionScoreId: first.id, version: first.version, score: "1" })).rejects.toBeInstanceOf(ForbiddenError);
    for (const s of scores) {
      const max = Number(s.criterion.maxPoints);
      await appraise(staff, {
        criterionScoreId: s.id,
        version: s.version,
        score: String(s.id === first.id ? max / 2 : max),
        comment: "Đạt",
      });
    }
    expect((await testDb.assessment.findUniqueOrThrow({ where: { id: ownAssessmentId } })).status).toBe("ROUND1");
    const hidden = await getAssessmentSheet(head, ownAssessmentId);
    expect(hidden.criteria.find((c) => c.score?.id === first.id)?.score?.round1Score).toBeNull();
    expect((await getAssessmentSheet(staff, ownAssessmentId)).criteria.find((c) => c.score?.id === first.id)?.score?.round1Score).not.toBeNull();
    // Issue 11, item 2: nor through the scores file, nor through what its import answers.
    const rowsOf = (csv: string) => Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), { header: true, skipEmptyLines: true }).data;
    const exported = (await exportScores(head, { periodId, assessmentId: ownAssessmentId, format: "csv" })).body.toString("utf8");
    expect(rowsOf(exported).length).toBeGreaterThan(0);
    for (const row of rowsOf(exported)) expect([row[H.appraised_score], row[H.comment]]).toEqual(["", ""]);
    const reimported = await importScores(head, {
      periodId,
      assessmentId: ownAssessmentId,
      data: new TextEncoder().encode(exported),
      format: "csv",
      dryRun: true,
    });
    expect(reimported).toMatchObject({ changed: 0, unchanged: rowsOf(exported).length });
    const guessed = Papa.unparse(rowsOf(exported).map((row) => ({ ...row, [H.appraised_score]: String(Number(first.criterion.maxPoints) / 2) })));
    const refusal = await importScores(head, {
      periodId,
      assessmentId: ownAssessmentId,
      data: new TextEncoder().encode(guessed),
      format: "csv",
      dryRun: true,
    }).catch((e) => e);
    expect(refusal).toBeInstanceOf(ValidationError);
    // Every row is refused alike: whether a guess matches the hidden score is not told.
    expect((refusal as InstanceType<typeof ValidationError>).issues).toHaveLength(rowsOf(exported).length);

    const f1 = await testDb.criterionScore.findUniqueOrThrow({ where: { id: first.id } });
    await requestExplanation(staff, { criterionScoreId: first.id, version: f1.version, request: "Bổ sung quyết định ban hành kế hoạch." });
    await advance(staff, { assessmentId: ownAssessmentId, version: await version(ownAssessmentId), step: "requestExplanations" });
    const released = await getAssessmentSheet(head, ownAssessmentId);
    expect(released.criteria.find((c) => c.score?.id === first.id)?.score).toMatchObject({
      explanationRequest: expect.stringContaining("Bổ sung"),
    });

    const s2 = await testDb.criterionScore.findUniqueOrThrow({ where: { id: second.id } });
    await expect(answerExplanation(head, { criterionScoreId: second.id, version: s2.version, response: "x" })).rejects.toThrow(/không có yêu cầu giải trình/);
    const f2 = await testDb.criterionScore.findUniqueOrThrow({ where: { id: first.id } });
    await answerExplanation(head, { criterionScoreId: first.id, version: f2.version, response: "Đã bổ sung quyết định số 12/QĐ-STP." });
    await addEvidence(head, first.id, { name: "quyet-dinh-12.pdf", bytes: PDF });
    await advance(staff, { assessmentId: ownAssessmentId, version: await version(ownAssessmentId), step: "startRound2" });
    const f3 = await testDb.criterionScore.findUniqueOrThrow({ where: { id: first.id }, include: { criterion: true } });
    await appraise(staff, {
      criterionScoreId: first.id,
      version: f3.version,
      score: String(Number(f3.criterion.maxPoints)),
      comment: "Đã đủ minh chứng",
    });
    expect(Number((await testDb.criterionScore.findUniqueOrThrow({ where: { id: first.id } })).round2Score)).toBe(Number(f3.criterion.maxPoints));
  });

  it("caps bonus and penalty, and finalizes to appraised + bonus − penalty", async () => {
    const v = await version(ownAssessmentId);
    await expect(setAdjustments(staff, { assessmentId: ownAssessmentId, version: v, bonus: "9", penalty: "0" })).rejects.toThrow(/Điểm thưởng từ 0 đến 3,00/);
    await expect(setAdjustments(head, { assessmentId: ownAssessmentId, version: v, bonus: "1", penalty: "0" })).rejects.toBeInstanceOf(ForbiddenError);
    await setAdjustments(staff, {
      assessmentId: ownAssessmentId,
      version: v,
      bonus: "2",
      bonusReason: "Sáng kiến cấp tỉnh",
      penalty: "4,5",
      penaltyReason: "Báo cáo trễ",
    });
    await advance(staff, { assessmentId: ownAssessmentId, version: await version(ownAssessmentId), step: "finalize" });
    const scores = await scoresOf(ownAssessmentId);
    const appraised = scores.reduce((sum, s) => sum + Number(s.round2Score ?? s.round1Score), 0);
    const assessment = await testDb.assessment.findUniqueOrThrow({ where: { id: ownAssessmentId } });
    expect(Number(assessment.finalTotal)).toBeCloseTo(appraised + 2 - 4.5, 2);
    expect(scores.every((s) => Number(s.finalScore) === Number(s.round2Score ?? s.round1Score))).toBe(true);
  });

  it("publishes only when every agency is finalized, then ranks and classifies them", async () => {
    const period = await testDb.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId } });
    await expect(publishPeriod(staff, { periodId, version: period.version })).rejects.toThrow(/chưa chốt điểm/);
    for (const assessment of await testDb.assessment.findMany({ where: { periodId, status: "DRAFT" } })) {
      await selfScoreAll(staff, assessment.id);
      await advance(staff, { assessmentId: assessment.id, version: await version(assessment.id), step: "submit" }, BEFORE_DEADLINE);
      for (const s of await scoresOf(assessment.id)) {
        await appraise(staff, {
          criterionScoreId: s.id,
          version: s.version,
          score: String(Math.floor(Number(s.criterion.maxPoints) * (assessment.id % 2 ? 0.9 : 0.6))),
        });
      }
      await advance(staff, { assessmentId: assessment.id, version: await version(assessment.id), step: "finalize" });
    }
    await expect(publishPeriod(leader, { periodId, version: period.version })).rejects.toBeInstanceOf(ForbiddenError);
    await publishPeriod(staff, { periodId, version: period.version });
    const overview = await getPeriod(staff, periodId);
    expect(overview.status).toBe("PUBLISHED");
    const totals = overview.assessments.map((a) => a.finalTotal!);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    expect(overview.assessments.map((a) => a.rank)).toEqual([1, 2, 3]);
    const bands = overview.framework.gradeBands;
    for (const a of overview.assessments) expect(a.classification).toBe(bands.find((b) => a.finalTotal! >= b.minScore)!.label);
    // An agency head sees only their own agency's row.
    expect((await getPeriod(head, periodId)).assessments.map((a) => a.agencyCode)).toEqual(["STP"]);
    expect(admin.role).toBe("ADMIN");
  });
});

describe("scores as files", () => {
  let draftPeriodId: number;
  beforeAll(async () => {
    const framework = await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } });
    const agencies = await testDb.agency.findMany({ where: { code: { in: ["STP", "SYT"] }, provinceId: staff.provinceId! } });
    ({ periodId: draftPeriodId } = await openPeriod(staff, {
      frameworkId: String(framework.id),
      year: "2027",
      deadline: "2099-12-31",
      agencyIds: agencies.map((a) => String(a.id)),
    }));
  });

  /** Changes one cell of an exported CSV, found by agency and criterion code. */
  const edit = (csv: string, agency: string, code: string, changes: Record<string, string>) => {
    const lines = csv
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const header = lines[0].split(",");
    const parsed = Papa.parse<Record<string, string>>(lines.join("\n"), { header: true }).data;
    const row = parsed.find((r) => r[H.agency_code] === agency && r[H.code] === code)!;
    for (const [column, value] of Object.entries(changes)) row[H[column as keyof typeof H]] = value;
    return Papa.unparse({ fields: header, data: parsed.map((r) => header.map((h) => r[h])) });
  };
  const csvOf = async (actor: Actor) => (await exportScores(actor, { periodId: draftPeriodId, format: "csv" })).body.toString("utf8");
  const importCsv = (actor: Actor, csv: string, dryRun = false) =>
    importScores(actor, { periodId: draftPeriodId, data: new TextEncoder().encode(csv), format: "csv", dryRun });

  it("exports one row per sub-criterion and agency, and re-imports it with no change", async () => {
    const csv = await csvOf(staff);
    const lines = csv.trim().split("\r\n");
    // Issue 14, item 11: headed in Vietnamese for the staff who fill it in (was agency_code,…,comment).
    expect(lines[0].replace(/^\uFEFF/, "")).toBe("Mã cơ quan,Tên cơ quan,Mã tiêu chí,Tiêu chí,Điểm tối đa,Điểm tự chấm,Điểm thẩm định,Nhận xét");
    const leaves = await testDb.criterion.count({ where: { framework: { key: "an-giang-so-ban-nganh" }, level: "SUB_CRITERION" } });
    expect(lines).toHaveLength(1 + 2 * leaves);
    expect(await importCsv(staff, csv)).toMatchObject({ changed: 0, unchanged: 2 * leaves });
    const xlsx = await exportScores(staff, { periodId: draftPeriodId, format: "xlsx" });
    expect(await importScores(staff, { periodId: draftPeriodId, data: xlsx.body, format: "xlsx" })).toMatchObject({ changed: 0 });
  });

  it("writes decimals with the language's mark and reads either back: Vietnamese and English files round-trip", async () => {
    await importCsv(staff, edit(await csvOf(staff), "STP", "1.1.1", { self_score: "1,25", comment: "Một phần" }));
    const vi = await csvOf(staff);
    const viRow = Papa.parse<Record<string, string>>(vi.replace(/^\uFEFF/, ""), { header: true }).data.find(
      (r) => r[H.agency_code] === "STP" && r[H.code] === "1.1.1",
    )!;
    expect([viRow[H.self_score], viRow[H.comment]]).toEqual(["1,25", "Một phần"]);
    expect(await importCsv(staff, vi)).toMatchObject({ changed: 0 });
    // In English: English headings and the decimal point; the import reads it just as well.
    const en = await inLocale("en", () => csvOf(staff));
    expect(en.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe(
      "Agency code,Agency name,Criterion code,Criterion,Maximum points,Self score,Appraised score,Comment",
    );
    const enRow = Papa.parse<Record<string, string>>(en.replace(/^\uFEFF/, ""), { header: true }).data.find(
      (r) => r["Agency code"] === "STP" && r["Criterion code"] === "1.1.1",
    )!;
    expect(enRow["Self score"]).toBe("1.25");
    expect(await importCsv(staff, en)).toMatchObject({ changed: 0 });
    // The Vietnamese XLSX keeps numbers as numbers (the spreadsheet shows them in its language) and reads back unchanged.
    const xlsx = await exportScores(staff, { periodId: draftPeriodId, format: "xlsx" });
    expect(await importScores(staff, { periodId: draftPeriodId, data: xlsx.body, format: "xlsx" })).toMatchObject({ changed: 0 });
    const stored = await testDb.criterionScore.findFirstOrThrow({
      where: { assessment: { periodId: draftPeriodId, agency: { code: "STP" } }, criterion: { code: "1.1.1" } },
    });
    expect([Number(stored.selfScore), stored.selfComment]).toEqual([1.25, "Một phần"]);
    await importCsv(staff, edit(vi, "STP", "1.1.1", { self_score: "", comment: "" }));
  });

  it("previews a change without writing, then writes it with an audit row", async () => {
    const csv = edit(await csvOf(staff), "STP", "1.1.1", { self_score: "2", comment: "Có kế hoạch" });
    const audits = await auditCount();
    expect(await importCsv(staff, csv, true)).toMatchObject({ dryRun: true, changed: 1 });
    expect(await auditCount()).toBe(audits);
    expect(await importCsv(staff, csv)).toMatchObject({ dryRun: false, changed: 1 });
    const audit = await testDb.auditLog.findFirstOrThrow({ where: { action: "criterionScore.import.self" }, orderBy: { id: "desc" } });
    expect(audit.newValue).toMatchObject({ selfScore: 2, selfComment: "Có kế hoạch", criterion: "1.1.1" });
  });

  it("stores a comment exactly as written: quotes, commas, braces, backslashes, a line break (the bulk write's array literal)", async () => {
    const comment = 'Theo "Kế hoạch 4183/KH-UBND", {mục 2}\\ NULL\nDòng hai, đã rà soát';
    await importCsv(staff, edit(await csvOf(staff), "STP", "1.1.2", { self_score: "1", comment }));
    const stored = await testDb.criterionScore.findFirstOrThrow({
      where: { assessment: { periodId: draftPeriodId, agency: { code: "STP" } }, criterion: { code: "1.1.2" } },
    });
    expect([Number(stored.selfScore), stored.selfComment]).toEqual([1, comment]);
    const audit = await testDb.auditLog.findFirstOrThrow({ where: { action: "criterionScore.import.self" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ entityType: "CriterionScore", entityId: String(stored.id), newValue: { selfComment: comment, criterion: "1.1.2" } });
    await importCsv(staff, edit(await csvOf(staff), "STP", "1.1.2", { self_score: "", comment: "" }));
  });

  it("refuses the whole file when one row is wrong, listing every error with its row and column", async () => {
    const before = await testDb.criterionScore.findMany({ orderBy: { id: "asc" } });
    let csv = edit(await csvOf(staff), "STP", "1.1.2", { self_score: "4" });
    csv = edit(csv, "STP", "1.2.1", { self_score: "7" });
    csv = edit(csv, "SYT", "1.1.1", { agency_code: "KHONGCO" });
    const error = await importCsv(staff, csv).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ column: "self_score", message: expect.stringContaining("vượt điểm tối đa") }),
        expect.objectContaining({ column: "agency_code", message: expect.stringContaining("KHONGCO") }),
      ]),
    );
    expect(error.issues.every((i: { row: number }) => i.row >= 2)).toBe(true);
    expect(await testDb.criterionScore.findMany({ orderBy: { id: "asc" } })).toEqual(before);
  });

  it("lets an agency head import only their own agency's rows", async () => {
    const csv = edit(await csvOf(staff), "SYT", "1.1.1", { self_score: "1" });
    const error = await importCsv(head, csv).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.issues[0].message).toMatch(/không có trong kỳ đánh giá|không có quyền/);
    // A leader may read the sheets but score none: the import is refused before the file is read.
    await expect(importCsv(leader, await csvOf(leader))).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("explains a file without the needed columns", async () => {
    await expect(importCsv(staff, "ma,diem\n1.1.1,2\n")).rejects.toThrow(/Thiếu cột agency_code, code, self_score, appraised_score/);
  });
});
