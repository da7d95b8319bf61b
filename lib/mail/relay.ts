// The outbox relay: sends what the outbox holds over SMTP (nodemailer). Run by the worker, never
// by a request. Each message is claimed with FOR UPDATE SKIP LOCKED inside a transaction that
// lasts until the mail server has answered: two workers never send the same message, and a worker
// killed mid-send leaves the message PENDING for the next one (a message is sent twice only if the
// worker dies between the server's acceptance and the COMMIT, the unavoidable window of SMTP).
import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import type { PrismaClient } from "@/lib/db/generated/client";
import { portalAddress } from "./compose";

/** Attempts before a message is marked FAILED (then only an administrator's retry sends it). */
export const MAX_ATTEMPTS = 6;
/** Backoff: 30 s, 1, 2, 4, 8 minutes. */
export const retryDelayMs = (attempts: number) => 30_000 * 2 ** (attempts - 1);

/** The SMTP transport from SMTP_URL (smtp://user:pass@host:587; STARTTLS when offered), or null: outbox only. */
export function smtpTransport(): Transporter | null {
  const url = process.env.SMTP_URL?.trim();
  return url ? nodemailer.createTransport(url) : null;
}

export function mailFrom(): string {
  return process.env.MAIL_FROM?.trim() || "CCHC <no-reply@localhost>";
}

/** Sends up to `limit` due messages, one transaction each. Returns how many were sent and failed. */
export async function relayOutbox(db: PrismaClient, transport: Transporter, limit = 50): Promise<{ sent: number; failed: number }> {
  let sent = 0;
  let failed = 0;
  for (let i = 0; i < limit; i++) {
    const outcome = await db.$transaction(
      async (tx) => {
        const [message] = await tx.$queryRaw<{ id: number; to_address: string; subject: string; text: string; html: string; attempts: number }[]>`
          SELECT id, to_address, subject, text, html, attempts FROM mail_message
          WHERE status = 'PENDING' AND next_attempt_at <= now()
          ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`;
        if (!message) return "empty" as const;
        try {
          await transport.sendMail({
            from: mailFrom(),
            to: message.to_address,
            subject: message.subject,
            text: message.text,
            html: message.html,
            messageId: `<mail-${message.id}@${new URL(portalAddress()).hostname}>`,
          });
          await tx.mailMessage.update({
            where: { id: message.id },
            data: { status: "SENT", sentAt: new Date(), attempts: message.attempts + 1, lastError: null },
          });
          return "sent" as const;
        } catch (error) {
          const attempts = message.attempts + 1;
          await tx.mailMessage.update({
            where: { id: message.id },
            data: {
              attempts,
              lastError: String((error as Error).message ?? error).slice(0, 1000),
              status: attempts >= MAX_ATTEMPTS ? "FAILED" : "PENDING",
              nextAttemptAt: new Date(Date.now() + retryDelayMs(attempts)),
            },
          });
          return "failed" as const;
        }
      },
      { timeout: 120_000, maxWait: 10_000 },
    );
    if (outcome === "empty") break;
    if (outcome === "sent") sent++;
    else failed++;
  }
  return { sent, failed };
}
