// A user's own notifications: the bell's unread count and the page /thong-bao. Read from the
// database on every request (no per-process state); each user reads only their own.
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/config";
import { DEFAULT_DELIVERY, KINDS_OF_ROLE, notificationTitle, type Delivery, type NotificationKind, type NotificationParams } from "./kinds";

export async function unreadCount(actor: Actor): Promise<number> {
  return db.notification.count({ where: { userId: actor.id, readAt: null } });
}

export type NotificationRow = { id: number; kind: string; title: string; link: string; createdAt: Date; read: boolean };

export async function listNotifications(actor: Actor, locale: Locale, kind?: string): Promise<NotificationRow[]> {
  const rows = await db.notification.findMany({ where: { userId: actor.id, ...(kind ? { kind } : {}) }, orderBy: { id: "desc" }, take: 200 });
  return rows.map((n) => ({
    id: n.id,
    kind: n.kind,
    title: notificationTitle(locale, n.kind, n.threshold, n.params as NotificationParams),
    link: n.link,
    createdAt: n.createdAt,
    read: n.readAt !== null,
  }));
}

/** The kinds the actor's role receives, each with the delivery they chose (or the default). */
export async function notificationPreferences(actor: Actor): Promise<{ kind: NotificationKind; delivery: Delivery }[]> {
  const chosen = await db.notificationPreference.findMany({ where: { userId: actor.id } });
  const byKind = new Map(chosen.map((p) => [p.kind, p.delivery]));
  return (KINDS_OF_ROLE[actor.role] ?? []).map((kind) => ({ kind, delivery: byKind.get(kind) ?? DEFAULT_DELIVERY }));
}
