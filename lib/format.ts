// Vietnamese display formats for lib code: 85,30 · 20/09/2021. Dates are shown in Viet Nam's time (lib/time.ts).
import { formatFor } from "@/lib/i18n/format";
import { TIME_ZONE } from "./time";

// Vietnamese alphabetical order, and criterion codes in numeric order (1.2 before 1.10). Each collator
// is made once: `localeCompare(other, "vi")` builds one per comparison, which alone took 13% of the
// agency view's CPU when sorting 90 criteria.
export const compareVietnamese = new Intl.Collator("vi").compare;
export const compareCodes = new Intl.Collator("vi", { numeric: true }).compare;
// lib's own messages and files are written in Vietnamese; pages format in the request's language
// with getFormat()/useFormat() (lib/i18n). Both use the same formatters, made once per locale.
const vi = formatFor("vi");
export const formatScore = vi.score;
/** Maximum points as the decisions print them: 61,5 · 10 · 0,25. */
export const formatPoints = vi.points;
/** A calendar date stored as UTC midnight (a @db.Date column) keeps its day. */
export const formatCalendarDate = vi.calendarDate;
export const formatDateTime = vi.dateTime;

const dateTimeSecondsFormat = new Intl.DateTimeFormat("vi-VN", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});
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
