// One agency's criteria as Quyết định 1020/UBND-TH asks agency heads to read them: every
// criterion with its scores and flags (not scored / below maximum / below target), the weakest
// first, the change since last year, the tasks meant to fix it, and "what to fix" to reach a total.
import { Link } from "@/components/ui/link";
import { useTranslations } from "next-intl";
import type { AgencyView } from "@/lib/dashboards/types";
import type { CriterionFlag } from "@/lib/dashboards/flags";
import { useFormat } from "@/lib/i18n/client";
import { IllustrativeBadge } from "@/components/assessments/badges";
import { ClientMessages } from "@/components/i18n/client-messages";
import { Button } from "@/components/ui/button";
import { Callout } from "@/components/ui/callout";
import { Card } from "@/components/ui/card";
import { FilterField, filterInputClass } from "@/components/ui/field";
import { PageHeader } from "@/components/ui/page-header";
import { FlagBadge } from "./badges";
import { CriteriaRows } from "./criteria-rows";
import { TargetsTable } from "./targets-table";
import { SectionHeading } from "@/components/ui/section-heading";

type Assessment = NonNullable<AgencyView["assessment"]>;

const FLAGS: CriterionFlag[] = ["not_scored", "below_max", "below_target"];
const strong = (chunks: React.ReactNode) => <strong className="tabular-nums">{chunks}</strong>;

function href(agencyId: number, params: Record<string, string | number | undefined>): string {
  const query = new URLSearchParams(
    Object.entries(params)
      .filter((e): e is [string, string | number] => e[1] !== undefined)
      .map(([k, v]) => [k, String(v)]),
  );
  const text = query.toString();
  return `/co-quan/${agencyId}${text ? `?${text}` : ""}`;
}

export function AgencyViewHeader({ view }: { view: AgencyView }) {
  const t = useTranslations("dashboards.agency");
  const ta = useTranslations("assessments");
  const a = view.assessment;
  return (
    <PageHeader
      back={view.agencies.length > 0 ? { href: `/bang-dieu-khien?tinh=${view.agency.provinceId}${a ? `&nam=${a.year}` : ""}`, label: t("back") } : undefined}
      titleTestId="agency-title"
      title={
        <>
          {view.agency.name}
          {a ? <span className="text-slate-500">{t("year", { year: a.year })}</span> : null}
          {view.agency.isDemo ? <IllustrativeBadge label={t("demoAgency")} /> : null}
        </>
      }
      actions={
        <div className="no-print flex flex-wrap items-end gap-3">
          {view.agencies.length > 0 ? (
            <form method="get" action="/co-quan" className="flex items-end gap-2" aria-label={t("chooseAgency")}>
              {a ? <input type="hidden" name="nam" value={a.year} /> : null}
              <FilterField label={t("agency")}>
                <select name="co-quan" defaultValue={String(view.agency.id)} className={filterInputClass}>
                  {view.agencies.map((agency) => (
                    <option key={agency.id} value={agency.id}>
                      {agency.name}
                    </option>
                  ))}
                </select>
              </FilterField>
              <Button type="submit" variant="secondary">
                {t("open")}
              </Button>
            </form>
          ) : null}
          {view.assessments.length > 0 ? (
            <form method="get" className="flex items-end gap-2" aria-label={t("chooseYear")}>
              {a ? <input type="hidden" name="sap-xep" value={a.sort === "code" ? "ma" : "diem-mat"} /> : null}
              <FilterField label={t("assessmentYear")}>
                <select name="nam" defaultValue={String(a?.year ?? view.requestedYear ?? "")} className={filterInputClass}>
                  {view.assessments.map((x) => (
                    <option key={x.year} value={x.year}>
                      {t("yearOption", { year: x.year, status: ta(`periodStatus.${x.periodStatus}`) })}
                    </option>
                  ))}
                </select>
              </FilterField>
              <Button type="submit">{t("view")}</Button>
            </form>
          ) : null}
        </div>
      }
    >
      <p className="text-slate-600">
        {view.agency.provinceName}
        {a ? (
          <>
            {" "}
            · {a.framework.name}
            {a.framework.illustrative ? <IllustrativeBadge /> : null} · {ta(`periodStatus.${a.periodStatus}`)} ·{" "}
            {t("sheetStatus", { status: ta(`assessmentStatus.${a.status}`) })}
          </>
        ) : null}
      </p>
    </PageHeader>
  );
}

export function AgencyViewBody({ view }: { view: AgencyView }) {
  const t = useTranslations("dashboards.agency");
  const format = useFormat();
  const a = view.assessment;
  if (!a) {
    return (
      <Card as="p" padding="md" data-testid="no-assessment">
        {view.requestedYear !== null ? t("noSheetInYear", { agency: view.agency.name, year: view.requestedYear }) : t("noSheet", { agency: view.agency.name })}
      </Card>
    );
  }
  const counts = (flag: CriterionFlag) => a.rows.filter((r) => r.flags.includes(flag)).length;
  return (
    <div className="space-y-6">
      <section className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4 print:grid-cols-2" aria-label={t("summary")}>
        <Card padding="md" className="print:p-3">
          <p className="text-sm text-slate-500">{t("total")}</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="agency-total">
            {format.score(a.total)}
            <span className="text-base font-normal text-slate-500"> / {format.points(a.framework.maxScore)}</span>
          </p>
          <p className="text-xs text-slate-500">
            {t("basis", { basis: t(`bases.${a.basis}`) })}
            {a.bonus !== null && (a.bonus > 0 || (a.penalty ?? 0) > 0)
              ? t("bonusPenalty", { bonus: format.points(a.bonus), penalty: format.points(a.penalty) })
              : ""}
          </p>
        </Card>
        <Card padding="md" className="print:p-3">
          <p className="text-sm text-slate-500">{t("rank")}</p>
          <p className="text-2xl font-bold tabular-nums" data-testid="agency-rank">
            {a.rank ? `${a.rank.value}/${a.rank.of}` : "—"}
          </p>
          <p className="text-xs text-slate-500">{a.rank ? t("rankTies") : t("rankLater")}</p>
        </Card>
        <Card padding="md" className="print:p-3">
          <p className="text-sm text-slate-500">{t("classification")}</p>
          <p className="text-2xl font-bold">{a.classification ?? "—"}</p>
          <p className="text-xs text-slate-500">{a.framework.gradeBands.map((b) => `${b.label} ≥ ${format.points(b.minScore)}`).join("; ")}</p>
        </Card>
        <Card padding="md" className="print:p-3">
          <p className="text-sm text-slate-500">{t("toFix")}</p>
          <ul className="mt-1 space-y-1 text-sm" data-testid="flag-counts">
            {FLAGS.map((flag) => (
              <li key={flag} className="flex items-center justify-between gap-2">
                <FlagBadge flag={flag} /> <span className="font-semibold tabular-nums">{counts(flag)}</span>
              </li>
            ))}
          </ul>
        </Card>
      </section>

      <CriteriaTable view={view} a={a} />
      <WhatToFix view={view} a={a} />
      <AgencyTargets view={view} year={a.year} />
    </div>
  );
}

function CriteriaTable({ view, a }: { view: AgencyView; a: Assessment }) {
  const t = useTranslations("dashboards.agency");
  const sortLink = (order: "diem-mat" | "ma", label: string) => {
    const current = (a.sort === "code" ? "ma" : "diem-mat") === order;
    return (
      <Link
        href={href(view.agency.id, { nam: a.year, "sap-xep": order === "diem-mat" ? undefined : order })}
        aria-current={current ? "true" : undefined}
        className={
          current ? "rounded-full bg-brand-600 px-3 py-1 font-semibold text-white" : "rounded-full border border-slate-300 px-3 py-1 hover:bg-slate-100"
        }
      >
        {label}
      </Link>
    );
  };
  return (
    <Card as="section" padding="md" className="print:break-inside-auto! print:p-3" aria-labelledby="criteria-heading">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <SectionHeading id="criteria-heading">{t("criteria", { year: a.year })}</SectionHeading>
        <nav className="no-print flex gap-2 text-sm" aria-label={t("sort")}>
          {sortLink("diem-mat", t("sortLost"))}
          {sortLink("ma", t("sortCode"))}
        </nav>
      </div>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-xs text-slate-600" aria-label={t("legend")}>
        {FLAGS.map((flag) => (
          <li key={flag} className="flex items-center gap-1">
            <FlagBadge flag={flag} /> {t(`flagHelp.${flag}`)}
          </li>
        ))}
      </ul>
      {a.previousYear === null ? (
        <p className="mt-2 text-xs text-slate-500" data-testid="no-previous-year">
          {t("noPreviousYear", { year: a.year - 1, agency: view.agency.name })}
        </p>
      ) : null}
      {a.basis !== "final" ? (
        <Callout tone="warn" size="sm" className="mt-2">
          {t("notFinal", { basis: t(`bases.${a.basis}`) })}
        </Callout>
      ) : null}
      <div className="relative mt-3 overflow-x-auto">
        <ClientMessages namespaces={["dashboards.criteriaRows", "dashboards.flags", "directives.taskStatus"]}>
          <CriteriaRows agencyName={view.agency.name} year={a.year} sort={a.sort} previousYear={a.previousYear} rows={a.rows} />
        </ClientMessages>
      </div>
    </Card>
  );
}

function WhatToFix({ view, a }: { view: AgencyView; a: Assessment }) {
  const t = useTranslations("dashboards.fix");
  const format = useFormat();
  const { plan, targetSource, newRank, currentRank, newClassification } = a.whatToFix;
  return (
    <Card as="section" padding="md" className="print:break-inside-auto! print:p-3" aria-labelledby="fix-heading" data-testid="what-to-fix">
      <SectionHeading id="fix-heading">{t("title")}</SectionHeading>
      <form method="get" className="no-print mt-2 flex flex-wrap items-end gap-2" aria-label={t("target")}>
        <input type="hidden" name="nam" value={a.year} />
        {a.sort === "code" ? <input type="hidden" name="sap-xep" value="ma" /> : null}
        <FilterField label={t("target")}>
          <input name="muc-tieu" inputMode="decimal" defaultValue={format.decimal(a.whatToFix.target)} className={`w-28 ${filterInputClass}`} />
        </FilterField>
        <Button type="submit">{t("compute")}</Button>
      </form>
      {a.whatToFix.notActionable.length > 0 ? (
        <p className="mt-2 text-sm text-slate-600" data-testid="fix-not-actionable">
          {t("notActionable", { count: a.whatToFix.notActionable.length, codes: a.whatToFix.notActionable.join(", ") })}
        </p>
      ) : null}
      {!plan || !targetSource ? (
        <p className="mt-3 text-sm text-slate-700">{t("atMaximum", { agency: view.agency.name })}</p>
      ) : (
        <div className="mt-3 space-y-2 text-sm" data-status={plan.status}>
          <p>
            {t.rich("goal", {
              target: format.points(plan.target),
              source: targetSource.label,
              current: format.score(plan.current),
              strong,
            })}
          </p>
          {plan.status === "reached" ? (
            <p className="text-emerald-800">{t("reached")}</p>
          ) : plan.status === "impossible" ? (
            <Callout tone="error" size="sm" className="text-red-900" role="note" data-testid="fix-impossible">
              {plan.aboveMaximum
                ? t("aboveMaximum", { max: format.points(a.framework.maxScore) })
                : t("impossible", {
                    count: plan.picks.length,
                    recovered: format.points(plan.recovered),
                    total: format.score(plan.newTotal),
                    shortfall: format.points(plan.shortfall),
                  })}
            </Callout>
          ) : (
            <>
              <p>{t.rich("gap", { gap: format.points(plan.gap), count: plan.picks.length, strong })}</p>
              <ol className="list-inside list-decimal space-y-1" data-testid="fix-picks">
                {plan.picks.map((pick) => (
                  <li key={pick.code} data-code={pick.code}>
                    <span className="tabular-nums">{pick.code}</span> {pick.name} {t.rich("missing", { points: format.points(pick.missing), strong })}
                  </li>
                ))}
              </ol>
              <p data-testid="fix-outcome">
                {t.rich("outcome", { total: format.score(plan.newTotal), strong })}
                {newClassification ? t("outcomeClassification", { classification: newClassification }) : ""}
                {newRank && currentRank
                  ? t.rich("outcomeRank", {
                      rank: newRank.rank,
                      of: newRank.of,
                      current: currentRank.rank,
                      currentOf: currentRank.of,
                      strong: (chunks) => <strong>{chunks}</strong>,
                    })
                  : t("outcomeNoRank")}
                .
              </p>
            </>
          )}
          <p className="text-xs text-slate-500">{t("assumption")}</p>
        </div>
      )}
    </Card>
  );
}

function AgencyTargets({ view, year }: { view: AgencyView; year: number }) {
  const t = useTranslations("dashboards.agency");
  if (view.targets.length === 0) {
    return (
      <Card as="p" padding="md" className="text-sm text-slate-700 print:p-3" data-testid="agency-targets-empty">
        {t("noTargets", { year, agency: view.agency.name })}
      </Card>
    );
  }
  return (
    <Card as="section" padding="md" className="print:break-inside-auto! print:p-3" aria-labelledby="agency-targets-heading">
      <SectionHeading id="agency-targets-heading">{t("targets", { year })}</SectionHeading>
      <div className="mt-3">
        <TargetsTable targets={view.targets} testId="agency-targets" showUnit={false} />
      </div>
    </Card>
  );
}
