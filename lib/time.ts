// Time in Viet Nam. Timestamps are stored in UTC; days, deadlines and years are judged on the
// calendar of Viet Nam (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving). Calendar dates
// (@db.Date columns) are stored as UTC midnight and handled as "YYYY-MM-DD" text, which compares
// in calendar order.

export const TIME_ZONE = "Asia/Ho_Chi_Minh";
const OFFSET = "+07:00";
const DAY_MS = 86_400_000;

const vietnamDay = new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" });

/** Today's date in Viet Nam ("2026-11-22"). */
export function vietnamToday(now = new Date()): string {
  return vietnamDay.format(now);
}

/** The current year in Viet Nam (results of a later year cannot have been published). */
export function currentYearInVietnam(now = new Date()): number {
  return Number(vietnamToday(now).slice(0, 4));
}

/** A calendar date stored as UTC midnight (a @db.Date column), as "YYYY-MM-DD". */
export function calendarDay(date: Date | string): string {
  return typeof date === "string" ? date.slice(0, 10) : date.toISOString().slice(0, 10);
}

/** The calendar day `days` after (or before) `day`. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (both "YYYY-MM-DD"). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** 00:00 of a calendar day in Viet Nam, as an instant. */
export function startOfVietnamDay(day: string): Date {
  return new Date(`${day}T00:00:00${OFFSET}`);
}

/** 23:59:59 of a calendar day in Viet Nam, as an instant: a deadline "until that day". */
export function endOfVietnamDay(day: string): Date {
  return new Date(`${day}T23:59:59${OFFSET}`);
}

/**
 * A day typed as people in Viet Nam write it, "15/12/2026" (or "5/1/2026", "15-12-2026"), as
 * "2026-12-15"; anything else is returned as typed, for the schema to refuse with its message.
 */
export function dayOfTyped(text: string): string {
  const match = /^\s*(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})\s*$/.exec(text);
  if (!match) return text.trim();
  const [, day, month, year] = match;
  return `${year}-${month.padStart(2, "0")}-${day.padStart(2, "0")}`;
}

/** "2026-12-15" → "15/12/2026", as a date field shows it. */
export function typedOfDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return match ? `${match[3]}/${match[2]}/${match[1]}` : day;
}
