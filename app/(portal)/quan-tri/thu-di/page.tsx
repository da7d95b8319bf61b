import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { listOutbox } from "@/lib/mail/queries";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Callout } from "@/components/ui/callout";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.outbox"))("title") };
}

const TONE: Record<"PENDING" | "SENT" | "FAILED", BadgeTone> = { PENDING: "info", SENT: "ok", FAILED: "bad" };

/** The outbox: what the portal sent or would send; without SMTP_URL, where mail stays. */
export default async function OutboxPage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap?next=/quan-tri/thu-di");
  const [t, format] = await Promise.all([getTranslations("notifications.outbox"), getFormat()]);
  let outbox: Awaited<ReturnType<typeof listOutbox>>;
  try {
    outbox = await listOutbox(actor);
  } catch (error) {
    if (error instanceof ForbiddenError) return <Callout tone="error">{error.message}</Callout>;
    throw error;
  }
  return (
    <div className="space-y-6">
      <PageHeader title={t("title")} lead={t("hint")} />
      {!outbox.smtpConfigured && <Callout tone="warn">{t("noSmtp")}</Callout>}
      {outbox.rows.length === 0 ? (
        <p className="text-slate-600">{t("empty")}</p>
      ) : (
        <DataTable data-testid="outbox">
          <THead>
            <Th>{t("createdAt")}</Th>
            <Th>{t("to")}</Th>
            <Th>{t("subject")}</Th>
            <Th>{t("status")}</Th>
            <Th numeric>{t("attempts")}</Th>
          </THead>
          <TBody>
            {outbox.rows.map((m) => (
              <tr key={m.id} className="align-top">
                <Td className="whitespace-nowrap">{format.dateTime(m.createdAt)}</Td>
                <Td>{m.to}</Td>
                <Td>
                  <details>
                    <summary className="cursor-pointer">{m.subject}</summary>
                    <pre className="mt-2 whitespace-pre-wrap break-words text-xs text-slate-700">{m.text}</pre>
                  </details>
                  {m.lastError && (
                    <p className="mt-1 text-xs text-red-700">
                      {t("lastError")}: {m.lastError}
                    </p>
                  )}
                </Td>
                <Td>
                  <Badge tone={TONE[m.status]}>{t(`statuses.${m.status}`)}</Badge>
                </Td>
                <Td numeric>{m.attempts}</Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
    </div>
  );
}
