// Creating notifications, and the jobs that create them: the deadline scan and the daily digest.
// "Once per (user, subject, threshold)" is the unique index of the notification table: a second
// scan, in this process or another, inserts nothing and so mails nothing.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import type { Prisma, PrismaClient } from "@/lib/db/generated/client";
import { parseInput } from "@/lib/errors";
import type { Locale } from "@/lib/i18n/config";
import { translator } from "@/lib/i18n/translator";
import { endOfVietnamDay, calendarDay, vietnamToday, addDays } from "@/lib/time";
import { composeMail, portalAddress } from "@/lib/mail/compose";
import { queueMails, type OutgoingMail } from "@/lib/mail/mutations";
import { awaitsSelfScoring, reminderDue, SELF_SCORING_THRESHOLDS, TASK_THRESHOLDS, taskIsOpen } from "./deadline-reminders";
import { markReadSchema, preferencesSchema } from "./schema";
import { DEFAULT_DELIVERY, KINDS_OF_ROLE, notificationTitle, type NotificationKind, type NotificationParams } from "./kinds";

type Tx = Prisma.TransactionClient;

export type NewNotification = {
  userId: number;
  kind: NotificationKind;
  subject: string;
  threshold: string;
  params: NotificationParams;
  link: string;
};

type Recipient = { id: number; email: string; name: string; locale: Locale | null; provinceId: number | null };

/**
 * Inserts the notifications not yet given (the others are skipped by the unique index) and, for
 * users who want this kind at once, queues their mail in the same transaction.
 */
export async function notify(tx: Tx, rows: readonly NewNotification[], now = new Date()): Promise<number> {
  if (rows.length === 0) return 0;
  const created = await tx.notification.createManyAndReturn({
    data: rows.map((r) => ({ ...r, createdAt: now })),
    skipDuplicates: true,
  });
  if (created.length === 0) return 0;
  const userIds = [...new Set(created.map((n) => n.userId))];
  const [users, preferences] = await Promise.all([
    tx.user.findMany({ where: { id: { in: userIds }, active: true }, select: { id: true, email: true, name: true, locale: true, provinceId: true } }),
    tx.notificationPreference.findMany({ where: { userId: { in: userIds } } }),
  ]);
  const byId = new Map(users.map((u) => [u.id, u]));
  const delivery = new Map(preferences.map((p) => [`${p.userId}:${p.kind}`, p.delivery]));
  const immediate = created.filter((n) => byId.has(n.userId) && (delivery.get(`${n.userId}:${n.kind}`) ?? DEFAULT_DELIVERY) === "IMMEDIATE");
  await queueMails(
    tx,
    immediate.map((n) => {
      const user = byId.get(n.userId)!;
      const title = notificationTitle(user.locale ?? "vi", n.kind, n.threshold, n.params as NotificationParams);
      return notificationMail(user, title, [{ text: title, url: `${portalAddress()}${n.link}` }], "notification");
    }),
  );
  if (immediate.length > 0) await tx.notification.updateMany({ where: { id: { in: immediate.map((n) => n.id) } }, data: { mailedAt: now } });
  return created.length;
}

function notificationMail(user: Recipient, subject: string, items: { text: string; url: string }[], purpose: string): OutgoingMail {
  const locale = user.locale ?? "vi";
  const paragraphs = purpose === "digest" ? [translator(locale, "notifications.mail.digest")("intro")] : [];
  return { ...composeMail({ locale, name: user.name, subject, paragraphs, items }), to: user.email, purpose, userId: user.id, provinceId: user.provinceId };
}

/** Notifies `rows` in transactions of 1,000 (a national scan makes tens of thousands). */
export async function notifyInBatches(client: PrismaClient, rows: readonly NewNotification[], now = new Date()): Promise<number> {
  let created = 0;
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000);
    created += await client.$transaction((tx) => notify(tx, chunk, now), { timeout: 60_000 });
  }
  return created;
}

/**
 * Part of the deadline scan: reminders of self-scoring deadlines to agency heads, and one summary
 * of late agencies per period to the province's Home Affairs staff. `now` is the scan's clock (a
 * job's parameter, so a test or an administrator can scan "as of" a moment).
 */
export async function scanSelfScoringDeadlines(db: PrismaClient, now = new Date()): Promise<{ notifications: number }> {
  const horizon = new Date(now.getTime() + 8 * 86_400_000);
  const sheets = await db.assessment.findMany({
    where: {
      status: "DRAFT",
      period: { status: "SELF_SCORING" },
      OR: [{ deadlineExtendedTo: { lte: horizon } }, { deadlineExtendedTo: null, period: { selfScoringDeadline: { lte: horizon } } }],
    },
    select: {
      id: true,
      status: true,
      deadlineExtendedTo: true,
      agency: { select: { id: true, name: true, users: { where: { role: "AGENCY_HEAD", active: true }, select: { id: true } } } },
      period: { select: { id: true, year: true, status: true, provinceId: true, selfScoringDeadline: true } },
    },
  });
  const rows: NewNotification[] = [];
  const late = new Map<number, { period: (typeof sheets)[number]["period"]; agencies: string[] }>();
  for (const sheet of sheets) {
    if (!awaitsSelfScoring(sheet.period.status, sheet.status)) continue;
    // An agency given more time (the control board's extension) is reminded of its own deadline.
    const deadline = sheet.deadlineExtendedTo ?? sheet.period.selfScoringDeadline;
    const threshold = reminderDue(deadline, now, SELF_SCORING_THRESHOLDS);
    if (!threshold) continue;
    const params = { year: sheet.period.year, deadline: deadline.toISOString(), agency: sheet.agency.name };
    for (const head of sheet.agency.users) {
      rows.push({ userId: head.id, kind: "selfScoringDeadline", subject: `assessment:${sheet.id}`, threshold, params, link: `/danh-gia/phieu/${sheet.id}` });
    }
    if (threshold === "passed") {
      const entry = late.get(sheet.period.id) ?? { period: sheet.period, agencies: [] };
      entry.agencies.push(sheet.agency.name);
      late.set(sheet.period.id, entry);
    }
  }
  if (late.size > 0) {
    const staff = await db.user.findMany({
      where: { role: "HOME_AFFAIRS", active: true, provinceId: { in: [...new Set([...late.values()].map((l) => l.period.provinceId))] } },
      select: { id: true, provinceId: true },
    });
    for (const { period, agencies } of late.values()) {
      const params = { year: period.year, deadline: period.selfScoringDeadline.toISOString(), count: agencies.length, agencies: agencies.sort().join(", ") };
      for (const officer of staff.filter((s) => s.provinceId === period.provinceId)) {
        rows.push({
          userId: officer.id,
          kind: "lateAgencies",
          subject: `period:${period.id}:late`,
          threshold: "passed",
          params,
          link: `/danh-gia/${period.id}`,
        });
      }
    }
  }
  return { notifications: await notifyInBatches(db, rows, now) };
}

/** Part of the deadline scan: a task's due date, 3 days before and overdue, to its lead agency's heads. */
export async function scanTaskDeadlines(db: PrismaClient, now = new Date()): Promise<{ notifications: number }> {
  const rows: NewNotification[] = [];
  const tasks = await db.task.findMany({
    where: {
      status: { in: ["NOT_STARTED", "IN_PROGRESS"] },
      leadAgencyId: { not: null },
      dueOn: { lte: new Date(`${addDays(vietnamToday(now), 4)}T00:00:00Z`) },
    },
    select: {
      id: true,
      title: true,
      status: true,
      dueOn: true,
      directiveId: true,
      leadAgency: { select: { users: { where: { role: "AGENCY_HEAD", active: true }, select: { id: true } } } },
    },
  });
  for (const task of tasks) {
    if (!taskIsOpen(task.status) || !task.dueOn) continue;
    const due = endOfVietnamDay(calendarDay(task.dueOn));
    const threshold = reminderDue(due, now, TASK_THRESHOLDS);
    if (!threshold) continue;
    for (const head of task.leadAgency?.users ?? []) {
      rows.push({
        userId: head.id,
        kind: "taskDue",
        subject: `task:${task.id}`,
        threshold,
        params: { task: task.title, deadline: due.toISOString() },
        link: `/van-ban/${task.directiveId}`,
      });
    }
  }
  return { notifications: await notifyInBatches(db, rows, now) };
}

/**
 * The daily digest: one mail per user with the notifications not yet mailed of the kinds they get
 * in the digest (the default). Marking them mailed and queueing the mail happen in one transaction
 * per batch of users, so a digest killed midway is resumed by the next run, never repeated.
 */
export async function sendDailyDigest(db: PrismaClient, now = new Date()): Promise<{ mails: number }> {
  let mails = 0;
  for (;;) {
    const batch = await db.$transaction(
      async (tx) => {
        // Two digests at once (a second worker, "run now") take turns batch by batch; each batch
        // reads only what the previous one left unmailed.
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('daily-digest'))`;
        const pending = await tx.$queryRaw<{ user_id: number }[]>`
          SELECT DISTINCT n.user_id FROM notification n
          LEFT JOIN notification_preference p ON p.user_id = n.user_id AND p.kind = n.kind
          WHERE n.mailed_at IS NULL AND n.read_at IS NULL AND COALESCE(p.delivery, ${DEFAULT_DELIVERY}::"NotificationDelivery") = 'DIGEST'
          ORDER BY n.user_id LIMIT 500`;
        if (pending.length === 0) return null;
        const userIds = pending.map((p) => p.user_id);
        const [users, notes, preferences] = await Promise.all([
          tx.user.findMany({ where: { id: { in: userIds } }, select: { id: true, email: true, name: true, locale: true, provinceId: true, active: true } }),
          tx.notification.findMany({ where: { userId: { in: userIds }, mailedAt: null, readAt: null }, orderBy: { id: "asc" } }),
          tx.notificationPreference.findMany({ where: { userId: { in: userIds } } }),
        ]);
        const delivery = new Map(preferences.map((p) => [`${p.userId}:${p.kind}`, p.delivery]));
        const digestible = notes.filter((n) => (delivery.get(`${n.userId}:${n.kind}`) ?? DEFAULT_DELIVERY) === "DIGEST");
        const outgoing: OutgoingMail[] = [];
        for (const user of users) {
          const mine = digestible.filter((n) => n.userId === user.id);
          if (!user.active || mine.length === 0) continue;
          const locale = user.locale ?? "vi";
          const items = mine.map((n) => ({
            text: notificationTitle(locale, n.kind, n.threshold, n.params as NotificationParams),
            url: `${portalAddress()}${n.link}`,
          }));
          outgoing.push(notificationMail(user, translator(locale, "notifications.mail.digest")("subject", { count: mine.length }), items, "digest"));
        }
        await queueMails(tx, outgoing);
        // Disabled users' notifications are closed too, so the next batch moves on.
        await tx.notification.updateMany({ where: { id: { in: digestible.map((n) => n.id) } }, data: { mailedAt: now } });
        return outgoing.length;
      },
      { timeout: 120_000 },
    );
    if (batch === null) break;
    mails += batch;
  }
  return { mails };
}

/** Marks one of the actor's own notifications read, or all of them. */
export async function markNotificationsRead(actor: Actor, raw: unknown, now = new Date()): Promise<void> {
  const { id } = parseInput(markReadSchema, raw);
  await db.notification.updateMany({ where: { userId: actor.id, readAt: null, ...(id ? { id } : {}) }, data: { readAt: now } });
}

/** The actor's own delivery per kind (only the kinds their role receives). */
export async function saveNotificationPreferences(actor: Actor, raw: unknown): Promise<void> {
  const { preferences } = parseInput(preferencesSchema, raw);
  const allowed = new Set(KINDS_OF_ROLE[actor.role] ?? []);
  await db.$transaction(
    preferences
      .filter((p) => allowed.has(p.kind))
      .map((p) =>
        db.notificationPreference.upsert({
          where: { userId_kind: { userId: actor.id, kind: p.kind } },
          create: { userId: actor.id, kind: p.kind, delivery: p.delivery },
          update: { delivery: p.delivery },
        }),
      ),
  );
}
