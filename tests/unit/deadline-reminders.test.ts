import { describe, expect, it } from "vitest";
import { awaitsSelfScoring, reminderDue, SELF_SCORING_THRESHOLDS, TASK_THRESHOLDS, taskIsOpen } from "@/lib/notifications/deadline-reminders";

// Deadline: 31/03/2026, end of the day in Viet Nam = 2026-03-31T16:59:59Z.
const deadline = new Date("2026-03-31T23:59:59+07:00");
const at = (iso: string) => new Date(iso);

describe("reminderDue (self-scoring: 7, 3, 1 days before, passed)", () => {
  it.each([
    ["2026-03-23T12:00:00+07:00", null], // 8 days left
    ["2026-03-24T00:00:00+07:00", "d7"], // 7 days left, from midnight in Viet Nam
    ["2026-03-23T17:30:00Z", "d7"], // 00:30 on 24/03 in Viet Nam, still 23/03 in UTC
    ["2026-03-27T23:59:00+07:00", "d7"], // 4 days left
    ["2026-03-28T08:00:00+07:00", "d3"], // 3 days left
    ["2026-03-29T08:00:00+07:00", "d3"], // 2 days left
    ["2026-03-30T08:00:00+07:00", "d1"], // 1 day left
    ["2026-03-31T23:59:00+07:00", "d1"], // the last day, before its end
    ["2026-04-01T00:00:00+07:00", "passed"],
    ["2026-06-01T00:00:00+07:00", "passed"],
  ])("at %s → %s", (now, expected) => {
    expect(reminderDue(deadline, at(now), SELF_SCORING_THRESHOLDS)).toBe(expected);
  });

  it("a scan that missed the earlier reminders sends only the most urgent one", () => {
    expect(reminderDue(deadline, at("2026-03-31T07:00:00+07:00"), SELF_SCORING_THRESHOLDS)).toBe("d1");
  });
});

describe("reminderDue (tasks: 3 days before, overdue)", () => {
  const due = new Date("2026-05-15T23:59:59+07:00");
  it.each([
    ["2026-05-08T07:00:00+07:00", null], // 7 days: no reminder for tasks
    ["2026-05-11T07:00:00+07:00", null], // 4 days
    ["2026-05-12T07:00:00+07:00", "d3"],
    ["2026-05-15T07:00:00+07:00", "d3"],
    ["2026-05-16T07:00:00+07:00", "passed"],
  ])("at %s → %s", (now, expected) => {
    expect(reminderDue(due, at(now), TASK_THRESHOLDS)).toBe(expected);
  });
});

describe("what is reminded at all", () => {
  it("only sheets still in draft in a period still self-scoring", () => {
    expect(awaitsSelfScoring("SELF_SCORING", "DRAFT")).toBe(true);
    expect(awaitsSelfScoring("SELF_SCORING", "SUBMITTED")).toBe(false);
    expect(awaitsSelfScoring("APPRAISAL", "DRAFT")).toBe(false);
    expect(awaitsSelfScoring("PUBLISHED", "DRAFT")).toBe(false);
  });
  it("only tasks not done and not cancelled", () => {
    expect(taskIsOpen("NOT_STARTED")).toBe(true);
    expect(taskIsOpen("IN_PROGRESS")).toBe(true);
    expect(taskIsOpen("DONE")).toBe(false);
    expect(taskIsOpen("CANCELLED")).toBe(false);
  });
});
