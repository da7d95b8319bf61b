import type { Metadata } from "next";
import Link from "next/link";
import { forbidden, notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { idParam } from "@/lib/api/params";
import { advanceAction, extendDeadlineAction } from "@/lib/assessments/actions";
import { periodProgress } from "@/lib/assessments/board/queries";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { DateInput } from "@/components/forms/date-input";
import { ActionForm, inputClass } from "@/components/forms/form-kit";
import { StatusBadge } from "@/components/assessments/badges";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("scoring.board"))("title") };
}

const DAY_MS = 86_400_000;

/** The period control board: Home Affairs sees every agency; an agency head its own line and countdown. */
export default async function ControlBoardPage({ params }: { params: Promise<{ periodId: string }> }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const now = new Date();
  const progress = await periodProgress(actor, idParam((await params).periodId), now).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) forbidden();
    throw error;
  });
  const [t, format] = await Promise.all([getTranslations("scoring.board"), getFormat()]);
  const late = progress.agencies.filter((a) => a.late).length;
  const submitted = progress.agencies.filter((a) => a.status !== "DRAFT").length;
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: `/danh-gia/${progress.periodId}`, label: t("back") }} title={t("heading", { year: progress.year })}>
        <p className="text-slate-600">{t("lead", { deadline: format.dateTime(progress.deadline) })}</p>
      </PageHeader>

      {progress.canManage ? (
        <p className="flex flex-wrap gap-2 text-sm" data-testid="board-summary">
          <Badge tone="info">{t("submittedCount", { submitted, total: progress.agencies.length })}</Badge>
          <Badge tone={late > 0 ? "bad" : "ok"}>{t("lateCount", { late })}</Badge>
        </p>
      ) : null}

      <DataTable data-testid="board-table">
        <THead>
          <Th>{t("agency")}</Th>
          <Th>{t("status")}</Th>
          <Th numeric>{t("progress")}</Th>
          <Th numeric>{t("evidence")}</Th>
          <Th>{t("deadline")}</Th>
          <Th className="no-print">{t("actions")}</Th>
        </THead>
        <TBody>
          {progress.agencies.map((a) => {
            const daysLeft = Math.ceil((a.deadline.getTime() - now.getTime()) / DAY_MS);
            return (
              <tr key={a.assessmentId} data-agency={a.agencyCode}>
                <Td className="font-medium">
                  <Link href={`/danh-gia/phieu/${a.assessmentId}`} className="link">
                    {a.agencyName}
                  </Link>
                  {a.peerGroup ? <span className="block text-xs text-slate-500">{a.peerGroup}</span> : null}
                </Td>
                <Td>
                  <StatusBadge status={a.status} />
                  {a.late ? (
                    <Badge tone="bad" className="ml-1">
                      {t("late")}
                    </Badge>
                  ) : null}
                </Td>
                <Td numeric>
                  {t("scoredOf", { scored: a.scored, total: a.total })}
                  <span className="block text-xs text-slate-500">{t("percent", { value: format.score(a.total === 0 ? 0 : (a.scored / a.total) * 100) })}</span>
                </Td>
                <Td numeric>{format.integer(a.evidenceCount)}</Td>
                <Td>
                  {format.dateTime(a.deadline)}
                  {a.extended ? <span className="block text-xs text-slate-500">{t("extended", { reason: a.extensionReason ?? "" })}</span> : null}
                  {a.status === "DRAFT" ? (
                    <span
                      className={`block text-xs font-semibold ${daysLeft < 0 ? "text-red-700" : daysLeft <= 3 ? "text-amber-700" : "text-slate-600"}`}
                      data-testid="countdown"
                    >
                      {daysLeft < 0 ? t("overdue", { days: -daysLeft }) : t("daysLeft", { days: daysLeft })}
                    </span>
                  ) : null}
                </Td>
                <Td className="no-print">
                  <RowActions progress={progress} row={a} t={t} />
                </Td>
              </tr>
            );
          })}
        </TBody>
      </DataTable>
    </div>
  );
}

function RowActions({
  progress,
  row,
  t,
}: {
  progress: Awaited<ReturnType<typeof periodProgress>>;
  row: Awaited<ReturnType<typeof periodProgress>>["agencies"][number];
  t: Awaited<ReturnType<typeof getTranslations<"scoring.board">>>;
}) {
  const id = row.assessmentId;
  if (!progress.canManage) {
    return row.status === "SUBMITTED" ? (
      <ActionForm action={advanceAction} submitLabel={t("withdraw")} buttonClassName={buttonClass("secondary", "xs")} testId="withdraw">
        <input type="hidden" name="assessmentId" value={id} />
        <input type="hidden" name="version" value={row.version} />
        <input type="hidden" name="step" value="withdraw" />
      </ActionForm>
    ) : null;
  }
  if (row.status === "DRAFT") {
    return (
      <div className="space-y-2">
        <Link href={`/danh-gia/phieu/${id}/khong-ap-dung`} className="text-sm link">
          {t("notApplicableLink")}
        </Link>
        <details>
          <summary className="cursor-pointer text-sm text-brand-700">{t("extend")}</summary>
          <ActionForm
            action={extendDeadlineAction}
            submitLabel={t("extendSubmit")}
            buttonClassName={buttonClass("secondary", "xs")}
            className="mt-2 grid gap-2"
            testId={`extend-${row.agencyCode}`}
          >
            <input type="hidden" name="assessmentId" value={id} />
            <input type="hidden" name="version" value={row.version} />
            <label htmlFor={`deadline-${id}`} className="text-xs text-slate-600">
              {t("newDeadline")}
            </label>
            <DateInput id={`deadline-${id}`} name="deadline" required className={inputClass} />
            <label htmlFor={`reason-${id}`} className="text-xs text-slate-600">
              {t("reason")}
            </label>
            <input id={`reason-${id}`} name="reason" required maxLength={1000} className={inputClass} />
          </ActionForm>
        </details>
      </div>
    );
  }
  if (row.status === "SUBMITTED") {
    return (
      <details>
        <summary className="cursor-pointer text-sm text-brand-700">{t("returnForCorrection")}</summary>
        <ActionForm
          action={advanceAction}
          submitLabel={t("returnSubmit")}
          buttonClassName={buttonClass("secondary", "xs")}
          className="mt-2 grid gap-2"
          testId={`return-${row.agencyCode}`}
        >
          <input type="hidden" name="assessmentId" value={id} />
          <input type="hidden" name="version" value={row.version} />
          <input type="hidden" name="step" value="returnForCorrection" />
          <label htmlFor={`return-reason-${id}`} className="text-xs text-slate-600">
            {t("reason")}
          </label>
          <input id={`return-reason-${id}`} name="reason" required maxLength={1000} className={inputClass} />
        </ActionForm>
      </details>
    );
  }
  return null;
}
