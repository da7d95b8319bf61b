// The top of the leader dashboard: what is off track, in one screen — the year's targets at risk or
// missed, the overdue tasks with their lead agency, the lowest agencies — each linking to its detail.
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { LeaderDashboard } from "@/lib/dashboards/types";
import { useFormat } from "@/lib/i18n/client";
import { Card } from "@/components/ui/card";
import { OverdueBadge } from "@/components/directives/badges";
import { TargetStatusBadge } from "./badges";

const SHOWN = 3;

export function SummaryStrip({ data }: { data: LeaderDashboard }) {
  const t = useTranslations("work.summary");
  const format = useFormat();
  const offTrack = data.targets.filter((target) => target.evaluation.status === "missed" || target.evaluation.status === "at_risk");
  const ranked = data.periods.find((period) => period.standings.length > 0);
  const lowest = ranked ? [...ranked.standings].reverse().slice(0, SHOWN) : [];
  return (
    <section aria-labelledby="summary-heading" data-testid="summary-strip">
      <h2 id="summary-heading" className="sr-only">
        {t("title", { year: data.year })}
      </h2>
      <div className="grid gap-3 md:grid-cols-3">
        <Card padding="sm" data-testid="summary-targets" data-count={offTrack.length}>
          <h3 className="text-sm font-semibold text-slate-700">{t("targets", { year: data.year })}</h3>
          <p className={`text-3xl font-bold tabular-nums ${offTrack.length > 0 ? "text-red-700" : "text-slate-400"}`}>{format.integer(offTrack.length)}</p>
          {data.targets.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noTargets", { year: data.year })}</p>
          ) : offTrack.length === 0 ? (
            <p className="text-sm text-slate-600">{t("targetsOnTrack", { count: data.targets.length })}</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {offTrack.slice(0, SHOWN).map((target) => (
                <li key={target.id}>
                  <TargetStatusBadge status={target.evaluation.status} /> {target.evaluation.targetText}
                  <span className="block text-xs text-slate-600">
                    {target.unitLabel} · {target.directive.number}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <SeeAll href="#targets-heading" more={offTrack.length - SHOWN} />
        </Card>
        <Card padding="sm" data-testid="summary-tasks" data-count={data.overdueTasks.length}>
          <h3 className="text-sm font-semibold text-slate-700">{t("tasks")}</h3>
          <p className={`text-3xl font-bold tabular-nums ${data.overdueTasks.length > 0 ? "text-red-700" : "text-slate-400"}`}>
            {format.integer(data.overdueTasks.length)}
          </p>
          {data.overdueTasks.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noTasks")}</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm">
              {data.overdueTasks.slice(0, SHOWN).map((task) => (
                <li key={task.id}>
                  <Link href={`/van-ban/${task.directive.id}`} className="link">
                    {task.title}
                  </Link>
                  <span className="block text-xs text-slate-600">
                    {t("lead", { agency: task.leadAgency ?? t("noLead") })} · {t("due", { date: format.day(task.dueOn) })}{" "}
                    <OverdueBadge days={task.daysOverdue} />
                  </span>
                </li>
              ))}
            </ul>
          )}
          <SeeAll href="/viec-cua-toi" more={data.overdueTasks.length - SHOWN} />
        </Card>
        <Card padding="sm" data-testid="summary-agencies">
          <h3 className="text-sm font-semibold text-slate-700">{t("lowest", { year: ranked?.year ?? data.year })}</h3>
          {lowest.length === 0 ? (
            <p className="text-sm text-slate-600">{t("noFinalized", { year: data.year, agencies: data.periods[0]?.agencyCount ?? 0 })}</p>
          ) : (
            <ol className="mt-1 space-y-1 text-sm">
              {lowest.map((agency) => (
                <li key={agency.agencyId} data-agency={agency.code}>
                  <Link href={`/co-quan/${agency.agencyId}?nam=${ranked!.year}`} className="link">
                    {agency.name}
                  </Link>{" "}
                  <span className="tabular-nums font-semibold">{format.score(agency.finalTotal)}</span>
                  <span className="block text-xs text-slate-600">
                    {agency.rank ? t("rankOf", { rank: agency.rank, count: ranked!.standings.length }) : t("unranked")}
                    {agency.classification ? ` · ${agency.classification}` : ""}
                  </span>
                </li>
              ))}
            </ol>
          )}
          <SeeAll href="#agencies-heading" more={0} />
        </Card>
      </div>
    </section>
  );
}

function SeeAll({ href, more }: { href: string; more: number }) {
  const t = useTranslations("work.summary");
  return (
    <p className="mt-2 text-sm">
      <Link href={href} className="link">
        {more > 0 ? t("seeMore", { count: more }) : t("seeAll")}
      </Link>
    </p>
  );
}
