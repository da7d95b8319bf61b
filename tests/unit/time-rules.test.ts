// Time in Viet Nam (lib/time.ts) and points to the cent (lib/numbers.ts): the day a deadline is
// judged on, the year results can have been published for, and the rounding every total uses.
import { describe, expect, it } from "vitest";
import { cents, numberOrNull } from "@/lib/numbers";
import {
  addDays,
  calendarDay,
  currentYearInVietnam,
  dayOfTyped,
  daysBetween,
  endOfVietnamDay,
  startOfVietnamDay,
  TIME_ZONE,
  typedOfDay,
  vietnamToday,
} from "@/lib/time";

describe("today in Viet Nam", () => {
  it("is judged in Asia/Ho_Chi_Minh", () => {
    expect(TIME_ZONE).toBe("Asia/Ho_Chi_Minh");
  });

  it("starts at 17:00 UTC of the day before (UTC+7, no daylight saving)", () => {
    expect(vietnamToday(new Date("2026-06-30T16:59:59Z"))).toBe("2026-06-30");
    expect(vietnamToday(new Date("2026-06-30T17:00:00Z"))).toBe("2026-07-01");
    expect(vietnamToday(new Date("2026-01-15T03:00:00Z"))).toBe("2026-01-15");
  });

  it("is now when no instant is given", () => {
    expect(vietnamToday()).toBe(vietnamToday(new Date()));
  });

  it("the year turns in Viet Nam seven hours before it turns in UTC", () => {
    expect(currentYearInVietnam(new Date("2025-12-31T16:59:59Z"))).toBe(2025);
    expect(currentYearInVietnam(new Date("2025-12-31T17:00:00Z"))).toBe(2026);
    expect(currentYearInVietnam()).toBe(Number(vietnamToday().slice(0, 4)));
  });
});

describe("calendar days", () => {
  it("a stored date (UTC midnight) or a text date reads as its day", () => {
    expect(calendarDay(new Date("2025-07-01T00:00:00Z"))).toBe("2025-07-01");
    expect(calendarDay("2025-07-01T00:00:00.000Z")).toBe("2025-07-01");
    expect(calendarDay("2025-07-01")).toBe("2025-07-01");
  });

  it("adding days crosses months, leap days and years, both ways", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2025-07-01", 0)).toBe("2025-07-01");
    expect(addDays("2025-01-01", 30)).toBe("2025-01-31");
  });

  it("days between two dates are whole days, negative backwards", () => {
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2024-03-01", "2024-02-28")).toBe(-2);
    expect(daysBetween("2025-07-01", "2025-07-01")).toBe(0);
    expect(daysBetween("2025-01-01", "2026-01-01")).toBe(365);
  });

  it("a Vietnamese day runs from 00:00 to 23:59:59 at UTC+7", () => {
    expect(startOfVietnamDay("2025-07-01").toISOString()).toBe("2025-06-30T17:00:00.000Z");
    expect(endOfVietnamDay("2025-07-01").toISOString()).toBe("2025-07-01T16:59:59.000Z");
  });
});

describe("numbers as the portal keeps them", () => {
  it("points are rounded to the cent, floating-point noise included", () => {
    expect(cents(0.1 + 0.2)).toBe(0.3);
    expect(cents(12.3456)).toBe(12.35);
    expect(cents(1.236)).toBe(1.24);
    expect(cents(85.3)).toBe(85.3);
    expect(cents(61.5 + 10 + 22 + 6.5)).toBe(100);
  });

  it("a database decimal reads as a number, a missing one as null (0 stays 0)", () => {
    expect(numberOrNull({ toString: () => "85.30" })).toBe(85.3);
    expect(numberOrNull(0)).toBe(0);
    expect(numberOrNull(null)).toBeNull();
    expect(numberOrNull(undefined)).toBeNull();
  });
});

describe("days typed as dd/mm/yyyy (issue 14, item 12)", () => {
  it.each([
    ["15/12/2026", "2026-12-15"],
    ["5/1/2026", "2026-01-05"],
    [" 05-01-2026 ", "2026-01-05"],
    ["05.01.2026", "2026-01-05"],
    ["2026-12-15", "2026-12-15"],
    ["12/2026", "12/2026"],
    ["", ""],
  ])("%j → %j", (typed, day) => {
    expect(dayOfTyped(typed)).toBe(day);
  });

  it("shows a stored day as dd/mm/yyyy and reads it back", () => {
    expect(typedOfDay("2026-01-05")).toBe("05/01/2026");
    expect(dayOfTyped(typedOfDay("2026-01-05"))).toBe("2026-01-05");
  });
});
