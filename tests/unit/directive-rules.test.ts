// The rules of directives (lib/directives/rules.ts, their tasks' timing in lib/tasks/rules.ts) not covered by tests/unit/directives.test.ts:
// each report period with its label and dates, the status filters, and the labels people read.
import { describe, expect, it } from "vitest";
import { expectInCatalogue } from "../support/catalogue";
import {
  directivePeriods,
  directiveProgress,
  findPeriod,
  isReportingKind,
  matchesStatus,
  reportingPeriods,
  reportMatrix,
  reportsOwed,
  STATUS_FILTERS,
} from "@/lib/directives/rules";
import { daysOverdue, OPEN_TASK_STATUSES } from "@/lib/tasks/rules";
import { calendarDay } from "@/lib/time";

describe("days", () => {
  it("a stored date or a text date reads as its calendar day", () => {
    expect(calendarDay(new Date("2019-09-30T00:00:00Z"))).toBe("2019-09-30");
    expect(calendarDay("2019-09-30T12:00:00Z")).toBe("2019-09-30");
  });

  it("a task due in the text form is overdue from the next day, by whole days", () => {
    expect(daysOverdue({ status: "NOT_STARTED", dueOn: "2019-12-31" }, "2020-01-01")).toBe(1);
    expect(daysOverdue({ status: "NOT_STARTED", dueOn: "2019-12-31" }, "2019-12-31")).toBe(0);
    expect(daysOverdue({ status: "IN_PROGRESS", dueOn: "2019-02-28" }, "2019-03-31")).toBe(31);
  });

  it("only tasks not started or in progress can be overdue", () => {
    expect(OPEN_TASK_STATUSES).toEqual(["NOT_STARTED", "IN_PROGRESS"]);
  });

  it("a directive whose tasks are all cancelled is done", () => {
    expect(directiveProgress([{ status: "CANCELLED", dueOn: "2019-01-01" }], "2020-01-01")).toBe("done");
    expect(directiveProgress([{ status: "NOT_STARTED", dueOn: null }], "2020-01-01")).toBe("in_progress");
  });
});

describe("report periods", () => {
  it("half-year reports cover January–June and July–December", () => {
    expect(reportingPeriods(["HALF_YEAR"], 2020).map((p) => [p.key, p.label, p.year, p.start, p.end])).toEqual([
      ["2020-H1", "6 tháng đầu năm 2020", 2020, "2020-01-01", "2020-06-30"],
      ["2020-H2", "6 tháng cuối năm 2020", 2020, "2020-07-01", "2020-12-31"],
    ]);
  });

  it("quarterly reports cover each quarter", () => {
    expect(reportingPeriods(["QUARTERLY"], 2020).map((p) => [p.key, p.label, p.start, p.end])).toEqual([
      ["2020-Q1", "Quý I/2020", "2020-01-01", "2020-03-31"],
      ["2020-Q2", "Quý II/2020", "2020-04-01", "2020-06-30"],
      ["2020-Q3", "Quý III/2020", "2020-07-01", "2020-09-30"],
      ["2020-Q4", "Quý IV/2020", "2020-10-01", "2020-12-31"],
    ]);
  });

  it("the reporting kinds are quarterly, half-year and annual", () => {
    expect(["QUARTERLY", "HALF_YEAR", "ANNUAL", "MONTHLY", ""].map(isReportingKind)).toEqual([true, true, true, false, false]);
  });

  it("a year named twice gives its reports once", () => {
    expect(directivePeriods(["ANNUAL"], [2020, 2020]).map((p) => p.key)).toEqual(["2020"]);
  });

  it("a period is found by its key among the directive's, else not at all", () => {
    expect(findPeriod(["QUARTERLY"], [2019, 2020], "2020-Q2")).toMatchObject({ key: "2020-Q2", label: "Quý II/2020" });
    expect(findPeriod(["QUARTERLY"], [2019, 2020], "2020-H1")).toBeNull();
    expect(findPeriod(["QUARTERLY"], [2019, 2020], "2021-Q1")).toBeNull();
  });
});

describe("who has reported", () => {
  const periods = reportingPeriods(["HALF_YEAR"], 2019);
  const agencies = [{ id: 1 }, { id: 2 }];

  it("after a period ends every agency owes its report; during it only those sent count", () => {
    const matrix = reportMatrix(agencies, periods, [{ id: 5, agencyId: 2, period: "2019-H2" }], "2020-01-10");
    expect(matrix.columns.map((c) => [c.period.key, c.submitted, c.missing, c.expected])).toEqual([
      ["2019-H1", 0, 2, 2],
      ["2019-H2", 1, 1, 2],
    ]);
    expect(matrix.rows.map((r) => [r.agency.id, r.submitted, r.missing, r.cells.map((c) => c.reportId)])).toEqual([
      [1, 0, 2, [null, null]],
      [2, 1, 1, [null, 5]],
    ]);
    expect(matrix.missing).toBe(3);
    const during = reportMatrix(agencies, periods, [{ id: 6, agencyId: 1, period: "2019-H2" }], "2019-08-01");
    expect(during.columns[1]).toMatchObject({ submitted: 1, missing: 0, expected: 1 });
  });

  it("a report of another agency or period is not this cell's", () => {
    const matrix = reportMatrix(
      [{ id: 1 }],
      periods,
      [
        { id: 7, agencyId: 9, period: "2019-H1" },
        { id: 8, agencyId: 1, period: "2019-Q1" },
      ],
      "2020-01-10",
    );
    expect(matrix.rows[0].cells.map((c) => c.state)).toEqual(["missing", "missing"]);
  });

  it("an agency owes nothing for a period not yet begun, nor for one it has reported", () => {
    expect(reportsOwed(periods, new Set(), "2019-03-01").map((o) => [o.period.key, o.state])).toEqual([["2019-H1", "open"]]);
    expect(reportsOwed(periods, new Set(["2019-H1", "2019-H2"]), "2020-03-01")).toEqual([]);
  });
});

describe("the list's status filter", () => {
  it("has a task side and a target side", () => {
    expect(STATUS_FILTERS).toEqual(["overdue", "in_progress", "done", "targets_missed", "targets_at_risk", "targets_pending", "targets_met"]);
  });

  it("each value matches its own side only", () => {
    const table = STATUS_FILTERS.map((filter) => [
      filter,
      (["overdue", "in_progress", "done"] as const).filter((progress) => matchesStatus(filter, progress, "none")),
      (["missed", "at_risk", "pending", "met"] as const).filter((targets) => matchesStatus(filter, "no_tasks", targets)),
    ]);
    expect(table).toEqual([
      ["overdue", ["overdue"], []],
      ["in_progress", ["in_progress"], []],
      ["done", ["done"], []],
      ["targets_missed", [], ["missed"]],
      ["targets_at_risk", [], ["at_risk"]],
      ["targets_pending", [], ["pending"]],
      ["targets_met", [], ["met"]],
    ]);
  });
});

describe("labels", () => {
  it("say the statuses as staff say them", () => {
    expectInCatalogue({
      no_tasks: "Chưa giao nhiệm vụ",
      overdue: "Có nhiệm vụ quá hạn",
      in_progress: "Đang thực hiện",
      done: "Đã hoàn thành các nhiệm vụ",
    });
    expectInCatalogue({
      none: "Không đặt chỉ tiêu",
      missed: "Có chỉ tiêu không đạt",
      at_risk: "Có chỉ tiêu có nguy cơ không đạt",
      pending: "Chỉ tiêu chưa xác định",
      met: "Đạt mọi chỉ tiêu",
    });
    expectInCatalogue({
      overdue: "Có nhiệm vụ quá hạn",
      in_progress: "Đang thực hiện, chưa quá hạn",
      done: "Đã hoàn thành các nhiệm vụ",
      targets_missed: "Có chỉ tiêu không đạt",
      targets_at_risk: "Có chỉ tiêu có nguy cơ không đạt",
      targets_pending: "Có chỉ tiêu chưa xác định",
      targets_met: "Đạt mọi chỉ tiêu",
    });
    expectInCatalogue({ submitted: "Đã báo cáo", missing: "Chưa báo cáo", open: "Đang trong kỳ", upcoming: "Chưa đến kỳ" });
  });
});
