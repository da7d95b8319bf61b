import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { idParam } from "@/lib/api/params";
import { currentActor } from "@/lib/auth/actor";
import { getDirective } from "@/lib/directives/queries";
import { getCompiledReport } from "@/lib/directives/reports/queries";
import type { DirectiveDetail } from "@/lib/directives/types";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { getFormat, inRequestLocale } from "@/lib/i18n/server";
import { OverdueBadge, ReportCellBadge, TaskStatusBadge } from "@/components/directives/badges";
import { TargetStatusBadge } from "@/components/dashboards/badges";
import { PrintButton } from "@/components/directives/print-button";
import { DocumentDownloads } from "@/components/documents/document-downloads";
import { buttonClass } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { SectionHeading } from "@/components/ui/section-heading";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("directives.compiled"))("title") };
}

type Search = Promise<Record<string, string | string[] | undefined>>;

export default async function CompiledReportPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Search }) {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const id = idParam((await params).id);
  const raw = (await searchParams).ky;
  const requested = typeof raw === "string" && raw !== "" ? raw : null;
  const report = await inRequestLocale(() => getCompiledReport(actor, id, requested === "tat-ca" ? null : requested)).catch((error) => {
    if (error instanceof NotFoundError) notFound();
    if (error instanceof ForbiddenError) return null;
    throw error;
  });
  const [t, format, directive] = await Promise.all([
    getTranslations("directives.compiled"),
    getFormat(),
    report ? inRequestLocale(() => getDirective(actor, id)) : null,
  ]);
  if (!report || !directive) {
    return (
      <Callout tone="warn" data-testid="forbidden">
        {t("forbidden")}
      </Callout>
    );
  }
  // Without a choice, the latest period that has ended (what staff compile now); else every period.
  if (requested === null && report.latestEnded) redirect(`/van-ban/${id}/bao-cao?ky=${report.latestEnded.key}`);
  const periodParam = report.selected ? report.selected.key : "";
  const exportHref = (format: string) => `/api/v1/directives/${id}/report?format=${format}${periodParam ? `&period=${periodParam}` : ""}`;
  const heading = report.selected ? report.selected.label : t("allPeriods");
  const column = report.selected ? report.columns[0] : null;
  const kind = report.directive.kindLabel;
  const pill = (active: boolean) =>
    `rounded-full border px-3 py-1 ${active ? "border-brand-600 bg-brand-600 text-white" : "border-slate-300 hover:bg-slate-100"}`;

  return (
    <div className="space-y-6">
      <div className="no-print flex flex-wrap items-center justify-between gap-3">
        <Link href={`/van-ban/${id}`} className="text-sm link">
          ← {kind} {report.directive.number}
        </Link>
        <div className="flex flex-wrap gap-2 text-sm">
          <a href={exportHref("xlsx")} className={buttonClass("secondary")} data-testid="download-xlsx">
            {t("downloadXlsx")}
          </a>
          <a href={exportHref("csv")} className={buttonClass("secondary")}>
            {t("downloadCsv")}
          </a>
          <PrintButton />
        </div>
      </div>

      <DocumentDownloads
        documents={[{ kind: "directiveReport", href: `/api/v1/documents/directive-report?directiveId=${id}${periodParam ? `&period=${periodParam}` : ""}` }]}
      />

      <nav aria-label={t("periods")} className="no-print flex flex-wrap gap-2 text-sm">
        {report.periods.map((p) => (
          <Link
            key={p.key}
            href={`/van-ban/${id}/bao-cao?ky=${p.key}`}
            aria-current={report.selected?.key === p.key ? "page" : undefined}
            className={pill(report.selected?.key === p.key)}
          >
            {p.label}
          </Link>
        ))}
        <Link href={`/van-ban/${id}/bao-cao?ky=tat-ca`} aria-current={report.selected ? undefined : "page"} className={pill(!report.selected)}>
          {t("allPeriods")}
        </Link>
      </nav>

      <header className="text-center">
        <p className="text-sm uppercase tracking-wide text-slate-600">{report.directive.issuer}</p>
        <h1 className="mt-1 text-xl font-bold text-brand-900" data-testid="report-heading">
          {t("heading", { kind, number: report.directive.number })}
        </h1>
        <p className="text-slate-700">{report.directive.title}</p>
        <p className="mt-1 font-semibold">{t("period", { period: heading })}</p>
        <p className="text-xs text-slate-500">
          {report.directive.issuedOn ? t("issuedOn", { date: format.day(report.directive.issuedOn) }) : ""}
          {t("generatedAt", { date: format.dateTime(report.generatedAt) })}
        </p>
      </header>

      {report.agencyCount === 0 ? (
        <Callout tone="neutral">{t("noAgencies")}</Callout>
      ) : (
        <>
          <p className="text-sm" data-testid="report-summary">
            {column
              ? t("summaryPeriod", { submitted: column.submitted, count: report.agencyCount, missing: column.missing })
              : t("summaryAll", { submitted: report.rows.filter((r) => r.state === "submitted").length, missing: report.missing })}
          </p>
          <DataTable data-testid="compiled-table">
            <THead>
              {report.selected ? null : <Th>{t("periodColumn")}</Th>}
              <Th>{t("agency")}</Th>
              <Th>{t("status")}</Th>
              <Th>{t("submittedAt")}</Th>
              <Th>{t("content")}</Th>
            </THead>
            <TBody>
              {report.rows.map((row) => (
                <tr key={`${row.period.key}-${row.agency.id}`} className="align-top" data-agency-id={row.agency.id}>
                  {report.selected ? null : <Td className="whitespace-nowrap">{row.period.label}</Td>}
                  <Td className="font-medium">{row.agency.name}</Td>
                  <Td>
                    <ReportCellBadge state={row.state} />
                  </Td>
                  <Td className="whitespace-nowrap text-xs">
                    {row.submittedAt ? format.dateTime(row.submittedAt) : "—"}
                    {row.submittedBy ? <div className="text-slate-500">{row.submittedBy}</div> : null}
                  </Td>
                  <Td className="whitespace-pre-line">{row.content ?? ""}</Td>
                </tr>
              ))}
            </TBody>
          </DataTable>
        </>
      )}
      <CompiledTasks tasks={directive.tasks} />
      <CompiledTargets targets={directive.targets} />
    </div>
  );
}

/** The directive's tasks as they stand: what the reports are about. */
async function CompiledTasks({ tasks }: { tasks: DirectiveDetail["tasks"] }) {
  const [t, format] = await Promise.all([getTranslations("work.compiled"), getFormat()]);
  return (
    <section aria-labelledby="compiled-tasks" className="space-y-2 print:break-inside-auto">
      <SectionHeading id="compiled-tasks">{t("tasks", { count: tasks.length })}</SectionHeading>
      {tasks.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noTasks")}</p>
      ) : (
        <DataTable stacked data-testid="compiled-tasks">
          <THead>
            <Th>{t("number")}</Th>
            <Th>{t("task")}</Th>
            <Th>{t("lead")}</Th>
            <Th>{t("due")}</Th>
            <Th>{t("status")}</Th>
            <Th>{t("progress")}</Th>
          </THead>
          <TBody>
            {tasks.map((task) => (
              <tr key={task.id} className="row-keep" data-task-id={task.id}>
                <Td className="tabular-nums" label={t("number")}>
                  {task.sortOrder}
                </Td>
                <Td label={t("task")}>
                  {task.title}
                  {task.coAgencies.length > 0 ? (
                    <span className="cell-note">{t("co", { agencies: task.coAgencies.map((c) => c.name).join(", ") })}</span>
                  ) : null}
                </Td>
                <Td label={t("lead")}>{task.lead?.name ?? t("noLead")}</Td>
                <Td className="whitespace-nowrap tabular-nums" label={t("due")}>
                  {format.day(task.dueOn)}
                  {task.overdue ? (
                    <div className="mt-1">
                      <OverdueBadge days={task.daysOverdue} />
                    </div>
                  ) : null}
                </Td>
                <Td label={t("status")}>
                  <TaskStatusBadge status={task.status} />
                </Td>
                <Td label={t("progress")}>
                  <span className="tabular-nums">{task.progressPercent}%</span>
                  {task.progressNote ? <span className="cell-note whitespace-pre-line">{task.progressNote}</span> : null}
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
    </section>
  );
}

/** The directive's targets with their evaluation today. */
async function CompiledTargets({ targets }: { targets: DirectiveDetail["targets"] }) {
  const t = await getTranslations("work.compiled");
  return (
    <section aria-labelledby="compiled-targets" className="space-y-2 print:break-inside-auto">
      <SectionHeading id="compiled-targets">{t("targets", { count: targets.length })}</SectionHeading>
      {targets.length === 0 ? (
        <p className="text-sm text-slate-600">{t("noTargets")}</p>
      ) : (
        <DataTable stacked data-testid="compiled-targets">
          <THead>
            <Th>{t("target")}</Th>
            <Th>{t("year")}</Th>
            <Th>{t("unit")}</Th>
            <Th>{t("status")}</Th>
            <Th>{t("explanation")}</Th>
          </THead>
          <TBody>
            {targets.map((target) => (
              <tr key={target.id} className="row-keep" data-target-id={target.id}>
                <Td label={t("target")}>{target.text}</Td>
                <Td className="tabular-nums" label={t("year")}>
                  {target.year}
                </Td>
                <Td label={t("unit")}>{target.agency?.name ?? t("province")}</Td>
                <Td label={t("status")}>{target.evaluation ? <TargetStatusBadge status={target.evaluation.status} /> : "—"}</Td>
                <Td className="text-xs text-slate-700" label={t("explanation")}>
                  {target.evaluation?.explanation ?? ""}
                </Td>
              </tr>
            ))}
          </TBody>
        </DataTable>
      )}
    </section>
  );
}
