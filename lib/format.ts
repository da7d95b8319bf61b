// Vietnamese display formats: 85,30 · 20/09/2021. Dates are shown in Viet Nam's time (lib/time.ts).
import { TIME_ZONE } from "./time";

// Vietnamese alphabetical order, and criterion codes in numeric order (1.2 before 1.10). Each collator
// is made once: `localeCompare(other, "vi")` builds one per comparison, which alone took 13% of the
// agency view's CPU when sorting 90 criteria.
export const compareVietnamese = new Intl.Collator("vi").compare;
export const compareCodes = new Intl.Collator("vi", { numeric: true }).compare;
const scoreFormat = new Intl.NumberFormat("vi-VN", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const integerFormat = new Intl.NumberFormat("vi-VN");
const pointsFormat = new Intl.NumberFormat("vi-VN", { maximumFractionDigits: 2 });
const calendarDateFormat = new Intl.DateTimeFormat("vi-VN", { timeZone: "UTC", day: "2-digit", month: "2-digit", year: "numeric" });
const dateTimeParts = { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric", hour: "2-digit", minute: "2-digit" } as const;
const dateTimeFormat = new Intl.DateTimeFormat("vi-VN", dateTimeParts);
const dateTimeSecondsFormat = new Intl.DateTimeFormat("vi-VN", { ...dateTimeParts, second: "2-digit" });

export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : scoreFormat.format(value);
}
/** Maximum points as the decisions print them: 61,5 · 10 · 0,25. */
export function formatPoints(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : pointsFormat.format(value);
}
export function formatInteger(value: number): string {
  return integerFormat.format(value);
}
/** A calendar date stored as UTC midnight (a @db.Date column) keeps its day. */
export function formatCalendarDate(value: Date | null | undefined): string {
  if (!value) return "—";
  return calendarDateFormat.format(value);
}
export function formatDateTime(value: Date | null | undefined): string {
  return value ? dateTimeFormat.format(value) : "—";
}
/** With the seconds, which tell apart changes made in the same minute (the audit log's export). */
export function formatDateTimeSeconds(value: Date): string {
  return dateTimeSecondsFormat.format(value);
}

/**
 * Sources are cited as the press printed them: "host/path" and sometimes "(title)". A link is
 * made only from a host-and-path citation; anything else stays plain text.
 */
export function sourceHref(source: string): string | null {
  const citation = source.split(" (")[0].trim();
  if (/^https?:\/\//i.test(citation)) return citation;
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i.test(citation) ? `https://${citation}` : null;
}
