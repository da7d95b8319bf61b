// The portal side of notifications (issue 15): the bell's count, marking read, preferences — each
// user's own rows only — and the outbox page's query, reached through the permission table.
import { describe, expect, it } from "vitest";

const { markNotificationsRead, saveNotificationPreferences, notify } = await import("@/lib/notifications/mutations");
const { listNotifications, notificationPreferences, unreadCount } = await import("@/lib/notifications/queries");
const { listOutbox } = await import("@/lib/mail/queries");
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
