// When a task of a directive is overdue (lib/tasks/rules.ts): judged on the calendar of Viet Nam,
// from the day after its due date, only while it is open.
import { describe, expect, it } from "vitest";
import { daysOverdue, isOverdue, OPEN_TASK_STATUSES } from "@/lib/tasks/rules";

describe("an overdue task", () => {
  it("is open: not started or in progress", () => {
    expect(OPEN_TASK_STATUSES).toEqual(["NOT_STARTED", "IN_PROGRESS"]);
  });

  it("is overdue from the day after its due date, not on it", () => {
    expect(isOverdue({ status: "NOT_STARTED", dueOn: "2025-09-30" }, "2025-09-30")).toBe(false);
    expect(isOverdue({ status: "NOT_STARTED", dueOn: "2025-09-30" }, "2025-10-01")).toBe(true);
    expect(isOverdue({ status: "IN_PROGRESS", dueOn: new Date("2025-09-30T00:00:00Z") }, "2025-10-01")).toBe(true);
  });

  it("done, cancelled or without a due date is never overdue", () => {
    expect(isOverdue({ status: "DONE", dueOn: "2025-01-01" }, "2025-10-01")).toBe(false);
    expect(isOverdue({ status: "CANCELLED", dueOn: "2025-01-01" }, "2025-10-01")).toBe(false);
    expect(isOverdue({ status: "IN_PROGRESS", dueOn: null }, "2025-10-01")).toBe(false);
  });

  it("counts whole days past the due date, 0 while not overdue", () => {
    expect(daysOverdue({ status: "NOT_STARTED", dueOn: "2025-09-30" }, "2025-10-01")).toBe(1);
    expect(daysOverdue({ status: "IN_PROGRESS", dueOn: new Date("2024-02-28T00:00:00Z") }, "2024-03-31")).toBe(32);
    expect(daysOverdue({ status: "NOT_STARTED", dueOn: "2025-09-30" }, "2025-09-30")).toBe(0);
    expect(daysOverdue({ status: "DONE", dueOn: "2025-01-01" }, "2025-10-01")).toBe(0);
    expect(daysOverdue({ status: "IN_PROGRESS", dueOn: null }, "2025-10-01")).toBe(0);
  });
});
