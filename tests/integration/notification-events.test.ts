// Notifications of the workflow's events (issue 15), driven through the real mutations: who is
// told of a submitted sheet, an explanation requested and answered, an appraisal released, a
// published year and an assigned task — exactly once, in their language, linking to the page that
// acts on it — and that nobody else is: not the one who acted, not a disabled account, not another
// province or agency, not an agency that no longer leads the task.
import { beforeAll, describe, expect, it } from "vitest";

const { advance, requestExplanation, answerExplanation } = await import("@/lib/assessments/mutations");
const { acceptSelfScores } = await import("@/lib/assessments/sheet/mutations");
const { openPeriod, publishPeriod } = await import("@/lib/assessments/periods/mutations");
const { createTask, updateTask, deleteTask } = await import("@/lib/tasks/mutations");
const { createDirective } = await import("@/lib/directives/mutations");
const { saveNotificationPreferences } = await import("@/lib/notifications/mutations");
const { listNotifications } = await import("@/lib/notifications/queries");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

type Actor = Awaited<ReturnType<typeof actorFor>>;
let staff: Actor, head: Actor, leader: Actor, staff2: Actor, snvHead: Actor;
const ids: Record<string, number> = {};
let periodId: number;
let planId: number;
const sheet: Record<"STP" | "SNV", number> = { STP: 0, SNV: 0 };
const BEFORE_DEADLINE = new Date("2026-12-01T03:00:00Z");

/** Every notification of `kind`, as [user email, subject, link]. */
async function sent(kind: string) {
  const rows = await testDb.notification.findMany({ where: { kind }, include: { user: true }, orderBy: [{ userId: "asc" }, { id: "asc" }] });
  return rows.map((n) => [n.user.email, n.subject, n.link]);
}
const version = async (assessmentId: number) => (await testDb.assessment.findUniqueOrThrow({ where: { id: assessmentId } })).version;

/** The agency fills its sheet (setup: the self-scoring mutation has its own tests). */
async function fillSelfScores(assessmentId: number) {
  await testDb.criterionScore.updateMany({ where: { assessmentId, criterion: { method: "APPRAISAL" } }, data: { selfScore: 0 } });
}

beforeAll(async () => {
  [staff, head, leader] = await Promise.all(["noivu", "thutruong", "lanhdao"].map((u) => actorFor(`${u}@demo.local`)));
  const agencies = await testDb.agency.findMany({ where: { code: { in: ["STP", "SNV"] }, provinceId: staff.provinceId! } });
  for (const a of agencies) ids[a.code] = a.id;
  const otherProvince = await testDb.province.findFirstOrThrow({ where: { id: { not: staff.provinceId! } } });
  // Who else could be told: a second officer (in English), a disabled one, one of another
  // province, the head of another agency, a disabled head of the same agency.
  await testDb.user.createMany({
    data: [
      { email: "noivu2@kiemthu.gov.vn", name: "Cán bộ thứ hai", role: "HOME_AFFAIRS", provinceId: staff.provinceId, locale: "en" },
      { email: "noivu-nghi@kiemthu.gov.vn", name: "Cán bộ đã nghỉ", role: "HOME_AFFAIRS", provinceId: staff.provinceId, active: false },
      { email: "noivu-khac@kiemthu.gov.vn", name: "Cán bộ tỉnh khác", role: "HOME_AFFAIRS", provinceId: otherProvince.id },
      { email: "thutruong-snv@kiemthu.gov.vn", name: "Thủ trưởng Sở Nội vụ", role: "AGENCY_HEAD", provinceId: staff.provinceId, agencyId: ids.SNV },
      { email: "thutruong-cu@kiemthu.gov.vn", name: "Thủ trưởng cũ", role: "AGENCY_HEAD", provinceId: staff.provinceId, agencyId: ids.STP, active: false },
    ],
  });
  [staff2, snvHead] = await Promise.all(["noivu2", "thutruong-snv"].map((u) => actorFor(`${u}@kiemthu.gov.vn`)));
  const framework = await testDb.framework.findUniqueOrThrow({ where: { key_version: { key: "an-giang-so-ban-nganh", version: 1 } } });
  ({ periodId } = await openPeriod(staff, {
    frameworkId: String(framework.id),
    year: "2026",
    deadline: "2026-12-15",
    agencyIds: [String(ids.STP), String(ids.SNV)],
  }));
  for (const a of await testDb.assessment.findMany({ where: { periodId }, include: { agency: true } })) sheet[a.agency.code as "STP" | "SNV"] = a.id;
  ({ id: planId } = await createDirective(staff, {
    provinceId: String(staff.provinceId),
    number: "4200/KH-UBND",
    kind: "KE_HOACH",
    issuer: "UBND tỉnh An Giang",
    signer: "Chủ tịch UBND tỉnh",
    issuedOn: "2026-02-10",
    title: "Cải thiện Chỉ số cải cách hành chính (PAR INDEX) tỉnh An Giang năm 2026",
    years: "2026",
  }));
});

describe("the scoring workflow's events", () => {
  it("tells the province's active Home Affairs staff once that a sheet was submitted, mailing at once who asked for it", async () => {
    await saveNotificationPreferences(staff2, { preferences: [{ kind: "sheetSubmitted", delivery: "IMMEDIATE" }] });
    // A refused submission (criteria not self-scored) tells nobody.
    await expect(advance(head, { assessmentId: sheet.STP, version: await version(sheet.STP), step: "submit" }, BEFORE_DEADLINE)).rejects.toThrow(
      /chưa tự chấm/,
    );
    expect(await sent("sheetSubmitted")).toEqual([]);
    await fillSelfScores(sheet.STP);
    const submittedVersion = (await version(sheet.STP)) + 1;
    await advance(head, { assessmentId: sheet.STP, version: await version(sheet.STP), step: "submit" }, BEFORE_DEADLINE);
    const subject = `assessment:${sheet.STP}:submitted:v${submittedVersion}`;
    const link = `/danh-gia/phieu/${sheet.STP}`;
    expect(await sent("sheetSubmitted")).toEqual([
      ["noivu@demo.local", subject, link],
      ["noivu2@kiemthu.gov.vn", subject, link],
    ]);
    expect((await listNotifications(staff, "vi"))[0].title).toBe("Sở Tư pháp đã gửi phiếu tự chấm điểm năm 2026: chờ thẩm định");
    expect((await listNotifications(staff2, "en"))[0].title).toBe("Sở Tư pháp submitted its 2026 self-scoring sheet: awaiting appraisal");
    // The officer who wanted it at once has it in the outbox, in English; the other waits for the digest.
    const mails = await testDb.mailMessage.findMany({ where: { purpose: "notification" } });
    expect(mails.map((m) => [m.toAddress, m.subject])).toEqual([
      ["noivu2@kiemthu.gov.vn", "Sở Tư pháp submitted its 2026 self-scoring sheet: awaiting appraisal"],
    ]);
    expect(mails[0].text).toContain(link);
  });

  it("does not tell the officer who submitted for the agency, and tells again of a sheet submitted anew", async () => {
    await fillSelfScores(sheet.SNV);
    await advance(staff, { assessmentId: sheet.SNV, version: await version(sheet.SNV), step: "submit" }, BEFORE_DEADLINE);
    const ofSnv = (await sent("sheetSubmitted")).filter(([, subject]) => subject.startsWith(`assessment:${sheet.SNV}:`));
    expect(ofSnv.map(([email]) => email)).toEqual(["noivu2@kiemthu.gov.vn"]);
    await advance(snvHead, { assessmentId: sheet.SNV, version: await version(sheet.SNV), step: "withdraw" });
    await advance(snvHead, { assessmentId: sheet.SNV, version: await version(sheet.SNV), step: "submit" }, BEFORE_DEADLINE);
    const again = (await sent("sheetSubmitted")).filter(([, subject]) => subject.startsWith(`assessment:${sheet.SNV}:`));
    expect(again.map(([email]) => email)).toEqual(["noivu@demo.local", "noivu2@kiemthu.gov.vn", "noivu2@kiemthu.gov.vn"]);
  });

  it("tells the agency's active heads of an explanation request when staff release it, and staff of each answer once", async () => {
    await acceptSelfScores(staff, { assessmentId: sheet.STP });
    const score = await testDb.criterionScore.findFirstOrThrow({
      where: { assessmentId: sheet.STP, criterion: { method: "APPRAISAL" } },
      include: { criterion: true },
      orderBy: { criterion: { sortOrder: "asc" } },
    });
    await requestExplanation(staff, { criterionScoreId: score.id, version: score.version, request: "Bổ sung quyết định ban hành kế hoạch." });
    // Written but not released: nobody is told yet.
    expect(await sent("explanationRequested")).toEqual([]);
    await advance(staff, { assessmentId: sheet.STP, version: await version(sheet.STP), step: "requestExplanations" });
    const link = `/danh-gia/phieu/${sheet.STP}`;
    expect(await sent("explanationRequested")).toEqual([["thutruong@demo.local", `assessment:${sheet.STP}:explanations`, link]]);
    expect((await listNotifications(head, "vi"))[0].title).toBe("Sở Nội vụ yêu cầu Sở Tư pháp giải trình 1 tiêu chí trong phiếu đánh giá năm 2026");

    const answer = async (response: string) => {
      const current = await testDb.criterionScore.findUniqueOrThrow({ where: { id: score.id } });
      await answerExplanation(head, { criterionScoreId: score.id, version: current.version, response });
    };
    await answer("Đã bổ sung quyết định số 12/QĐ-STP.");
    await answer("Đã bổ sung quyết định số 12/QĐ-STP ngày 05/02/2026.");
    const subject = `criterionScore:${score.id}:answered`;
    expect(await sent("explanationAnswered")).toEqual([
      ["noivu@demo.local", subject, link],
      ["noivu2@kiemthu.gov.vn", subject, link],
    ]);
    expect((await listNotifications(staff, "vi", "explanationAnswered"))[0].title).toBe(
      `Sở Tư pháp đã giải trình tiêu chí ${score.criterion.code} trong phiếu đánh giá năm 2026`,
    );
  });

  it("tells the agency's heads its appraised score when staff finalize, and heads and leaders when the year is published", async () => {
    await advance(staff, { assessmentId: sheet.STP, version: await version(sheet.STP), step: "startRound2" });
    // Staff appraised the rest (setup: appraisal has its own tests).
    await testDb.criterionScore.updateMany({ where: { assessmentId: { in: [sheet.STP, sheet.SNV] }, round1Score: null }, data: { round1Score: 0 } });
    await advance(staff, { assessmentId: sheet.STP, version: await version(sheet.STP), step: "finalize" });
    await acceptSelfScores(staff, { assessmentId: sheet.SNV });
    await advance(staff, { assessmentId: sheet.SNV, version: await version(sheet.SNV), step: "finalize" });
    expect(await sent("appraisalReleased")).toEqual([
      ["thutruong@demo.local", `assessment:${sheet.STP}:finalized`, `/danh-gia/phieu/${sheet.STP}`],
      ["thutruong-snv@kiemthu.gov.vn", `assessment:${sheet.SNV}:finalized`, `/danh-gia/phieu/${sheet.SNV}`],
    ]);
    expect((await listNotifications(head, "vi", "appraisalReleased"))[0].title).toBe(
      "Sở Nội vụ đã chốt điểm thẩm định phiếu đánh giá năm 2026 của Sở Tư pháp: 0,00 điểm",
    );

    const period = await testDb.assessmentPeriod.findUniqueOrThrow({ where: { id: periodId } });
    await publishPeriod(staff, { periodId, version: period.version });
    const leaders = await testDb.user.findMany({ where: { role: "LEADER", active: true, provinceId: staff.provinceId }, orderBy: { id: "asc" } });
    const told = (await sent("periodPublished")).map(([email]) => email);
    expect(told.sort()).toEqual(["thutruong-snv@kiemthu.gov.vn", "thutruong@demo.local", ...leaders.map((l) => l.email)].sort());
    expect(told).toContain(leader.email);
    expect((await listNotifications(leader, "en", "periodPublished"))[0]).toMatchObject({
      title: "The 2026 assessment results and ranking of 2 agencies are published",
      link: `/danh-gia/${periodId}`,
    });
  });
});

describe("tasks", () => {
  it("tells the lead agency's active heads once; a new lead's heads are told and the old lead's unread notice withdrawn", async () => {
    const fields = { directiveId: String(planId), title: "Rà soát thủ tục hành chính lĩnh vực tư pháp", dueOn: "2026-12-15" };
    const { id } = await createTask(staff, { ...fields, leadAgencyId: String(ids.STP) });
    const link = `/van-ban/${planId}`;
    expect(await sent("taskAssigned")).toEqual([["thutruong@demo.local", `task:${id}:lead:${ids.STP}`, link]]);
    expect((await listNotifications(head, "vi", "taskAssigned"))[0].title).toBe(
      'Cơ quan bạn được giao chủ trì nhiệm vụ "Rà soát thủ tục hành chính lĩnh vực tư pháp" (hạn 15/12/2026)',
    );
    const taskVersion = async () => String((await testDb.task.findUniqueOrThrow({ where: { id } })).version);
    // Rewording the task tells nobody again.
    await updateTask(staff, {
      ...fields,
      id: String(id),
      version: await taskVersion(),
      title: "Rà soát, công khai thủ tục hành chính",
      leadAgencyId: String(ids.STP),
    });
    expect(await sent("taskAssigned")).toHaveLength(1);
    // Given to Sở Nội vụ: its head is told; Sở Tư pháp's head, who had not read it, no longer has it.
    await updateTask(staff, { ...fields, id: String(id), version: await taskVersion(), leadAgencyId: String(ids.SNV) });
    expect(await sent("taskAssigned")).toEqual([["thutruong-snv@kiemthu.gov.vn", `task:${id}:lead:${ids.SNV}`, link]]);
    // A task without a lead tells nobody; a deleted task's unread notices go with it.
    await createTask(staff, { ...fields, title: "Nhiệm vụ chưa giao" });
    expect(await sent("taskAssigned")).toHaveLength(1);
    await deleteTask(staff, { id: String(id), version: await taskVersion() });
    expect(await sent("taskAssigned")).toEqual([]);
  });

  it("keeps a notice the old lead's head has read", async () => {
    const fields = { directiveId: String(planId), title: "Tổng hợp báo cáo CCHC quý IV" };
    const { id } = await createTask(staff, { ...fields, leadAgencyId: String(ids.STP) });
    expect((await listNotifications(head, "en", "taskAssigned"))[0].title).toBe('Your agency leads the task "Tổng hợp báo cáo CCHC quý IV"');
    await testDb.notification.updateMany({ where: { userId: head.id, kind: "taskAssigned" }, data: { readAt: new Date() } });
    const { version: v } = await testDb.task.findUniqueOrThrow({ where: { id } });
    await updateTask(staff, { ...fields, id: String(id), version: String(v), leadAgencyId: String(ids.SNV) });
    expect((await sent("taskAssigned")).map(([email]) => email)).toEqual(["thutruong@demo.local", "thutruong-snv@kiemthu.gov.vn"]);
  });
});
