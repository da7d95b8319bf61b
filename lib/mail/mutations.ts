// Mail is written to the outbox (mail_message) in the transaction that causes it: it leaves only
// if that transaction commits, and the worker's relay (./relay.ts) sends it afterwards, so a
// slow or failing mail server never fails the request. Without SMTP_URL it stays in the outbox.
import "server-only";
import type { Prisma } from "@/lib/db/client";
import type { Locale } from "@/lib/i18n/config";
import { formatFor } from "@/lib/i18n/format";
import { translator } from "@/lib/i18n/translator";
import { composeMail, portalAddress, type ComposedMail } from "./compose";

type Tx = Prisma.TransactionClient;

export type OutgoingMail = ComposedMail & { to: string; purpose: string; userId?: number | null; provinceId?: number | null };

export async function queueMails(tx: Tx, mails: readonly OutgoingMail[]): Promise<void> {
  if (mails.length === 0) return;
  await tx.mailMessage.createMany({
    data: mails.map((m) => ({
      toAddress: m.to,
      subject: m.subject,
      text: m.text,
      html: m.html,
      purpose: m.purpose,
      userId: m.userId ?? null,
      provinceId: m.provinceId ?? null,
    })),
  });
}

/** The invitation or reset mail carrying a one-time link (issuePasswordLinks). */
export function passwordLinkMail(
  user: { id: number; email: string; name: string; locale: Locale | null; provinceId: number | null },
  purpose: "INVITE" | "RESET",
  path: string,
  expiresAt: Date,
): OutgoingMail {
  const locale = user.locale ?? "vi";
  const key = purpose === "INVITE" ? "invitation" : "passwordReset";
  const t = translator(locale, "notifications.mail");
  const url = `${portalAddress()}${path}`;
  return {
    ...composeMail({
      locale,
      name: user.name,
      subject: t(`${key}.subject`),
      paragraphs: [t(`${key}.body`, { email: user.email, expiresAt: formatFor(locale).dateTime(expiresAt) })],
      url,
    }),
    to: user.email,
    purpose: key,
    userId: user.id,
    provinceId: user.provinceId,
  };
}
