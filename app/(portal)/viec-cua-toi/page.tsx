import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentActor } from "@/lib/auth/actor";
import { getFormat, inRequestLocale } from "@/lib/i18n/server";
import { getMyWork } from "@/lib/my-work/queries";
import { OverdueBadge, ReportCellBadge, TaskStatusBadge } from "@/components/directives/badges";
import { Card } from "@/components/ui/card";
import { PendingCards } from "@/components/dashboards/pending-cards";
import { DataTable, TBody, Td, Th, THead } from "@/components/ui/data-table";
import { PageHeader } from "@/components/ui/page-header";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("directives.myWork"))("title") };
}

export default async function MyWorkPage() {
  const actor = await currentActor();
  if (!actor) redirect("/dang-nhap");
  const [work, t, format] = await Promise.all([inRequestLocale(() => getMyWork(actor)), getTranslations("directives.myWork"), getFormat()]);
  const isAgency = work.forAgency;
  const today = format.day(work.today);
  return (
    <div className="space-y-6">
      <PageHeader
        title={t("title")}
        lead={
          isAgency ? (work.agencyName ? t("leadAgency", { agency: work.agencyName, today }) : t("leadAgencyUnnamed", { today })) : t("leadStaff", { today })
        }
      />

      <PendingCards cards={work.pending} />

      <Card as="section" aria-labelledby="my-tasks">
        <h2 id="my-tasks" className="text-lg font-semibold">
          {isAgency ? t("tasksAgency") : t("tasksStaff")}
        </h2>
        {work.tasks.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("noTasks")}</p>
        ) : (
          <div className="mt-3">
            <DataTable framed={false} stacked data-testid="my-tasks">
              <THead>
                <Th>{t("directive")}</Th>
                <Th>{t("task")}</Th>
                {isAgency ? <Th>{t("role")}</Th> : null}
                <Th>{t("due")}</Th>
                <Th>{t("status")}</Th>
              </THead>
              <TBody>
                {work.tasks.map((task) => (
                  <tr key={task.id} className={task.overdue ? "bg-red-50" : undefined} data-task-id={task.id}>
                    <Td className="whitespace-nowrap" label={t("directive")}>
                      <Link href={`/van-ban/${task.directive.id}`} className="font-medium link">
                        {task.directive.number}
                      </Link>
                    </Td>
                    <Td className="max-w-lg" label={t("task")}>
                      {task.title}
                    </Td>
                    {isAgency ? <Td label={t("role")}>{task.part === "lead" ? t("roleLead") : t("roleCo")}</Td> : null}
                    <Td className="whitespace-nowrap tabular-nums" label={t("due")}>
                      {format.day(task.dueOn)}
                      {task.overdue ? (
                        <div className="mt-1">
                          <OverdueBadge days={task.daysOverdue} />
                        </div>
                      ) : null}
                    </Td>
                    <Td label={t("status")}>
                      <TaskStatusBadge status={task.status} /> <span className="text-xs tabular-nums text-slate-600">{task.progressPercent}%</span>
                    </Td>
                  </tr>
                ))}
              </TBody>
            </DataTable>
          </div>
        )}
      </Card>

      <Card as="section" aria-labelledby="my-reports">
        <h2 id="my-reports" className="text-lg font-semibold">
          {isAgency ? t("reportsAgency") : t("reportsStaff")}
        </h2>
        {work.reportsDue.length === 0 ? (
          <p className="mt-2 text-sm text-slate-600">{t("noReports")}</p>
        ) : (
          <ul className="mt-2 space-y-1 text-sm" data-testid="my-reports">
            {work.reportsDue.map((r) => (
              <li key={`${r.directive.id}-${r.agency.id}-${r.period.key}`} className="flex flex-wrap items-center gap-2">
                <ReportCellBadge state={r.state} />
                <span>
                  {t("reportPeriod", { period: r.period.label, end: format.day(r.period.end) })}
                  {isAgency ? "" : ` · ${r.agency.name}`}
                </span>
                <Link href={`/van-ban/${r.directive.id}`} className="link">
                  {r.directive.number}
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>

      {isAgency ? (
        <Card as="section" aria-labelledby="my-criteria">
          <h2 id="my-criteria" className="text-lg font-semibold">
            {t("criteria")}
          </h2>
          <p className="mt-1 text-sm text-slate-600">{t("criteriaLead")}</p>
          {work.weakCriteria.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600">{t("noCriteria")}</p>
          ) : (
            <div className="mt-3">
              <DataTable framed={false} data-testid="my-criteria">
                <THead>
                  <Th>{t("criterion")}</Th>
                  <Th numeric>{t("maxPoints")}</Th>
                  <Th numeric>{t("latestScore")}</Th>
                  <Th numeric>{t("missing")}</Th>
                  <Th>{t("tasks")}</Th>
                </THead>
                <TBody>
                  {work.weakCriteria.map((c) => (
                    <tr key={c.id} data-code={c.code}>
                      <Td>
                        <span className="font-medium">{c.code}</span> {c.name}
                        <div className="text-xs text-slate-500">{c.framework}</div>
                      </Td>
                      <Td numeric>{format.points(c.maxPoints)}</Td>
                      <Td numeric>
                        {c.score === null ? "—" : format.score(c.score)}
                        {c.basis ? <div className="text-xs text-slate-500">{t(`basis.${c.basis}`, { year: c.year ?? "" })}</div> : null}
                      </Td>
                      <Td numeric className={c.pointsLost ? "font-semibold text-red-700" : undefined}>
                        {c.pointsLost === null ? "—" : format.score(c.pointsLost)}
                      </Td>
                      <Td className="text-xs">{c.tasks.join("; ")}</Td>
                    </tr>
                  ))}
                </TBody>
              </DataTable>
            </div>
          )}
        </Card>
      ) : null}
    </div>
  );
}
