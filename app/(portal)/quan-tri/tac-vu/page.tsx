import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { ForbiddenError } from "@/lib/errors";
import { getFormat } from "@/lib/i18n/server";
import { retryJobAction, runDeadlineScanAction } from "@/lib/jobs/actions";
import { jobsOverview } from "@/lib/jobs/queries";
import { dailyTime, QUEUES } from "@/lib/jobs/queues";
import type { JobState, JobsOverview } from "@/lib/jobs/types";
import { ActionForm } from "@/components/forms/form-kit";
import { Badge } from "@/components/ui/badge";
import { buttonClass } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";
import { SectionHeading } from "@/components/ui/section-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications.jobs"))("title") };
}

const STATES: JobState[] = ["created", "retry", "active", "completed", "cancelled", "failed"];

/** The job queue for administrators: queues and schedules, failed jobs with "Chạy lại", and "Quét hạn ngay". */
export default async function JobsPage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap?next=/quan-tri/tac-vu");
  const [t, format] = await Promise.all([getTranslations("notifications.jobs"), getFormat()]);
  let overview: JobsOverview;
  try {
    overview = await jobsOverview(actor);
  } catch (error) {
    if (error instanceof ForbiddenError) return <Callout tone="error">{error.message}</Callout>;
    throw error;
  }
  const queueName = (name: string) => {
    const key = (Object.keys(QUEUES) as (keyof typeof QUEUES)[]).find((k) => QUEUES[k] === name);
    return key ? t(`names.${key}`) : name;
  };
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        lead={t("hint")}
        actions={
          <ActionForm action={runDeadlineScanAction} submitLabel={t("scanNow")} pendingLabel={t("retrying")} testId="scan-now">
            {null}
          </ActionForm>
        }
      />
      <p className="text-sm text-slate-600">{t("scanNowHint")}</p>
      {!overview.ready && <Callout tone="warn">{t("notReady")}</Callout>}
      <section className="space-y-2">
        <SectionHeading>{t("queues")}</SectionHeading>
        <DataTable data-testid="job-queues" stacked>
          <THead>
            <Th>{t("queue")}</Th>
            <Th>{t("schedule")}</Th>
            <Th>{t("retries")}</Th>
            <Th>{t("counts")}</Th>
          </THead>
          <TBody>
            {overview.queues.map((q) => {
              const time = q.schedule ? dailyTime(q.schedule.cron) : null;
              const counts = STATES.filter((s) => q.counts[s]);
              return (
                <tr key={q.name} className="align-top">
                  <Td label={t("queue")}>
                    {queueName(q.name)}
                    <div className="font-mono text-xs text-slate-500">{q.name}</div>
                  </Td>
                  <Td label={t("schedule")}>
                    {!q.schedule
                      ? t("noSchedule")
                      : time
                        ? t("daily", { time, timeZone: q.schedule.timeZone ?? "UTC" })
                        : `${q.schedule.cron} (${q.schedule.timeZone ?? "UTC"})`}
                  </Td>
                  <Td label={t("retries")}>{t("retryPolicy", { limit: q.retryLimit, delay: q.retryDelaySeconds, backoff: String(q.retryBackoff) })}</Td>
                  <Td label={t("counts")}>
                    {counts.length === 0 ? (
                      <span className="text-slate-500">{t("noJobs")}</span>
                    ) : (
                      <span className="flex flex-wrap gap-1">
                        {counts.map((s) => (
                          <Badge key={s} tone={s === "failed" ? "bad" : s === "completed" ? "ok" : "info"}>
                            {t(`states.${s}`)}: {format.integer(q.counts[s] ?? 0)}
                          </Badge>
                        ))}
                      </span>
                    )}
                  </Td>
                </tr>
              );
            })}
          </TBody>
        </DataTable>
      </section>
      <section className="space-y-2">
        <SectionHeading>{t("failed")}</SectionHeading>
        {overview.failed.length === 0 ? (
          <p className="text-slate-600" data-testid="no-failed-jobs">
            {t("noFailed")}
          </p>
        ) : (
          <DataTable data-testid="failed-jobs" stacked>
            <THead>
              <Th>{t("queue")}</Th>
              <Th>{t("error")}</Th>
              <Th numeric>{t("attempts")}</Th>
              <Th>{t("failedAt")}</Th>
              <Th>
                <span className="sr-only">{t("retry")}</span>
              </Th>
            </THead>
            <TBody>
              {overview.failed.map((job) => (
                <tr key={job.id} className="align-top" data-job-id={job.id}>
                  <Td label={t("queue")}>
                    {queueName(job.queue)}
                    <div className="font-mono text-xs text-slate-500">{job.id}</div>
                    {job.data && (
                      <div className="text-xs text-slate-600">
                        {t("data")}: <code>{job.data}</code>
                      </div>
                    )}
                  </Td>
                  <Td label={t("error")}>
                    <p className="whitespace-pre-wrap break-words text-sm text-red-700" data-testid="job-error">
                      {job.error}
                    </p>
                  </Td>
                  <Td numeric label={t("attempts")}>
                    {format.integer(job.attempts)}
                  </Td>
                  <Td className="whitespace-nowrap" label={t("failedAt")}>
                    {job.failedAt ? format.dateTime(job.failedAt) : "—"}
                    <div className="text-xs text-slate-500">
                      {t("createdAt")}: {format.dateTime(job.createdAt)}
                    </div>
                  </Td>
                  <Td>
                    <ActionForm
                      action={retryJobAction}
                      submitLabel={t("retry")}
                      pendingLabel={t("retrying")}
                      buttonClassName={buttonClass("secondary", "xs")}
                      testId="retry-job"
                    >
                      <input type="hidden" name="queue" value={job.queue} />
                      <input type="hidden" name="id" value={job.id} />
                    </ActionForm>
                  </Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
        )}
      </section>
    </div>
  );
}
