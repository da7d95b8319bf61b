import { describe, expect, it } from "vitest";
import {
  directivePeriods,
  directiveProgress,
  matchesStatus,
  periodState,
  reportingPeriods,
  reportMatrix,
  reportsOwed,
  targetsOverall,
} from "@/lib/directives/rules";
import { daysOverdue, isOverdue } from "@/lib/tasks/rules";
import { vietnamToday } from "@/lib/time";
import { directiveNumberSchema, isDirectiveNumber, normalizeDirectiveNumber, parseYears } from "@/lib/directives/schema";
import { buildBulkTargets, targetIssues, type TargetContext, type TargetDraft } from "@/lib/targets/rules";

describe("number and symbol of a directive", () => {
  it("accepts the shapes provinces use", () => {
    for (const number of [
      "4183/KH-UBND",
      "1586/QĐ-UBND",
      "1020/UBND-TH",
      "733/UBND-TH",
      "1565/UBND-NC",
      "05/2021/QĐ-UBND",
      "19/2025/QĐ-TTg",
      "202/2025/QH15",
      "12/CT-UBND",
    ]) {
      expect(isDirectiveNumber(number), number).toBe(true);
    }
  });
  it("normalizes spaces, dashes and case, keeping TTg", () => {
    expect(normalizeDirectiveNumber(" 4183 / kh – ubnd ")).toBe("4183/KH-UBND");
    expect(normalizeDirectiveNumber("1586/qđ-ubnd")).toBe("1586/QĐ-UBND");
    expect(normalizeDirectiveNumber("19/2025/qđ-ttg")).toBe("19/2025/QĐ-TTg");
  });
  it("refuses other shapes with a message that shows the expected form", () => {
    for (const number of ["KH-UBND", "4183", "4183/", "4183/KH-", "4183-KH-UBND", "4183/KH--UBND", "4183/KH_UBND", "41a/KH"]) {
      const parsed = directiveNumberSchema.safeParse(number);
      expect(parsed.success, number).toBe(false);
      if (!parsed.success) expect(parsed.error.issues[0].message).toMatch(/4183\/KH-UBND/);
    }
  });
});

describe("years a directive concerns", () => {
  it("reads single years, lists and ranges", () => {
    expect(parseYears("2019")).toEqual({ ok: true, years: [2019] });
    expect(parseYears("2020, 2019 2020")).toEqual({ ok: true, years: [2019, 2020] });
    expect(parseYears("2016-2020")).toEqual({ ok: true, years: [2016, 2017, 2018, 2019, 2020] });
    expect(parseYears("2016–2018")).toEqual({ ok: true, years: [2016, 2017, 2018] });
  });
  it("says what is wrong", () => {
    expect(parseYears("")).toMatchObject({ ok: false });
    expect(parseYears("19")).toMatchObject({ ok: false, message: expect.stringContaining("4 chữ số") });
    expect(parseYears("2020-2016")).toMatchObject({ ok: false, message: expect.stringContaining("ngược") });
    expect(parseYears("2000-2015")).toMatchObject({ ok: false, message: expect.stringContaining("tối đa 10 năm") });
    expect(parseYears("1999")).toMatchObject({ ok: false });
  });
});

describe("reporting periods", () => {
  const keys = (reporting: string[]) => reportingPeriods(reporting, 2019).map((p) => p.key);
  it("quarterly, half-year and annual (4183/KH-UBND) gives quý I, 6 tháng, quý III, năm", () => {
    const periods = reportingPeriods(["QUARTERLY", "HALF_YEAR", "ANNUAL"], 2019);
    expect(periods.map((p) => [p.key, p.label, p.start, p.end])).toEqual([
      ["2019-Q1", "Quý I/2019", "2019-01-01", "2019-03-31"],
      ["2019-H1", "6 tháng đầu năm 2019", "2019-01-01", "2019-06-30"],
      ["2019-Q3", "Quý III/2019", "2019-07-01", "2019-09-30"],
      ["2019", "Năm 2019", "2019-01-01", "2019-12-31"],
    ]);
  });
  it("each regime alone and in pairs", () => {
    expect(keys(["QUARTERLY"])).toEqual(["2019-Q1", "2019-Q2", "2019-Q3", "2019-Q4"]);
    expect(keys(["HALF_YEAR"])).toEqual(["2019-H1", "2019-H2"]);
    expect(keys(["ANNUAL"])).toEqual(["2019"]);
    expect(keys(["QUARTERLY", "ANNUAL"])).toEqual(["2019-Q1", "2019-Q2", "2019-Q3", "2019"]);
    expect(keys(["QUARTERLY", "HALF_YEAR"])).toEqual(["2019-Q1", "2019-H1", "2019-Q3", "2019-H2"]);
    expect(keys([])).toEqual([]);
    expect(keys(["MONTHLY"])).toEqual([]);
  });
  it("spans the directive's years in order", () => {
    expect(directivePeriods(["ANNUAL"], [2021, 2019, 2020]).map((p) => p.key)).toEqual(["2019", "2020", "2021"]);
  });
  it("knows whether a period is upcoming, open or ended on a given day", () => {
    const [q1] = reportingPeriods(["QUARTERLY"], 2019);
    expect(periodState(q1, "2018-12-31")).toBe("upcoming");
    expect(periodState(q1, "2019-03-31")).toBe("open");
    expect(periodState(q1, "2019-04-01")).toBe("ended");
  });
});

describe("who has reported", () => {
  const periods = reportingPeriods(["QUARTERLY", "HALF_YEAR", "ANNUAL"], 2019);
  const agencies = [
    { id: 1, name: "Sở Tư pháp" },
    { id: 2, name: "Sở Nội vụ" },
  ];
  const reports = [
    { id: 10, agencyId: 1, period: "2019-Q1" },
    { id: 11, agencyId: 1, period: "2019-H1" },
    { id: 12, agencyId: 2, period: "2019-Q1" },
  ];
  it("marks sent, missing (period ended) and open reports on 15/08/2019, upcoming ones before their period", () => {
    const matrix = reportMatrix(agencies, periods, reports, "2019-08-15");
    expect(matrix.rows.map((r) => r.cells.map((c) => c.state))).toEqual([
      ["submitted", "submitted", "open", "open"],
      ["submitted", "missing", "open", "open"],
    ]);
    expect(matrix.rows[1]).toMatchObject({ submitted: 1, missing: 1 });
    expect(matrix.columns.map((c) => [c.period.key, c.submitted, c.missing, c.expected])).toEqual([
      ["2019-Q1", 2, 0, 2],
      ["2019-H1", 1, 1, 2],
      ["2019-Q3", 0, 0, 0],
      ["2019", 0, 0, 0],
    ]);
    expect(matrix.missing).toBe(1);
    expect(matrix.rows[0].cells[0].reportId).toBe(10);
    expect(reportMatrix(agencies, periods, [], "2018-12-01").rows[0].cells.map((c) => c.state)).toEqual(["upcoming", "upcoming", "upcoming", "upcoming"]);
  });
  it("lists the reports an agency owes: missing ones and the period in progress", () => {
    const owed = reportsOwed(periods, new Set(["2019-Q1"]), "2019-08-15");
    expect(owed.map((o) => [o.period.key, o.state])).toEqual([
      ["2019-H1", "missing"],
      ["2019-Q3", "open"],
      ["2019", "open"],
    ]);
  });
});

describe("overdue tasks, on the calendar of Viet Nam", () => {
  const due = new Date("2019-09-30T00:00:00Z"); // a @db.Date: 30/09/2019
  it("takes today's date in Asia/Ho_Chi_Minh (UTC+7)", () => {
    expect(vietnamToday(new Date("2019-09-30T16:59:59Z"))).toBe("2019-09-30"); // 23:59:59 in Hà Nội
    expect(vietnamToday(new Date("2019-09-30T17:00:00Z"))).toBe("2019-10-01"); // 00:00 on 01/10 in Hà Nội
  });
  it("is overdue from the day after the due date, Vietnam time, while UTC is still on the due date", () => {
    const task = { status: "IN_PROGRESS" as const, dueOn: due };
    expect(isOverdue(task, vietnamToday(new Date("2019-09-30T16:59:59Z")))).toBe(false);
    expect(isOverdue(task, vietnamToday(new Date("2019-09-30T17:30:00Z")))).toBe(true);
    expect(daysOverdue(task, "2019-10-05")).toBe(5);
  });
  it("is never overdue when done, cancelled or without a due date", () => {
    expect(isOverdue({ status: "DONE", dueOn: due }, "2020-01-01")).toBe(false);
    expect(isOverdue({ status: "CANCELLED", dueOn: due }, "2020-01-01")).toBe(false);
    expect(isOverdue({ status: "NOT_STARTED", dueOn: null }, "2020-01-01")).toBe(false);
    expect(daysOverdue({ status: "DONE", dueOn: due }, "2020-01-01")).toBe(0);
  });
});

describe("status of a directive", () => {
  const today = "2019-10-10";
  it("from its tasks", () => {
    expect(directiveProgress([], today)).toBe("no_tasks");
    expect(
      directiveProgress(
        [
          { status: "IN_PROGRESS", dueOn: "2019-10-09" },
          { status: "DONE", dueOn: null },
        ],
        today,
      ),
    ).toBe("overdue");
    expect(directiveProgress([{ status: "IN_PROGRESS", dueOn: "2019-10-10" }], today)).toBe("in_progress");
    expect(
      directiveProgress(
        [
          { status: "DONE", dueOn: "2019-01-01" },
          { status: "CANCELLED", dueOn: null },
        ],
        today,
      ),
    ).toBe("done");
  });
  it("from its targets: the worst status wins", () => {
    expect(targetsOverall([])).toBe("none");
    expect(targetsOverall(["met", "missed", "at_risk"])).toBe("missed");
    expect(targetsOverall(["met", "at_risk", "not_yet_known"])).toBe("at_risk");
    expect(targetsOverall(["met", "not_yet_known"])).toBe("pending");
    expect(targetsOverall(["met", "met"])).toBe("met");
  });
  it("filters on either side", () => {
    expect(matchesStatus("overdue", "overdue", "met")).toBe(true);
    expect(matchesStatus("in_progress", "overdue", "met")).toBe(false);
    expect(matchesStatus("targets_met", "overdue", "met")).toBe(true);
    expect(matchesStatus("targets_pending", "done", "pending")).toBe(true);
    expect(matchesStatus("targets_missed", "done", "at_risk")).toBe(false);
  });
});

describe("targets", () => {
  const par = { code: "PAR_INDEX", shortName: "PAR INDEX", subject: "PROVINCE" as const, maxScore: 100 };
  const internal = { code: "INTERNAL_PAR", shortName: "Chỉ số CCHC nội bộ", subject: "AGENCY" as const, maxScore: 100 };
  const context = (over: Partial<TargetContext> = {}): TargetContext => ({
    years: [2019],
    index: par,
    agency: null,
    criterion: null,
    ...over,
  });
  const draft = (over: Partial<TargetDraft>): TargetDraft => ({
    kind: "MIN_PERCENT_OF_MAX",
    indexCode: "PAR_INDEX",
    year: 2019,
    value: 80,
    valueMax: null,
    unit: "%",
    agencyId: null,
    criterionId: null,
    note: null,
    ...over,
  });
  const fields = (issues: { field?: string }[]) => issues.map((i) => i.field);

  it("accepts the two targets of 4183/KH-UBND", () => {
    expect(targetIssues(draft({}), context())).toEqual([]);
    expect(targetIssues(draft({ kind: "RANK_IMPROVEMENT", value: 10, valueMax: 15, unit: "bậc" }), context())).toEqual([]);
  });
  it("refuses a year the directive does not concern, a percentage above 100 and a reversed range", () => {
    expect(fields(targetIssues(draft({ year: 2020 }), context()))).toEqual(["year"]);
    expect(fields(targetIssues(draft({ value: 120 }), context()))).toEqual(["value"]);
    expect(fields(targetIssues(draft({ kind: "RANK_IMPROVEMENT", value: 10, valueMax: 5, unit: null }), context()))).toEqual(["valueMax"]);
    expect(fields(targetIssues(draft({ kind: "MAX_RANK", value: 2.5, unit: null }), context()))).toEqual(["value"]);
    expect(fields(targetIssues(draft({ valueMax: 90 }), context()))).toEqual(["valueMax"]);
  });
  it("matches the index to the unit: provinces for PAR INDEX, agencies for the internal index", () => {
    expect(fields(targetIssues(draft({ indexCode: null }), context({ index: null })))).toEqual(["indexCode"]);
    expect(fields(targetIssues(draft({ indexCode: "INTERNAL_PAR" }), context({ index: internal })))).toEqual(["indexCode"]);
    expect(
      targetIssues(
        draft({ indexCode: "INTERNAL_PAR", agencyId: 5, kind: "MIN_SCORE", unit: "điểm" }),
        context({ index: internal, agency: { id: 5, name: "Sở Tư pháp" } }),
      ),
    ).toEqual([]);
    expect(fields(targetIssues(draft({ agencyId: 5 }), context({ agency: { id: 5, name: "Sở Tư pháp" } })))).toEqual(["indexCode"]);
  });
  it("needs an agency and an internal criterion for a criterion score, within its maximum", () => {
    const criterion = { id: 7, code: "1.1.2", maxPoints: 5 };
    const base = { kind: "CRITERION_SCORE" as const, indexCode: null, unit: "điểm", criterionId: 7 };
    expect(fields(targetIssues(draft({ ...base, value: 4 }), context({ index: null, criterion })))).toEqual(["agencyId"]);
    expect(targetIssues(draft({ ...base, value: 4, agencyId: 5 }), context({ index: null, criterion, agency: { id: 5, name: "STP" } }))).toEqual([]);
    expect(fields(targetIssues(draft({ ...base, value: 6, agencyId: 5 }), context({ index: null, criterion, agency: { id: 5, name: "STP" } })))).toEqual([
      "value",
    ]);
    expect(fields(targetIssues(draft({ ...base, value: 4, agencyId: 5 }), context({ index: null, agency: { id: 5, name: "STP" } })))).toEqual(["criterionId"]);
  });
  it("counts commitments without an index, for the province or an agency", () => {
    expect(targetIssues(draft({ kind: "COMMITMENT_COMPLETION", indexCode: null, value: 100 }), context({ index: null }))).toEqual([]);
    expect(fields(targetIssues(draft({ kind: "COMMITMENT_COMPLETION", indexCode: "PAR_INDEX", value: 100 }), context()))).toEqual(["indexCode"]);
  });
});

describe("bulk targets (commitments signed with the chairman)", () => {
  const agencies = [
    { id: 1, name: "Sở Tư pháp" },
    { id: 2, name: "Sở Nội vụ" },
    { id: 3, name: "Sở Y tế" },
  ];
  it("builds one target per agency with the kind's unit", () => {
    const { drafts, issues } = buildBulkTargets(
      { kind: "COMMITMENT_COMPLETION", year: 2019, value: 100, criterionId: 99, note: "Cam kết 16/4/2019" },
      agencies,
      [],
    );
    expect(issues).toEqual([]);
    expect(drafts).toHaveLength(3);
    expect(drafts[1]).toEqual({
      kind: "COMMITMENT_COMPLETION",
      indexCode: null,
      year: 2019,
      value: 100,
      valueMax: null,
      unit: "%",
      agencyId: 2,
      criterionId: null,
      note: "Cam kết 16/4/2019",
    });
    const scores = buildBulkTargets({ kind: "CRITERION_SCORE", year: 2025, value: 4, criterionId: 7, note: null }, agencies, []);
    expect(scores.drafts.map((d) => [d.agencyId, d.criterionId, d.unit])).toEqual([
      [1, 7, "điểm"],
      [2, 7, "điểm"],
      [3, 7, "điểm"],
    ]);
  });
  it("refuses agencies that already have the same target, naming them", () => {
    const existing = [
      { kind: "COMMITMENT_COMPLETION" as const, year: 2019, agencyId: 2, criterionId: null },
      { kind: "COMMITMENT_COMPLETION" as const, year: 2020, agencyId: 3, criterionId: null },
      { kind: "CRITERION_SCORE" as const, year: 2019, agencyId: 1, criterionId: 7 },
    ];
    const { issues } = buildBulkTargets({ kind: "COMMITMENT_COMPLETION", year: 2019, value: 100, criterionId: null, note: null }, agencies, existing);
    expect(issues).toEqual([{ field: "agencyIds", message: expect.stringContaining("Sở Nội vụ") }]);
    expect(issues[0].message).not.toContain("Sở Y tế");
  });
});
