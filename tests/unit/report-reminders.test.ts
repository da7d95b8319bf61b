// Which periodic reports the deadline scan reminds of (lib/directives/reports/reminders.ts).
import { describe, expect, it } from "vitest";
import { closedForReporting, missingReports, reportDeadline, reportReminders } from "@/lib/directives/reports/reminders";

const so = (id: number, name: string) => ({ id, name });
const directive = (overrides: Partial<Parameters<typeof reportReminders>[0]> = {}) => ({
  reporting: ["QUARTERLY"],
  years: [2031],
  tasks: [
    { status: "IN_PROGRESS", leadAgency: so(1, "Sở Tư pháp"), coAgencies: [{ agency: so(2, "Sở Nội vụ") }] },
    { status: "CANCELLED", leadAgency: so(3, "Sở Y tế"), coAgencies: [] },
  ],
  targets: [{ agency: so(4, "Sở Công Thương") }],
  reports: [],
  ...overrides,
});
const at = (iso: string) => new Date(iso);
const summary = (rs: ReturnType<typeof reportReminders>) => rs.map((r) => [r.agency.id, r.period.key, r.threshold]);

describe("periodic-report reminders", () => {
  it("are due at the end of the period's last day in Viet Nam", () => {
    expect(reportDeadline({ end: "2031-03-31" }).toISOString()).toBe("2031-03-31T16:59:59.000Z");
  });

  it("remind every reporting agency without its report 3 days before the period ends, not earlier", () => {
    expect(reportReminders(directive(), at("2031-03-27T01:00:00Z"))).toEqual([]);
    expect(summary(reportReminders(directive({ reports: [{ agencyId: 2, period: "2031-Q1" }] }), at("2031-03-29T01:00:00Z")))).toEqual([
      [4, "2031-Q1", "d3"],
      [1, "2031-Q1", "d3"],
    ]);
  });

  it("remind of an overdue report once the period has ended, for 30 days", () => {
    expect(summary(reportReminders(directive(), at("2031-04-01T01:00:00Z")))).toEqual([
      [4, "2031-Q1", "passed"],
      [2, "2031-Q1", "passed"],
      [1, "2031-Q1", "passed"],
    ]);
    expect(reportReminders(directive(), at("2031-05-01T01:00:00Z"))).toEqual([]);
  });

  it("ignore an agency whose only task is cancelled, a report sent during the period, and a closed directive", () => {
    const ids = reportReminders(directive({ reports: [{ agencyId: 1, period: "2031-Q1" }] }), at("2031-04-02T01:00:00Z")).map((r) => r.agency.id);
    expect(ids).not.toContain(3);
    expect(ids).not.toContain(1);
    const closed = directive({ tasks: [{ status: "DONE", leadAgency: so(1, "Sở Tư pháp"), coAgencies: [] }] });
    expect(closedForReporting(closed.tasks)).toBe(true);
    expect(reportReminders(closed, at("2031-04-02T01:00:00Z"))).toEqual([]);
    expect(closedForReporting([])).toBe(false);
  });

  it("follow the longest period ending on a date (6-month, annual) and the directive's years only", () => {
    const d = directive({ reporting: ["HALF_YEAR", "ANNUAL"], years: [2031] });
    expect(summary(reportReminders(d, at("2031-07-01T01:00:00Z")))[0]).toEqual([4, "2031-H1", "passed"]);
    expect(summary(reportReminders(d, at("2032-01-02T01:00:00Z")))[0]).toEqual([4, "2031", "passed"]);
    expect(reportReminders(directive({ years: [2030] }), at("2031-04-02T01:00:00Z"))).toEqual([]);
  });

  it("sum up the agencies missing per period for Home Affairs, not one message per agency", () => {
    const reminders = reportReminders(directive({ reports: [{ agencyId: 4, period: "2031-Q1" }] }), at("2031-04-02T01:00:00Z"));
    expect(missingReports(reminders).map((m) => [m.period.key, m.agencies])).toEqual([["2031-Q1", ["Sở Nội vụ", "Sở Tư pháp"]]]);
    expect(missingReports(reportReminders(directive(), at("2031-03-29T01:00:00Z")))).toEqual([]);
  });
});

describe("a report reminder's words", () => {
  it("names the directive and the period in the user's language", async () => {
    const { notificationTitle } = await import("@/lib/notifications/kinds");
    const params = { directive: "12/KH-UBND", reportPeriod: "2031-Q1", deadline: "2031-03-31T16:59:59.000Z", agency: "Sở Tư pháp" };
    expect(notificationTitle("vi", "reportDue", "d3", params)).toBe(
      "Còn 3 ngày đến hạn báo cáo quý I/2031 theo văn bản 12/KH-UBND (31/03/2031) của Sở Tư pháp",
    );
    expect(notificationTitle("en", "reportDue", "passed", { ...params, reportPeriod: "2031-H2" })).toBe(
      "The second half of 2031 report on directive 12/KH-UBND is overdue (31/03/2031): Sở Tư pháp has not sent it",
    );
    expect(notificationTitle("vi", "reportsMissing", "passed", { ...params, reportPeriod: "2031", count: 2, agencies: "Sở Nội vụ, Sở Tư pháp" })).toBe(
      "2 cơ quan chưa gửi báo cáo năm 2031 theo văn bản 12/KH-UBND đã quá hạn (31/03/2031): Sở Nội vụ, Sở Tư pháp",
    );
  });
});
