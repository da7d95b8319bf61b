// The outbox as administrators read it (/quan-tri/thu-di): everything for ADMIN, the mail to their
// province's people for Home Affairs staff (the permission table's "mail.read").
import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { authorizeOwnProvince, reachWhere } from "@/lib/auth/reach";
import { db } from "@/lib/db/client";

export const OUTBOX_PAGE_SIZE = 100;

export type OutboxRow = {
  id: number;
  to: string;
  subject: string;
  text: string;
  status: "PENDING" | "SENT" | "FAILED";
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  sentAt: Date | null;
};

export async function listOutbox(actor: Actor | null): Promise<{ rows: OutboxRow[]; smtpConfigured: boolean }> {
  authorizeOwnProvince(actor, "mail.read");
  const where = reachWhere(actor, "mail.read", { province: (ids) => ({ provinceId: { in: ids } }), agency: () => ({ provinceId: { in: [] } }) });
  const rows = await db.mailMessage.findMany({ where, orderBy: { id: "desc" }, take: OUTBOX_PAGE_SIZE });
  return {
    smtpConfigured: Boolean(process.env.SMTP_URL?.trim()),
    rows: rows.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      text: m.text,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt,
      sentAt: m.sentAt,
    })),
  };
}
