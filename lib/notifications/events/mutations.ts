// Notifications of the workflow's events, created inside the transaction of the mutation that
// causes them (so a refused or rolled-back change tells nobody): who is concerned is read at
// that moment — the agency's active heads, the province's active Home Affairs staff, its leaders —
// and the one who acted is never told of their own act.
import "server-only";
import type { Prisma } from "@/lib/db/generated/client";
import type { Role } from "@/lib/db/generated/enums";
import { calendarDay, endOfVietnamDay } from "@/lib/time";
import { type NewNotification, notify } from "../mutations";
import type { NotificationKind, NotificationParams } from "../kinds";

type Tx = Prisma.TransactionClient;

/** A sheet (assessment) as the events name it. */
export type SheetEvent = { id: number; agencyId: number; agencyName: string; year: number; provinceId: number };

/** The subject, threshold and wording of one event, sent to `recipients`. */
type Event = { kind: NotificationKind; subject: string; params: NotificationParams; link: string };

async function tell(tx: Tx, recipients: { id: number }[], actorId: number, event: Event): Promise<number> {
  const rows: NewNotification[] = recipients.filter((user) => user.id !== actorId).map((user) => ({ userId: user.id, ...event, threshold: "event" }));
  return notify(tx, rows);
}

const agencyHeads = (tx: Tx, agencyIds: number[]) =>
  tx.user.findMany({ where: { role: "AGENCY_HEAD", active: true, agencyId: { in: agencyIds } }, select: { id: true } });

const provinceStaff = (tx: Tx, provinceId: number, roles: Role[]) =>
  tx.user.findMany({ where: { role: { in: roles }, active: true, provinceId }, select: { id: true } });

const sheetLink = (sheet: SheetEvent) => `/danh-gia/phieu/${sheet.id}`;
const sheetParams = (sheet: SheetEvent) => ({ year: sheet.year, agency: sheet.agencyName });

/**
 * The agency submitted its sheet: Home Affairs of the province appraises it. `version` is the
 * sheet's version after the submission, so a sheet returned for correction and submitted again
 * is a new event.
 */
export async function sheetSubmitted(tx: Tx, actorId: number, sheet: SheetEvent, version: number): Promise<number> {
  return tell(tx, await provinceStaff(tx, sheet.provinceId, ["HOME_AFFAIRS"]), actorId, {
    kind: "sheetSubmitted",
    subject: `assessment:${sheet.id}:submitted:v${version}`,
    params: sheetParams(sheet),
    link: sheetLink(sheet),
  });
}

/** Home Affairs released round 1 asking for explanations on `count` criteria: the agency's heads answer. */
export async function explanationRequested(tx: Tx, actorId: number, sheet: SheetEvent, count: number): Promise<number> {
  return tell(tx, await agencyHeads(tx, [sheet.agencyId]), actorId, {
    kind: "explanationRequested",
    subject: `assessment:${sheet.id}:explanations`,
    params: { ...sheetParams(sheet), count },
    link: sheetLink(sheet),
  });
}

/** The agency answered the request on one criterion (once per criterion, whatever later edits). */
export async function explanationAnswered(tx: Tx, actorId: number, sheet: SheetEvent, criterion: { scoreId: number; code: string }): Promise<number> {
  return tell(tx, await provinceStaff(tx, sheet.provinceId, ["HOME_AFFAIRS"]), actorId, {
    kind: "explanationAnswered",
    subject: `criterionScore:${criterion.scoreId}:answered`,
    params: { ...sheetParams(sheet), criterion: criterion.code },
    link: sheetLink(sheet),
  });
}

/** Home Affairs finalized the sheet: the agency's heads can read its appraised score. */
export async function appraisalReleased(tx: Tx, actorId: number, sheet: SheetEvent, total: number): Promise<number> {
  return tell(tx, await agencyHeads(tx, [sheet.agencyId]), actorId, {
    kind: "appraisalReleased",
    subject: `assessment:${sheet.id}:finalized`,
    params: { ...sheetParams(sheet), total },
    link: sheetLink(sheet),
  });
}

/** The year's ranking is published: every ranked agency's heads, and the province's leaders. */
export async function periodPublished(tx: Tx, actorId: number, period: { id: number; year: number; provinceId: number; agencyIds: number[] }): Promise<number> {
  const [heads, leaders] = await Promise.all([agencyHeads(tx, period.agencyIds), provinceStaff(tx, period.provinceId, ["LEADER"])]);
  return tell(tx, [...heads, ...leaders], actorId, {
    kind: "periodPublished",
    subject: `period:${period.id}:published`,
    params: { year: period.year, count: period.agencyIds.length },
    link: `/danh-gia/${period.id}`,
  });
}

/**
 * A task now led by `leadAgencyId`: its heads are told once. Reminders and assignments not yet
 * read or mailed to the heads of an agency that no longer leads it are withdrawn, so the digest
 * does not tell them of a task no longer theirs.
 */
export async function taskAssigned(
  tx: Tx,
  actorId: number,
  task: { id: number; title: string; directiveId: number; leadAgencyId: number | null; dueOn: Date | null },
): Promise<number> {
  const heads = task.leadAgencyId === null ? [] : await agencyHeads(tx, [task.leadAgencyId]);
  await withdrawTaskNotices(tx, task.id, heads);
  return tell(tx, heads, actorId, {
    kind: "taskAssigned",
    subject: `task:${task.id}:lead:${task.leadAgencyId}`,
    params: task.dueOn ? { task: task.title, due: "yes", deadline: endOfVietnamDay(calendarDay(task.dueOn)).toISOString() } : { task: task.title, due: "no" },
    link: `/van-ban/${task.directiveId}`,
  });
}

/** Withdraws the task's notifications not yet read or mailed, but those of `keep` (all of them when the task is deleted). */
export async function withdrawTaskNotices(tx: Tx, taskId: number, keep: { id: number }[] = []): Promise<void> {
  await tx.notification.deleteMany({
    where: {
      kind: { in: ["taskAssigned", "taskDue"] },
      OR: [{ subject: `task:${taskId}` }, { subject: { startsWith: `task:${taskId}:` } }],
      userId: { notIn: keep.map((user) => user.id) },
      readAt: null,
      mailedAt: null,
    },
  });
}
