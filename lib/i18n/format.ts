// Numbers and dates as each language writes them, with the Intl formatters made once per locale
// (a data table formats hundreds of cells; building a formatter per call was measured at 13% of a
// page's CPU). Dates are shown in Vietnam's time; calendar days (a @db.Date column, UTC midnight)
// keep their day. Pure: server components, client components and lib code share it.
import { TIME_ZONE } from "@/lib/time";
import { INTL_LOCALES, type Locale } from "./config";

/** How a value is shown when it is missing. */
export const EMPTY = "—";

export type Format = {
  /** A score with two decimals: 85,30 (vi) · 85.30 (en). */
  score(value: number | null | undefined): string;
  /** Maximum points as the decisions print them: 61,5 · 10 · 0,25. */
  points(value: number | null | undefined): string;
  /** A decimal as typed back into a form field: no grouping, the locale's decimal mark (92,18 · 92.18). */
  decimal(value: number | null | undefined): string;
  /** A change of points with its sign: +1,25 · −0,5 (a true minus sign). */
  signedPoints(value: number): string;
  /** A count or a rank: 1.234 (vi) · 1,234 (en). */
  integer(value: number): string;
  /** A calendar date stored as UTC midnight keeps its day: 20/09/2021. */
  calendarDate(value: Date | null | undefined): string;
  /** A calendar day written "2019-07-17": 17/07/2019. */
  day(value: string | null | undefined): string;
  /** A moment, as its day in Vietnam: 20/09/2021. */
  date(value: Date | null | undefined): string;
  /** A moment, in Vietnam's time: 20/09/2021 14:05 (vi) · 20/09/2021, 14:05 (en). */
  dateTime(value: Date | null | undefined): string;
  /** The time of day of a moment, in Vietnam's time: 14:05. */
  time(value: Date | null | undefined): string;
};

const DAY: Intl.DateTimeFormatOptions = { day: "2-digit", month: "2-digit", year: "numeric" };

function build(locale: Locale): Format {
  const tag = INTL_LOCALES[locale];
  const score = new Intl.NumberFormat(tag, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const points = new Intl.NumberFormat(tag, { maximumFractionDigits: 2 });
  const decimal = new Intl.NumberFormat(tag, { maximumFractionDigits: 2, useGrouping: false });
  const signedPoints = new Intl.NumberFormat(tag, { maximumFractionDigits: 2, signDisplay: "exceptZero" });
  const integer = new Intl.NumberFormat(tag);
  const calendarDate = new Intl.DateTimeFormat(tag, { ...DAY, timeZone: "UTC" });
  const date = new Intl.DateTimeFormat(tag, { ...DAY, timeZone: TIME_ZONE });
  const dateTime = new Intl.DateTimeFormat(tag, { ...DAY, hour: "2-digit", minute: "2-digit", timeZone: TIME_ZONE });
  const time = new Intl.DateTimeFormat(tag, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: TIME_ZONE });
  return {
    score: (value) => (value === null || value === undefined ? EMPTY : score.format(value)),
    points: (value) => (value === null || value === undefined ? EMPTY : points.format(value)),
    decimal: (value) => (value === null || value === undefined ? "" : decimal.format(value)),
    signedPoints: (value) => signedPoints.format(value).replace("-", "−"),
    integer: (value) => integer.format(value),
    calendarDate: (value) => (value ? calendarDate.format(value) : EMPTY),
    day: (value) => (value ? calendarDate.format(new Date(`${value}T00:00:00Z`)) : EMPTY),
    date: (value) => (value ? date.format(value) : EMPTY),
    dateTime: (value) => (value ? dateTime.format(value) : EMPTY),
    time: (value) => (value ? time.format(value) : EMPTY),
  };
}

const FORMATS = { vi: build("vi"), en: build("en") } satisfies Record<Locale, Format>;

export function formatFor(locale: Locale): Format {
  return FORMATS[locale];
}
