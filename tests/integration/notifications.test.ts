// The portal side of notifications (issue 15): the bell's count, marking read, preferences — each
// user's own rows only — and the outbox page's query, reached through the permission table.
import { describe, expect, it } from "vitest";

const { markNotificationsRead, saveNotificationPreferences, notify } = await import("@/lib/notifications/mutations");
const { listNotifications, notificationPreferences, unreadCount } = await import("@/lib/notifications/queries");
const { listOutbox } = await import("@/lib/mail/queries");
const { scanReportDeadlines, submitReport } = await import("@/lib/directives/reports/mutations");
const { notifyLeadersOfTargets } = await import("@/lib/targets/mutations");
const { getProvinceTargets } = await import("@/lib/targets/queries");
const { DEADLINE_SCAN_PARTS, scanAllDeadlines } = await import("@/lib/jobs/deadline-scan");
const { createAccount } = await import("@/lib/accounts/mutations");
const { testDb } = await import("../support/db");
const { actorFor } = await import("../support/actors");

describe("a user's notifications", () => {
  it("counts, lists in the user's language, and marks read only the user's own", async () => {
    const head = await actorFor("thutruong@demo.local");
    const staff = await actorFor("noivu@demo.local");
    const params = { year: 2032, deadline: "2032-03-31T16:59:59.000Z", agency: "Sở Tư pháp" };
    await testDb.$transaction((tx) =>
      notify(tx, [
        { userId: head.id, kind: "selfScoringDeadline", subject: "assessment:-1", threshold: "d7", params, link: "/danh-gia" },
        { userId: head.id, kind: "selfScoringDeadline", subject: "assessment:-1", threshold: "d3", params, link: "/danh-gia" },
        {
          userId: staff.id,
          kind: "lateAgencies",
          subject: "period:-1:late",
          threshold: "passed",
          params: { ...params, count: 1, agencies: "Sở Tư pháp" },
          link: "/danh-gia",
        },
      ]),
    );
    // The same again inserts nothing: one per (user, subject, threshold).
    expect(
      await testDb.$transaction((tx) =>
        notify(tx, [{ userId: head.id, kind: "selfScoringDeadline", subject: "assessment:-1", threshold: "d7", params, link: "/danh-gia" }]),
      ),
    ).toBe(0);
    expect(await unreadCount(head)).toBe(2);
    const vi = await listNotifications(head, "vi");
    expect(vi.map((n) => n.title)).toEqual([
      "Còn 3 ngày đến hạn tự chấm điểm năm 2032 (31/03/2032) của Sở Tư pháp",
      "Còn 7 ngày đến hạn tự chấm điểm năm 2032 (31/03/2032) của Sở Tư pháp",
    ]);
    expect((await listNotifications(head, "en"))[0].title).toBe("3 days left until the 2032 self-scoring deadline (31/03/2032) of Sở Tư pháp");
    // Someone else's id marks nothing.
    const theirs = await testDb.notification.findFirstOrThrow({ where: { userId: staff.id } });
    await markNotificationsRead(head, { id: theirs.id });
    expect(await unreadCount(staff)).toBe(1);
    await markNotificationsRead(head, { id: vi[0].id });
    expect(await unreadCount(head)).toBe(1);
    await markNotificationsRead(head, {});
    expect(await unreadCount(head)).toBe(0);
    expect(await listNotifications(staff, "vi", "selfScoringDeadline")).toEqual([]);
  });

  it("saves preferences for the kinds the user's role receives only", async () => {
    const head = await actorFor("thutruong@demo.local");
    await saveNotificationPreferences(head, {
      preferences: [
        { kind: "taskDue", delivery: "PORTAL" },
        { kind: "lateAgencies", delivery: "IMMEDIATE" },
      ],
    });
    expect(await notificationPreferences(head)).toEqual([
      { kind: "selfScoringDeadline", delivery: "DIGEST" },
      { kind: "explanationRequested", delivery: "DIGEST" },
      { kind: "appraisalReleased", delivery: "DIGEST" },
      { kind: "periodPublished", delivery: "DIGEST" },
      { kind: "taskAssigned", delivery: "DIGEST" },
      { kind: "taskDue", delivery: "PORTAL" },
      { kind: "reportDue", delivery: "DIGEST" },
    ]);
    expect(await testDb.notificationPreference.count({ where: { userId: head.id, kind: "lateAgencies" } })).toBe(0);
    await expect(saveNotificationPreferences(head, { preferences: [{ kind: "taskDue", delivery: "SMS" }] })).rejects.toThrow();
  });
});

describe("the outbox", () => {
  it("keeps the invitation when no mail server is configured; administrators read all, Home Affairs their province, leaders nothing", async () => {
    delete process.env.SMTP_URL;
    const admin = await actorFor("quantri@demo.local");
    const staff = await actorFor("noivu@demo.local");
    await createAccount(admin, { email: "hanoi.1@kiemthu.gov.vn", name: "Cán bộ Hà Nội", role: "HOME_AFFAIRS", provinceCode: "01" });
    await createAccount(staff, { email: "angiang.1@kiemthu.gov.vn", name: "Lãnh đạo An Giang", role: "LEADER", provinceCode: "91" });
    const all = await listOutbox(admin);
    expect(all.smtpConfigured).toBe(false);
    expect(all.rows.map((r) => [r.to, r.status])).toEqual(
      expect.arrayContaining([
        ["hanoi.1@kiemthu.gov.vn", "PENDING"],
        ["angiang.1@kiemthu.gov.vn", "PENDING"],
      ]),
    );
    expect(all.rows.find((r) => r.to === "angiang.1@kiemthu.gov.vn")!.text).toContain("/dat-mat-khau?token=");
    expect((await listOutbox(staff)).rows.map((r) => r.to)).toEqual(["angiang.1@kiemthu.gov.vn"]);
    await expect(listOutbox(await actorFor("lanhdao@demo.local"))).rejects.toMatchObject({ status: 403 });
    await expect(listOutbox(await actorFor("thutruong@demo.local"))).rejects.toMatchObject({ status: 403 });
  });
});

/** A directive of the demo province for 2031, reporting quarterly, whose tasks are led by `leads` (status each). */
/** The agency's commitment target of 2031 (all its tasks done) under a directive. */
function commitmentTarget(directiveId: number, provinceId: number, agencyId: number) {
  return testDb.target.create({ data: { directiveId, kind: "COMMITMENT_COMPLETION", year: 2031, value: 100, unit: "%", provinceId, agencyId } });
}

async function reportingDirective(number: string, provinceId: number, leads: [number, "IN_PROGRESS" | "DONE" | "CANCELLED"][]) {
  return testDb.directive.create({
    data: {
      provinceId,
      number,
      kind: "KE_HOACH",
      issuer: "UBND tỉnh",
      title: "Kế hoạch cải cách hành chính năm 2031",
      years: [2031],
      reporting: ["QUARTERLY"],
      tasks: {
        create: leads.map(([leadAgencyId, status], i) => ({
          sortOrder: i + 1,
          title: `Nhiệm vụ ${i + 1}`,
          leadAgencyId,
          status,
          dueOn: new Date("2031-06-30"),
        })),
      },
    },
  });
}

/** The notifications on subjects starting with `prefix` (or exactly `subject`), as "user kind subject-rest threshold", sorted. */
const told = async (where: { prefix: string } | { subject: string }) =>
  (await testDb.notification.findMany({ where: { subject: "prefix" in where ? { startsWith: where.prefix } : where.subject } }))
    .map((n) => `${n.userId} ${n.kind} ${"prefix" in where ? n.subject.slice(where.prefix.length) : n.subject} ${n.threshold}`)
    .sort();
const lines = (...rows: (string | number)[][]) => rows.map((r) => r.join(" ")).sort();

describe("the deadline scan", () => {
  it("reminds agency heads of a periodic report due and overdue once, sums up the missing ones for Home Affairs, and says nothing of a closed directive", async () => {
    const head = await testDb.user.findUniqueOrThrow({ where: { email: "thutruong@demo.local" } });
    const staff = await testDb.user.findUniqueOrThrow({ where: { email: "noivu@demo.local" } });
    const own = await testDb.agency.findUniqueOrThrow({ where: { id: head.agencyId! } });
    const [other, dropped] = await testDb.agency.findMany({ where: { provinceId: own.provinceId, id: { not: own.id } }, orderBy: { id: "asc" }, take: 2 });
    // The other agency's head reads English and wants this kind at once; the third agency's only task is cancelled.
    const english = await testDb.user.create({
      data: { email: "report.en@kiemthu.gov.vn", name: "Head", role: "AGENCY_HEAD", agencyId: other.id, provinceId: other.provinceId, locale: "en" },
    });
    const droppedHead = await testDb.user.create({
      data: { email: "report.dropped@kiemthu.gov.vn", name: "Thủ trưởng", role: "AGENCY_HEAD", agencyId: dropped.id, provinceId: dropped.provinceId },
    });
    await testDb.notificationPreference.create({ data: { userId: english.id, kind: "reportDue", delivery: "IMMEDIATE" } });
    const open = await reportingDirective("31/KH-UBND", own.provinceId, [
      [own.id, "IN_PROGRESS"],
      [other.id, "IN_PROGRESS"],
      [dropped.id, "CANCELLED"],
    ]);
    const closed = await reportingDirective("32/KH-UBND", own.provinceId, [
      [own.id, "DONE"],
      [other.id, "CANCELLED"],
    ]);
    const mine = `report:${open.id}:`;
    const officers = (await testDb.user.findMany({ where: { role: "HOME_AFFAIRS", active: true, provinceId: open.provinceId } })).map((u) => u.id);
    expect(officers).toContain(staff.id);

    await scanReportDeadlines(testDb, new Date("2031-03-27T01:00:00Z")); // 5 days left: too early
    expect(await told({ prefix: mine })).toEqual([]);
    await scanReportDeadlines(testDb, new Date("2031-03-29T01:00:00Z"));
    await scanReportDeadlines(testDb, new Date("2031-03-30T01:00:00Z"));
    expect(await told({ prefix: mine })).toEqual(
      lines([head.id, "reportDue", `2031-Q1:${own.id}`, "d3"], [english.id, "reportDue", `2031-Q1:${other.id}`, "d3"]),
    );
    const mailed = await testDb.mailMessage.findMany({ where: { userId: english.id } });
    expect(mailed.map((m) => m.subject)).toEqual([`3 days left until the Q1 2031 report on directive 31/KH-UBND (31/03/2031) of ${other.name}`]);
    expect(mailed[0].text).toContain(`/van-ban/${open.id}#reports-heading`);
    const [reminder] = await listNotifications(await actorFor("thutruong@demo.local"), "vi", "reportDue");
    expect(reminder).toMatchObject({ title: `Còn 3 ngày đến hạn báo cáo quý I/2031 theo văn bản 31/KH-UBND (31/03/2031) của ${own.name}` });

    // The head's agency reports; the period ends: only the other agency is overdue, and Home Affairs gets one summary.
    await submitReport(
      await actorFor("thutruong@demo.local"),
      { directiveId: open.id, agencyId: own.id, period: "2031-Q1", content: "Đã triển khai." },
      new Date("2031-03-30T03:00:00Z"),
    );
    for (const at of ["2031-04-01T01:00:00Z", "2031-04-02T01:00:00Z", "2031-04-20T01:00:00Z"]) await scanReportDeadlines(testDb, new Date(at));
    expect(await told({ prefix: mine })).toEqual(
      lines(
        [head.id, "reportDue", `2031-Q1:${own.id}`, "d3"],
        [english.id, "reportDue", `2031-Q1:${other.id}`, "d3"],
        [english.id, "reportDue", `2031-Q1:${other.id}`, "passed"],
        ...officers.map((id) => [id, "reportsMissing", "2031-Q1:missing", "passed"]),
      ),
    );
    expect(await testDb.mailMessage.count({ where: { userId: english.id } })).toBe(2);
    const [missing] = await listNotifications(await actorFor("noivu@demo.local"), "vi", "reportsMissing");
    expect(missing.title).toBe(`1 cơ quan chưa gửi báo cáo quý I/2031 theo văn bản 31/KH-UBND đã quá hạn (31/03/2031): ${other.name}`);
    expect(missing.link).toBe(`/van-ban/${open.id}/bao-cao?ky=2031-Q1`);
    expect(await testDb.notification.count({ where: { userId: droppedHead.id } })).toBe(0);
    expect(await told({ prefix: `report:${closed.id}:` })).toEqual([]);
  });

  it("tells each leader of the province once per target and status, and leaders of other provinces nothing", async () => {
    const leader = await testDb.user.findUniqueOrThrow({ where: { email: "lanhdao@demo.local" } });
    const head = await testDb.user.findUniqueOrThrow({ where: { email: "thutruong@demo.local" } });
    const second = await testDb.user.create({
      data: { email: "pho.chutich@kiemthu.gov.vn", name: "Phó Chủ tịch", role: "LEADER", provinceId: leader.provinceId },
    });
    const elsewhere = await testDb.province.findFirstOrThrow({ where: { id: { not: leader.provinceId! } } });
    const outsider = await testDb.user.create({
      data: { email: "lanhdao.khac@kiemthu.gov.vn", name: "Lãnh đạo tỉnh khác", role: "LEADER", provinceId: elsewhere.id },
    });
    // A commitment of the head's agency for 2031: all its tasks done. Its task is due 30/06/2031.
    const directive = await reportingDirective("33/KH-UBND", leader.provinceId!, [[head.agencyId!, "IN_PROGRESS"]]);
    const target = await commitmentTarget(directive.id, leader.provinceId!, head.agencyId!);
    const subject = `target:${target.id}`;
    // Every leader of the province: the demo's, and the second one.
    const leaders = (await testDb.user.findMany({ where: { role: "LEADER", active: true, provinceId: leader.provinceId } })).map((u) => u.id);
    expect(leaders).toEqual(expect.arrayContaining([leader.id, second.id]));
    const each = (status: string) => leaders.map((id) => [id, "targetStatus", subject, status]);
    await notifyLeadersOfTargets(testDb, new Date("2031-06-20T01:00:00Z")); // not yet known: nobody
    expect(await told({ subject })).toEqual([]);
    // The task is overdue: at risk, twice scanned, told once.
    await notifyLeadersOfTargets(testDb, new Date("2031-07-02T01:00:00Z"));
    await notifyLeadersOfTargets(testDb, new Date("2031-07-03T01:00:00Z"));
    expect(await told({ subject })).toEqual(lines(...each("at_risk")));
    // The year ends with the task still open: missed, once more and only once.
    await notifyLeadersOfTargets(testDb, new Date("2032-01-02T01:00:00Z"));
    await notifyLeadersOfTargets(testDb, new Date("2032-01-03T01:00:00Z"));
    expect(await told({ subject })).toEqual(lines(...each("at_risk"), ...each("missed")));
    expect(await testDb.notification.count({ where: { userId: outsider.id, subject: `target:${target.id}` } })).toBe(0);
  });

  it("isolates a failure: one province's target evaluation or one kind of deadline throwing leaves the rest notified and is reported", async () => {
    const leader = await testDb.user.findUniqueOrThrow({ where: { email: "lanhdao@demo.local" } });
    const head = await testDb.user.findUniqueOrThrow({ where: { email: "thutruong@demo.local" } });
    const elsewhere = await testDb.province.findFirstOrThrow({ where: { id: { not: leader.provinceId! } }, orderBy: { id: "asc" } });
    await testDb.user.create({ data: { email: "lanhdao.loi@kiemthu.gov.vn", name: "Lãnh đạo", role: "LEADER", provinceId: elsewhere.id } });
    const directive = await reportingDirective("34/KH-UBND", leader.provinceId!, [[head.agencyId!, "IN_PROGRESS"]]);
    const target = await commitmentTarget(directive.id, leader.provinceId!, head.agencyId!);
    const at = new Date("2031-07-02T01:00:00Z");
    // The other province's evaluation throws; An Giang's leader is still told.
    const result = await notifyLeadersOfTargets(testDb, at, async (viewer, provinceId, year, now) => {
      if (provinceId === elsewhere.id) throw new Error("evaluation exploded");
      return getProvinceTargets(viewer, provinceId, year, now);
    });
    expect(result.failures).toEqual([{ provinceId: elsewhere.id, error: "evaluation exploded" }]);
    const leaders = (await testDb.user.findMany({ where: { role: "LEADER", active: true, provinceId: leader.provinceId } })).map((u) => u.id);
    expect(await told({ subject: `target:${target.id}` })).toEqual(lines(...leaders.map((id) => [id, "targetStatus", `target:${target.id}`, "at_risk"])));
    // A kind of deadline that throws: the others still run, and the scan names the failure.
    const scan = await scanAllDeadlines(testDb, new Date("2031-06-28T01:00:00Z"), [
      {
        name: "broken",
        run: async () => {
          throw new Error("no such table");
        },
      },
      ...DEADLINE_SCAN_PARTS,
    ]);
    expect(scan.failures).toEqual(["broken: no such table"]);
    expect(scan.byPart.tasks.notifications).toBeGreaterThan(0);
    expect(await testDb.notification.count({ where: { userId: head.id, kind: "taskDue", threshold: "d3" } })).toBeGreaterThan(0);
  });
});
