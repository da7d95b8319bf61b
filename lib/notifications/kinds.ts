// The kinds of notification, who gets them, and how they reach a user who chose nothing:
// the daily digest (07:00 Viet Nam time), as the issue asks. No I/O.
import type { Locale } from "@/lib/i18n/config";
import { formatFor } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";

export const NOTIFICATION_KINDS = [
  "selfScoringDeadline",
  "taskDue",
  "lateAgencies",
  "sheetSubmitted",
  "explanationRequested",
  "explanationAnswered",
  "appraisalReleased",
  "periodPublished",
  "taskAssigned",
  "targetStatus",
  "reportDue",
  "reportsMissing",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const DELIVERIES = ["IMMEDIATE", "DIGEST", "PORTAL"] as const;
export type Delivery = (typeof DELIVERIES)[number];
export const DEFAULT_DELIVERY: Delivery = "DIGEST";

/** The kinds a role can receive (what its preferences list). */
export const KINDS_OF_ROLE: Record<string, readonly NotificationKind[]> = {
  AGENCY_HEAD: ["selfScoringDeadline", "explanationRequested", "appraisalReleased", "periodPublished", "taskAssigned", "taskDue", "reportDue"],
  HOME_AFFAIRS: ["sheetSubmitted", "explanationAnswered", "lateAgencies", "reportsMissing"],
  LEADER: ["periodPublished", "targetStatus"],
  ADMIN: [],
};

export type NotificationParams = Record<string, string | number>;

/** A notification's one-line title in `locale`; dates are kept as ISO text in params, scores as numbers. */
export function notificationTitle(locale: Locale, kind: string, threshold: string, params: NotificationParams): string {
  const values: Record<string, string | number> = { ...params };
  const format = formatFor(locale);
  if (typeof params.deadline === "string") values.deadline = format.date(new Date(params.deadline));
  if (typeof params.total === "number") values.total = format.score(params.total);
  if (typeof params.reportPeriod === "string") values.reportPeriod = reportPeriodLabel(locale, params.reportPeriod);
  return translator(locale, "notifications.titles")(`${kind}.${threshold}` as never, values as never);
}

/** A reporting period's key as stored ("2026-Q1", "2026-H2", "2026") in words, in `locale`. */
export function reportPeriodLabel(locale: Locale, key: string): string {
  const [year, part] = key.split("-");
  return translator(locale, "notifications.reportPeriods")((part ?? "year") as never, { year } as never);
}
